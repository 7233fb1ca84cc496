/**
 * The optional LLM: words the answer from the retrieved quotes in the reader's language, with its citations verified
 * against the stored text; its settings are read from the environment ({@link dev.sourced.answer.llm.LlmSettings}).
 */
package dev.sourced.answer.llm;
