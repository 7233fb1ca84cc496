/**
 * The bot's own tables in the store's SQLite file (migrations V002 and V003, {@link dev.sourced.telegram.store.BotTables}):
 * the update journal, chats and their recent questions, answers sent and readers' votes, moderators, the audit trail
 * and previews waiting for confirmation.
 */
package dev.sourced.telegram.store;
