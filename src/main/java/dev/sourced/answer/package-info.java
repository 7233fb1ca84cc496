/**
 * Answering: {@link dev.sourced.answer.Answerer} and {@link dev.sourced.answer.CorpusView}, implemented by
 * {@link dev.sourced.answer.AnswerEngine} — question understanding, retrieval fusion, abstention on evidence, the short
 * answer and its numbered citations, conversation context. Uses {@code index}, {@code store} and {@code corpus}.
 */
package dev.sourced.answer;
