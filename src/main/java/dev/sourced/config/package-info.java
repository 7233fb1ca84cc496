/**
 * Settings: one immutable {@link dev.sourced.config.Config} read once from the environment; a missing or malformed
 * setting is a {@link dev.sourced.config.ConfigException} naming it. Uses nothing of ours.
 */
package dev.sourced.config;
