package dev.sourced.corpus;

import java.util.Locale;

/** The languages Sourced analyses specifically; everything else is {@link #OTHER}. */
public enum Lang {
    FR("fr"), EN("en"), OTHER("xx");

    private final String code;

    Lang(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The opposite language of the French/English pair; {@link #OTHER} maps to itself. */
    public Lang other() {
        return switch (this) {
            case FR -> EN;
            case EN -> FR;
            case OTHER -> OTHER;
        };
    }

    /** Parses an ISO 639-1 code such as "fr", "en-GB" or "FR"; unknown or blank codes give {@link #OTHER}. */
    public static Lang fromCode(String code) {
        if (code == null || code.isBlank()) {
            return OTHER;
        }
        String c = code.trim().toLowerCase(Locale.ROOT);
        if (c.startsWith("fr")) return FR;
        if (c.startsWith("en")) return EN;
        return OTHER;
    }
}
