package dev.sourced.corpus;

/**
 * Metadata of one article. Empty strings mean "not known"; {@code language} null means "detect from the text".
 * {@code published} is an ISO-8601 date or a prefix of one ("2023-04-12", "2023-04").
 */
public record DocumentMeta(String id, String title, String outlet, String url, Lang language, String published, String origin) {
    public DocumentMeta {
        id = nz(id);
        title = nz(title).strip();
        outlet = nz(outlet).strip();
        url = nz(url).strip();
        published = nz(published).strip();
        origin = nz(origin);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    public static DocumentMeta empty() {
        return new DocumentMeta("", "", "", "", null, "", "");
    }

    public DocumentMeta withId(String v) {
        return new DocumentMeta(v, title, outlet, url, language, published, origin);
    }

    public DocumentMeta withTitle(String v) {
        return new DocumentMeta(id, v, outlet, url, language, published, origin);
    }

    public DocumentMeta withOutlet(String v) {
        return new DocumentMeta(id, title, v, url, language, published, origin);
    }

    public DocumentMeta withUrl(String v) {
        return new DocumentMeta(id, title, outlet, v, language, published, origin);
    }

    public DocumentMeta withLanguage(Lang v) {
        return new DocumentMeta(id, title, outlet, url, v, published, origin);
    }

    public DocumentMeta withPublished(String v) {
        return new DocumentMeta(id, title, outlet, url, language, v, origin);
    }

    public DocumentMeta withOrigin(String v) {
        return new DocumentMeta(id, title, outlet, url, language, published, v);
    }

    /** This metadata with every field that is empty here taken from {@code fallback}. */
    public DocumentMeta orElse(DocumentMeta fallback) {
        return new DocumentMeta(
                id.isEmpty() ? fallback.id : id,
                title.isEmpty() ? fallback.title : title,
                outlet.isEmpty() ? fallback.outlet : outlet,
                url.isEmpty() ? fallback.url : url,
                language == null ? fallback.language : language,
                published.isEmpty() ? fallback.published : published,
                origin.isEmpty() ? fallback.origin : origin);
    }
}
