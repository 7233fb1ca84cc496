package dev.sourced.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The article of an HTML page: its main text (the {@code article} or {@code main} element when there is one, never
 * menus, scripts, styles, forms or asides) as one paragraph per line, and its metadata from the page's own tags
 * ({@code og:*}, {@code article:published_time}, JSON-LD, {@code <link rel=canonical>}, {@code <html lang>}).
 */
public final class HtmlExtractor {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DROP = "script, style, noscript, template, nav, header, footer, aside, form, iframe, svg, "
            + "canvas, button, select, input, object, embed, [role=navigation], [role=banner], [role=contentinfo], "
            + "[aria-hidden=true], .share, .social, .newsletter, .related, .comments, .advert, .ad, .ads, .cookie";
    private static final Set<String> BLOCKS = Set.of(
            "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "blockquote",
            "pre", "br", "tr", "table", "figcaption", "figure", "dd", "dt", "dl", "hr", "address");

    private HtmlExtractor() {
    }

    public static SourceDocument extract(String html, String baseUri) {
        Document doc = Jsoup.parse(html, baseUri == null ? "" : baseUri);
        DocumentMeta meta = metadata(doc);
        Element root = mainElement(doc);
        root.select(DROP).remove();
        String text = blockText(root);
        if (!meta.title().isEmpty()) {
            // the page's own headline is the title, not text to index twice
            String first = text.lines().findFirst().orElse("").strip();
            if (first.equals(meta.title())) {
                text = text.substring(text.indexOf(first) + first.length()).strip();
            }
        }
        return new SourceDocument(meta, "html", text);
    }

    private static Element mainElement(Document doc) {
        Elements articles = doc.select("article");
        Element best = null;
        for (Element a : articles) {
            if (best == null || a.text().length() > best.text().length()) best = a;
        }
        if (best != null && best.text().length() > 200) return best;
        Element main = doc.selectFirst("main, [role=main], #content, .article-body, .post-content, .entry-content");
        if (main != null && main.text().length() > 200) return main;
        return doc.body() == null ? doc : doc.body();
    }

    static String blockText(Element root) {
        StringBuilder sb = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    String s = t.text();
                    if (!s.isBlank()) {
                        if (sb.length() > 0 && !Character.isWhitespace(sb.charAt(sb.length() - 1)) && Character.isWhitespace(s.charAt(0))) {
                            sb.append(' ');
                        }
                        sb.append(s.strip());
                        if (Character.isWhitespace(s.charAt(s.length() - 1))) sb.append(' ');
                    }
                } else if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
                    sb.append('\n');
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
                    sb.append('\n');
                }
            }
        }, root);
        List<String> lines = new ArrayList<>();
        for (String l : sb.toString().split("\n")) {
            String t = l.replaceAll("[ \\t\\u00A0]+", " ").strip();
            if (!t.isEmpty()) lines.add(t);
        }
        return String.join("\n", lines);
    }

    static DocumentMeta metadata(Document doc) {
        String title = first(meta(doc, "og:title"), meta(doc, "twitter:title"), doc.title());
        String outlet = first(meta(doc, "og:site_name"), meta(doc, "application-name"));
        String url = first(attr(doc, "link[rel=canonical]", "href"), meta(doc, "og:url"));
        String published = first(meta(doc, "article:published_time"), meta(doc, "og:article:published_time"),
                meta(doc, "date"), meta(doc, "dc.date"), attr(doc, "time[datetime]", "datetime"));
        String lang = first(attr(doc, "html[lang]", "lang"), meta(doc, "og:locale"));
        for (Element script : doc.select("script[type=application/ld+json]")) {
            try {
                JsonNode node = JSON.readTree(script.data());
                for (JsonNode n : articleNodes(node)) {
                    title = first(title, text(n, "headline"));
                    published = first(published, text(n, "datePublished"));
                    url = first(url, text(n, "url"), text(n, "mainEntityOfPage", "@id"));
                    outlet = first(outlet, text(n, "publisher", "name"));
                    lang = first(lang, text(n, "inLanguage"));
                }
            } catch (Exception ignored) {
                // malformed JSON-LD is common; the other tags still count
            }
        }
        if (title.isEmpty()) {
            Element h1 = doc.selectFirst("h1");
            title = h1 == null ? "" : h1.text();
        }
        if (published.length() > 10 && published.charAt(4) == '-') {
            published = published.substring(0, 10);
        }
        return new DocumentMeta("", title, outlet, url, lang.isEmpty() ? null : Lang.fromCode(lang), published, "");
    }

    private static List<JsonNode> articleNodes(JsonNode node) {
        List<JsonNode> out = new ArrayList<>();
        if (node == null) return out;
        if (node.isArray()) {
            node.forEach(n -> out.addAll(articleNodes(n)));
        } else if (node.isObject()) {
            if (node.has("@graph")) out.addAll(articleNodes(node.get("@graph")));
            String type = node.path("@type").asText("");
            if (type.contains("Article") || type.contains("Posting") || node.has("headline")) out.add(node);
        }
        return out;
    }

    private static String text(JsonNode n, String... path) {
        JsonNode cur = n;
        for (String p : path) {
            cur = cur.path(p);
        }
        return cur.isValueNode() ? cur.asText("").strip() : "";
    }

    private static String meta(Document doc, String name) {
        Element e = doc.selectFirst("meta[property=" + name + "], meta[name=" + name + "]");
        return e == null ? "" : e.attr("content").strip();
    }

    private static String attr(Document doc, String css, String attr) {
        Element e = doc.selectFirst(css);
        return e == null ? "" : e.attr(attr).strip();
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) return v.strip();
        }
        return "";
    }
}
