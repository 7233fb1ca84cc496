package dev.sourced.corpus;

/** A document as read from its source, before cleaning: the text extracted from its format, and its metadata. */
public record SourceDocument(DocumentMeta meta, String format, String text) {
}
