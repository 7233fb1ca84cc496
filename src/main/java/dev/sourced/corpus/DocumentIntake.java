package dev.sourced.corpus;

import java.nio.file.Path;

/**
 * Every way a document comes in, with the same bounds and the same messages whoever brings it (the bot's moderators
 * or {@code sourced ingest}): a file on disk, the bytes of an upload, a web page. Parsing goes through one
 * {@link UntrustedParser}, fetching through one {@link PageFetcher}. Every refusal is a {@link CorpusException}
 * saying why.
 */
public final class DocumentIntake implements AutoCloseable {
    /** A page from a link must have at least this much article text to be taken. */
    public static final int MIN_PAGE_TEXT = 200;

    private final UntrustedParser parser;
    private final PageFetcher fetcher;

    public DocumentIntake(UntrustedParser parser, PageFetcher fetcher) {
        if (parser == null) throw new IllegalArgumentException("parser: required");
        if (fetcher == null) throw new IllegalArgumentException("fetcher: required");
        this.parser = parser;
        this.fetcher = fetcher;
    }

    /** Default bounds: 20 MB and 30 s per file, 300,000 characters; pages of at most 5 MB, public addresses only. */
    public DocumentIntake() {
        this(new UntrustedParser(), new PageFetcher());
    }

    public UntrustedParser.Limits limits() {
        return parser.limits();
    }

    /** True for text that is a web link ({@code scheme://…}, one word) rather than a path or an article's text. */
    public static boolean isLink(String source) {
        return !source.contains("\n") && source.strip().matches("(?i)^[a-z][a-z0-9+.-]*://\\S+$");
    }

    /** A file on disk (text, Markdown, HTML, or PDF within the parser's bounds), with its sidecar metadata. */
    public UntrustedParser.Extracted file(Path file) {
        return DocumentReader.read(file, parser);
    }

    /**
     * The format of an upload from its name, else from its MIME type (a PDF); refused when unsupported or when its
     * declared size (null when unknown) is over the limit, before anything is downloaded.
     */
    public String uploadFormat(String name, String mimeType, Long declaredSize) {
        String format = DocumentReader.formatOf(name);
        if (format == null && "application/pdf".equals(mimeType)) format = "pdf";
        if (format == null) {
            throw new CorpusException(name + ": unsupported type; send a .txt, .md, .html or .pdf file");
        }
        long limit = parser.limits().maxBytes();
        if (declaredSize != null && declaredSize > limit) {
            throw new CorpusException(name + ": too large (" + declaredSize / (1024 * 1024) + " MB; the limit is "
                    + limit / (1024 * 1024) + " MB)");
        }
        return format;
    }

    /** The bytes of an upload of {@code format}; {@code name} names it in messages, {@code origin} is recorded. */
    public UntrustedParser.Extracted upload(byte[] bytes, String format, String name, String origin) {
        return parser.parse(bytes, format, name, origin);
    }

    /** The article of a web page (HTML, plain text or PDF), refused when it has almost no article text. */
    public UntrustedParser.Extracted page(String url) {
        PageFetcher.Page page = fetcher.fetch(url);
        String format = page.pdf() ? "pdf" : page.plainText() ? "text" : "html";
        UntrustedParser.Extracted ex = parser.parse(page.body(), format, page.url().toString(), page.url().toString());
        SourceDocument doc = ex.document();
        int length = Boilerplate.clean(doc.text()).text().strip().length();
        if (length < MIN_PAGE_TEXT) {
            throw new CorpusException(url + ": the page has almost no article text (" + length
                    + " characters); is it an article?");
        }
        DocumentMeta meta = doc.meta();
        if (meta.url().isEmpty() || !PageFetcher.isWebUrl(meta.url())) {
            meta = meta.withUrl(page.url().toString());
        }
        return new UntrustedParser.Extracted(new SourceDocument(meta, doc.format(), doc.text()), ex.cut());
    }

    /** What to tell about a text cut at the limit. */
    public String cutNote() {
        return parser.cutNote();
    }

    @Override
    public void close() {
        parser.close();
    }
}
