package dev.sourced.answer;

/**
 * Where a quoted passage stands: one article of the corpus, and the character span of the quote in its stored text.
 * Fields that the corpus does not know are empty strings, never null.
 */
public record SourceRef(String docId, String title, String source, String url, String date, int start, int end) {
    public SourceRef {
        title = title == null ? "" : title;
        source = source == null ? "" : source;
        url = url == null ? "" : url;
        date = date == null ? "" : date;
    }
}
