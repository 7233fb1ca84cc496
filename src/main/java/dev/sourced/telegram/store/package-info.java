/**
 * The bot's own tables in the store's database (migrations V002 to V004, {@link dev.sourced.telegram.store.BotTables}):
 * the update journal and its claims, chats and their recent questions, answers sent and readers' votes, moderators,
 * the audit trail, previews waiting for confirmation, leases ({@link dev.sourced.telegram.store.Leases}) and the
 * readers' rate-limit windows ({@link dev.sourced.telegram.store.RateLedger}), all shared by replicas.
 */
package dev.sourced.telegram.store;
