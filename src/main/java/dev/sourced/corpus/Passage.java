package dev.sourced.corpus;

/**
 * A passage of a document: the span {@code [start, end)} of the document's stored text, its verbatim text, and the
 * heading of the section it stands in (empty when none), which is indexed as context. {@code context} holds the
 * neighbouring sentences, indexed at a lower weight so that a passage is found by what surrounds it.
 */
public record Passage(int ord, int start, int end, String text, String heading, String context) {
}
