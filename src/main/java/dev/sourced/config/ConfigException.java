package dev.sourced.config;

/** A missing or malformed setting; the message names it. */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
