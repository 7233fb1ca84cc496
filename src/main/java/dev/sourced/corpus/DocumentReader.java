package dev.sourced.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Reads one document from a file: plain text ({@code .txt}), Markdown ({@code .md}), HTML ({@code .html}) or PDF
 * ({@code .pdf}, through the bounds of an {@link UntrustedParser}), with its metadata from a sidecar
 * {@code NAME.meta.json} beside it, or from Markdown front matter, or from the page's or the PDF's own tags. The one
 * list of formats Sourced reads. Every refusal is a {@link CorpusException} that names the file and the reason.
 */
public final class DocumentReader {
    /** The Bot API's download limit; larger documents are refused everywhere, so every path has the same bound. */
    public static final long MAX_BYTES = 20L * 1024 * 1024;
    public static final String SIDECAR_SUFFIX = ".meta.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> FORMATS = Map.of("txt", "text", "text", "text", "md", "markdown",
            "markdown", "markdown", "html", "html", "htm", "html", "pdf", "pdf");
    /** The extensions of {@link #FORMATS}, as messages name them. */
    public static final String SUPPORTED = ".txt, .md, .html, .pdf";

    private DocumentReader() {
    }

    /** True when {@code file} has an extension this reader understands (sidecars excluded). */
    public static boolean isSupported(Path file) {
        String name = file.getFileName().toString();
        return !name.endsWith(SIDECAR_SUFFIX) && FORMATS.containsKey(extension(name));
    }

    /** The format of a file name ("text", "markdown", "html", "pdf"), null when unsupported. */
    public static String formatOf(String fileName) {
        return fileName == null ? null : FORMATS.get(extension(fileName));
    }

    /** Reads a file; a PDF is read with the default bounds of {@link UntrustedParser}. */
    public static SourceDocument read(Path file) {
        try (UntrustedParser parser = new UntrustedParser()) {
            return read(file, parser).document();
        }
    }

    /**
     * Reads a file of any format within the bounds of {@code parser}, as an upload is read (its text may then be cut:
     * {@link UntrustedParser.Extracted#cut()}).
     */
    public static UntrustedParser.Extracted read(Path file, UntrustedParser parser) {
        String name = file.getFileName().toString();
        if (!Files.exists(file)) {
            throw new CorpusException(file + ": no such file");
        }
        if (Files.isDirectory(file)) {
            throw new CorpusException(file + ": is a directory");
        }
        String format = FORMATS.get(extension(name));
        if (format == null) {
            throw new CorpusException(file + ": unsupported format '." + extension(name) + "' (supported: " + SUPPORTED + ")");
        }
        long limit = format.equals("pdf") ? parser.limits().maxBytes() : MAX_BYTES;
        byte[] bytes;
        try {
            if (Files.size(file) > limit) {
                throw new CorpusException(file + ": too large (" + Files.size(file) / (1024 * 1024) + " MB; the limit is "
                        + limit / (1024 * 1024) + " MB)");
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new CorpusException(file + ": cannot be read (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
        }
        // every format through the same bounds as an upload (time, extracted length, scripts removed): a file on disk
        // is no more trusted than one sent to the bot
        UntrustedParser.Extracted read = parser.parse(bytes, format, file.toString(), file.toString());
        SourceDocument doc = read.document();
        DocumentMeta meta = readSidecar(file);
        String stem = name.substring(0, name.length() - extension(name).length() - 1);
        DocumentMeta merged = meta.orElse(doc.meta()).orElse(DocumentMeta.empty().withId(slug(stem)));
        return new UntrustedParser.Extracted(new SourceDocument(merged.withOrigin(file.toString()), format, doc.text()), read.cut());
    }

    /** Parses already-decoded content of the given format ("text", "markdown" or "html"). */
    public static SourceDocument parse(String content, String format, String origin) {
        return switch (format) {
            case "html" -> HtmlExtractor.extract(content, origin.startsWith("http") ? origin : "");
            case "markdown" -> {
                FrontMatter fm = FrontMatter.split(content);
                yield new SourceDocument(fm.meta(), format, MarkdownText.toText(fm.body()));
            }
            default -> {
                FrontMatter fm = FrontMatter.split(content);
                yield new SourceDocument(fm.meta(), "text", fm.body());
            }
        };
    }

    /**
     * UTF-8 text, or windows-1252 when the bytes are not UTF-8; refused when the bytes look binary (NUL bytes or many
     * control characters in any block of 64 KB, anywhere in the file), whatever the file is called.
     */
    public static String decode(byte[] bytes, String what) {
        if (bytes.length == 0) {
            throw new CorpusException(what + ": empty file");
        }
        // the whole file is checked, block by block: text followed by binary bytes is binary too
        for (int from = 0; from < bytes.length; from += BINARY_BLOCK) {
            int to = Math.min(bytes.length, from + BINARY_BLOCK);
            int control = 0;
            for (int i = from; i < to; i++) {
                int b = bytes[i] & 0xff;
                if (b == 0) {
                    throw new CorpusException(what + ": binary content (NUL bytes), not text");
                }
                if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f') {
                    control++;
                }
            }
            if (control > (to - from) / 100 + 2) {
                throw new CorpusException(what + ": binary content (control characters), not text");
            }
        }
        String s;
        try {
            s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            s = new String(bytes, Charset.forName("windows-1252"));
        }
        if (!s.isEmpty() && s.charAt(0) == '\uFEFF') {
            s = s.substring(1);
        }
        if (s.isBlank()) {
            throw new CorpusException(what + ": empty (only white space)");
        }
        return s;
    }

    /** The binary check looks at each block of this many bytes: a share of control characters in any is binary. */
    private static final int BINARY_BLOCK = 64 * 1024;

    static DocumentMeta readSidecar(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        Path sidecar = file.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + SIDECAR_SUFFIX);
        if (!Files.exists(sidecar)) {
            return DocumentMeta.empty();
        }
        try {
            JsonNode n = JSON.readTree(Files.readString(sidecar, StandardCharsets.UTF_8));
            if (n == null || !n.isObject()) {
                throw new CorpusException(sidecar + ": metadata must be a JSON object");
            }
            String lang = n.path("language").asText("");
            return new DocumentMeta(n.path("id").asText(""), n.path("title").asText(""), n.path("outlet").asText(""),
                    n.path("url").asText(""), lang.isEmpty() ? null : Lang.fromCode(lang), n.path("published").asText(""), "");
        } catch (IOException e) {
            throw new CorpusException(sidecar + ": invalid metadata JSON (" + e.getMessage().lines().findFirst().orElse("") + ")", e);
        }
    }

    static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** A document id made of lower-case letters, digits, '-' and '_'. */
    public static String slug(String s) {
        String folded = LanguageDetector.fold(s).replaceAll("[^a-z0-9_-]+", "-").replaceAll("-{2,}", "-");
        folded = folded.replaceAll("^-|-$", "");
        if (folded.length() > 80) folded = folded.substring(0, 80);
        return folded.isEmpty() ? "doc" : folded;
    }

    /** Optional front matter at the top of a text or Markdown file: {@code ---}, {@code key: value} lines, {@code ---}. */
    record FrontMatter(DocumentMeta meta, String body) {
        static FrontMatter split(String content) {
            if (!content.startsWith("---\n") && !content.startsWith("---\r\n")) {
                return new FrontMatter(DocumentMeta.empty(), content);
            }
            int end = content.indexOf("\n---", 4);
            if (end < 0) {
                return new FrontMatter(DocumentMeta.empty(), content);
            }
            DocumentMeta m = DocumentMeta.empty();
            for (String line : content.substring(4, end).split("\n")) {
                int colon = line.indexOf(':');
                if (colon <= 0) continue;
                String k = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
                String v = line.substring(colon + 1).strip().replaceAll("^[\"']|[\"']$", "");
                m = switch (k) {
                    case "id" -> m.withId(v);
                    case "title" -> m.withTitle(v);
                    case "outlet", "source", "site" -> m.withOutlet(v);
                    case "url" -> m.withUrl(v);
                    case "language", "lang" -> m.withLanguage(Lang.fromCode(v));
                    case "published", "date" -> m.withPublished(v);
                    default -> m;
                };
            }
            int bodyStart = content.indexOf('\n', end + 1);
            return new FrontMatter(m, bodyStart < 0 ? "" : content.substring(bodyStart + 1));
        }
    }
}
