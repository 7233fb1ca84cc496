package dev.sourced.corpus;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.Writer;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * Reads files nobody vouches for (uploads, fetched pages) into documents, within bounds: the bytes are at most
 * {@link Limits#maxBytes()}, parsing runs on a thread of its own that is abandoned (interrupted) after
 * {@link Limits#timeout()}, one parse at a time, and the extracted text is cut at {@link Limits#maxChars()}. Scripts
 * and styles never reach the text, whatever the format. Every refusal is a {@link CorpusException} saying why.
 */
public final class UntrustedParser implements AutoCloseable {
    /** The bounds of one parse. */
    public record Limits(long maxBytes, Duration timeout, int maxChars, int maxPdfPages) {
        public static final Limits DEFAULT = new Limits(DocumentReader.MAX_BYTES, Duration.ofSeconds(30), 300_000, 500);
    }

    /** A document read from untrusted bytes; {@code cut} when its text was longer than the limit and was cut. */
    public record Extracted(SourceDocument document, boolean cut) {
    }

    private static final String[] ACTIVE_TAGS = {"script", "style"};
    /** How often (in tags) the scan of scripts checks whether its parse was stopped. */
    private static final int CHECK_EVERY = 4096;

    private final Limits limits;
    private final ExecutorService threads = Executors.newThreadPerTaskExecutor(
            Thread.ofPlatform().name("sourced-parse-", 0).daemon(true).factory());
    private final Semaphore oneAtATime = new Semaphore(1);

    public UntrustedParser(Limits limits) {
        this.limits = limits;
    }

    public UntrustedParser() {
        this(Limits.DEFAULT);
    }

    public Limits limits() {
        return limits;
    }

    /**
     * Scripts and styles pasted into text or Markdown are not article text either: removes them with their content,
     * and any stray opening or closing tag of theirs.
     */
    public static String withoutScripts(String text) {
        // one pass, in linear time: no regular expression rescans the text from every tag (16 MB of unclosed
        // <script> tags would take hours); stops when its thread is interrupted (the parse took too long)
        if (text.indexOf('<') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int[] nextClose = {-2, -2}; // per tag: the first closing tag at or after the last position searched, -1: none
        int[] searchedFrom = {0, 0};
        int i = 0;
        int tags = 0;
        while (true) {
            int lt = text.indexOf('<', i);
            if (lt < 0) {
                out.append(text, i, text.length());
                return out.toString();
            }
            if (++tags % CHECK_EVERY == 0 && Thread.currentThread().isInterrupted()) {
                throw new CorpusException("reading was stopped");
            }
            boolean closing = lt + 1 < text.length() && text.charAt(lt + 1) == '/';
            int t = activeTag(text, closing ? lt + 2 : lt + 1);
            int gt = t < 0 ? -1 : text.indexOf('>', lt);
            if (gt < 0) {
                out.append(text, i, lt + 1);
                i = lt + 1;
                continue;
            }
            out.append(text, i, lt);
            i = gt + 1;
            if (closing) {
                continue; // a stray closing tag
            }
            if (nextClose[t] == -2 || (nextClose[t] >= 0 && nextClose[t] < i)) {
                nextClose[t] = closingTag(text, ACTIVE_TAGS[t], Math.max(i, searchedFrom[t]));
                searchedFrom[t] = i;
            }
            if (nextClose[t] >= 0) {
                i = text.indexOf('>', nextClose[t]) + 1; // the element and its content go
            }
            // else an unclosed tag: only the tag goes
        }
    }

    /** Which of {@link #ACTIVE_TAGS} starts at {@code at} as a whole tag name (case ignored); -1 if none. */
    private static int activeTag(String text, int at) {
        for (int t = 0; t < ACTIVE_TAGS.length; t++) {
            String name = ACTIVE_TAGS[t];
            int after = at + name.length();
            if (text.regionMatches(true, at, name, 0, name.length())
                    && (after >= text.length() || !isWordChar(text.charAt(after)))) {
                return t;
            }
        }
        return -1;
    }

    /** The position of the first {@code </name\s*>} at or after {@code from}, -1 if there is none. */
    private static int closingTag(String text, String name, int from) {
        int at = from;
        while (true) {
            int lt = text.indexOf("</", at);
            if (lt < 0) {
                return -1;
            }
            int after = lt + 2 + name.length();
            if (text.regionMatches(true, lt + 2, name, 0, name.length())) {
                int k = after;
                while (k < text.length() && Character.isWhitespace(text.charAt(k))) k++;
                if (k < text.length() && text.charAt(k) == '>') {
                    return lt;
                }
            }
            at = lt + 2;
        }
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    /** The note for a text longer than {@link Limits#maxChars()}, cut there. */
    public String cutNote() {
        return "The text was longer than " + String.format(Locale.ROOT, "%,d", limits.maxChars()) + " characters and was cut there.";
    }

    /** Reads {@code bytes} of the given format; {@code name} names the file in messages, {@code origin} is recorded. */
    public Extracted parse(byte[] bytes, String format, String name, String origin) {
        if (format == null) {
            throw new CorpusException(name + ": unsupported type (send " + DocumentReader.SUPPORTED + ")");
        }
        if (bytes.length > limits.maxBytes()) {
            throw new CorpusException(name + ": too large (" + mb(bytes.length) + "; the limit is " + mb(limits.maxBytes()) + ")");
        }
        if (bytes.length == 0) {
            throw new CorpusException(name + ": empty file");
        }
        boolean acquired = false;
        try {
            acquired = oneAtATime.tryAcquire(limits.timeout().toMillis(), TimeUnit.MILLISECONDS);
            if (!acquired) {
                throw new CorpusException(name + ": another document is being read; try again in a moment");
            }
            // a Future of the executor (not a CompletableFuture) so that cancelling interrupts the thread: the parse
            // stops instead of keeping a core busy after the caller gave up
            Future<Extracted> work = threads.submit(() -> read(bytes, format, name, origin));
            try {
                return work.get(limits.timeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                work.cancel(true);
                throw new CorpusException(name + ": reading it took too long (over " + limits.timeout().toSeconds()
                        + " s); is the file damaged?");
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof CorpusException ce) throw ce;
                if (cause instanceof OutOfMemoryError) {
                    throw new CorpusException(name + ": too large to read");
                }
                throw new CorpusException(name + ": cannot be read (" + cause.getClass().getSimpleName() + ")", cause);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CorpusException(name + ": interrupted while reading");
        } finally {
            if (acquired) oneAtATime.release();
        }
    }

    private Extracted read(byte[] bytes, String format, String name, String origin) {
        SourceDocument doc;
        try {
            if (format.equals("pdf")) {
                doc = pdf(bytes, name, origin);
            } else {
                String text = DocumentReader.decode(bytes, name);
                if (!format.equals("html")) {
                    text = withoutScripts(text);
                }
                doc = DocumentReader.parse(text, format, origin);
            }
        } catch (OutOfMemoryError e) {
            throw new CorpusException(name + ": too large to read");
        }
        String text = doc.text();
        boolean cut = false;
        if (text.length() > limits.maxChars()) {
            int end = text.lastIndexOf('\n', limits.maxChars());
            text = text.substring(0, end > limits.maxChars() / 2 ? end : limits.maxChars());
            cut = true;
        }
        if (text.isBlank()) {
            throw new CorpusException(name + ": no text in it");
        }
        return new Extracted(new SourceDocument(doc.meta().withOrigin(origin), doc.format(), text), cut);
    }

    private SourceDocument pdf(byte[] bytes, String name, String origin) {
        if (bytes.length < 5 || !new String(bytes, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1).equals("%PDF-")) {
            throw new CorpusException(name + ": not a PDF file (no %PDF header)");
        }
        CappedWriter out = new CappedWriter(limits.maxChars() + 1);
        DocumentMeta meta = DocumentMeta.empty();
        try (PDDocument pdf = Loader.loadPDF(new RandomAccessReadBuffer(bytes), "", null, null,
                IOUtils.createTempFileOnlyStreamCache())) {
            PDDocumentInformation info = pdf.getDocumentInformation();
            if (info != null && info.getTitle() != null && !info.getTitle().isBlank()
                    && !info.getTitle().matches("(?i).*\\.(docx?|pdf|odt|rtf)$")) {
                meta = meta.withTitle(info.getTitle().strip());
            }
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setEndPage(Math.min(pdf.getNumberOfPages(), limits.maxPdfPages()));
            stripper.setLineSeparator("\n");
            stripper.setParagraphEnd("\n\n");
            try {
                stripper.writeText(pdf, out);
            } catch (LimitReached full) {
                // enough text: the rest is cut anyway
            }
        } catch (org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException e) {
            throw new CorpusException(name + ": the PDF is protected by a password");
        } catch (InterruptedIOException e) {
            throw new CorpusException(name + ": reading it was stopped");
        } catch (IOException | RuntimeException e) {
            throw new CorpusException(name + ": not a readable PDF (" + firstLine(e.getMessage()) + ")");
        }
        // lines of a PDF are wrapped where the page ended them: a paragraph is rejoined into one line
        StringBuilder text = new StringBuilder();
        for (String para : out.text().split("\n\\s*\n")) {
            String p = para.strip().replaceAll("-\n(?=\\p{Ll})", "").replaceAll("\\s*\n\\s*", " ");
            if (!p.isEmpty()) text.append(p).append('\n');
        }
        if (text.isEmpty()) {
            throw new CorpusException(name + ": the PDF has no text layer (a scan?)");
        }
        return new SourceDocument(meta, "pdf", text.toString());
    }

    private static String firstLine(String s) {
        return s == null ? "malformed" : s.lines().findFirst().orElse("malformed");
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }

    private static final class LimitReached extends IOException {
        LimitReached() {
            super("text limit reached");
        }
    }

    /** Collects text up to a limit, then stops the writer's caller; stops too when the thread is interrupted. */
    private static final class CappedWriter extends Writer {
        private final StringBuilder sb = new StringBuilder();
        private final int max;

        CappedWriter(int max) {
            this.max = max;
        }

        @Override
        public void write(char[] cbuf, int off, int len) throws IOException {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedIOException("interrupted");
            }
            int room = max - sb.length();
            sb.append(cbuf, off, Math.min(room, len));
            if (len >= room) {
                throw new LimitReached();
            }
        }

        String text() {
            return sb.toString();
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
