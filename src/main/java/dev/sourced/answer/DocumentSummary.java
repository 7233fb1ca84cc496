package dev.sourced.answer;

/** One corpus document as listed to readers and moderators. Unknown fields are empty strings. */
public record DocumentSummary(String id, String title, String outlet, String url, String date, String language,
                              int passages, String createdAt) {
}
