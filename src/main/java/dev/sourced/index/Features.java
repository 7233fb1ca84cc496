package dev.sourced.index;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Kinds of fact a passage carries, indexed as terms of {@link Fields#FEATURES} so that a question asking "how much" or
 * "when" can prefer passages that hold an amount or a date.
 */
public final class Features {
    public static final String NUMBER = "number";
    public static final String MONEY = "money";
    public static final String DATE = "date";
    public static final String NAME = "name";
    public static final String REASON = "reason";
    public static final String SPEECH = "speech";

    /** Digits, or a number written as a word ("six mois", "two years"). */
    private static final Pattern DIGIT = Pattern.compile("(?iu)\\d|\\b(deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|"
            + "quinze|vingt|trente|quarante|cinquante|cent|mille|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
            + "fifteen|twenty|thirty|forty|fifty|hundred|thousand|dozen|douzaine|dizaines?|centaines?|milliers?)\\b");
    private static final Pattern MONEY_RX = Pattern.compile(
            "(?iu)([$€£¥]|\\b(dollars?|euros?|livres|pounds?|usd|eur|millions?|milliards?|billions?|trillions?|md\\$|m\\$)\\b)");
    private static final Pattern DATE_RX = Pattern.compile(
            "(?iu)(\\b(19|20)\\d\\d\\b|\\b(janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre"
                    + "|décembre|decembre|january|february|march|april|may|june|july|august|september|october|november|december)\\b)");
    /** Connectives that introduce a cause or a purpose (general French and English grammar). */
    private static final Pattern REASON_RX = Pattern.compile(
            "(?iu)\\b(parce que|parce qu['’]|car|en raison d|à cause d|a cause d|grâce à|du fait d|faute d|afin d|afin qu|pour que|"
                    + "c['’]est pourquoi|c['’]est pour cela|because|due to|owing to|thanks to|as a result|in order to|so that|"
                    + "that is why|which is why|this is why|the reason)\\b");
    /** Reported speech: quotation marks, or a verb of saying in any of its forms (the common ones of each language). */
    private static final Pattern SPEECH_RX = Pattern.compile(
            "(?iu)(\\b(dit|dire|disant|déclar\\p{L}*|affirm\\p{L}*|expliqu\\p{L}*|ajout\\p{L}*|estim\\p{L}*|soulign\\p{L}*|"
                    + "annonc\\p{L}*|selon (lui|elle|eux)|say|says|said|saying|tell|told|stat(e|es|ed|ing)|claim\\p{L}*|explain\\p{L}*|"
                    + "add(ed|s)|announc\\p{L}*|according to)\\b|[«“”»])");
    private static final Pattern NAME_RX = Pattern.compile("(?<=[\\p{L},;:] )\\p{Lu}\\p{Ll}+");

    private Features() {
    }

    public static Set<String> of(String text) {
        Set<String> out = new LinkedHashSet<>();
        if (DIGIT.matcher(text).find()) out.add(NUMBER);
        if (MONEY_RX.matcher(text).find()) out.add(MONEY);
        if (DATE_RX.matcher(text).find()) out.add(DATE);
        if (NAME_RX.matcher(text).find()) out.add(NAME);
        if (REASON_RX.matcher(text).find()) out.add(REASON);
        if (SPEECH_RX.matcher(text).find()) out.add(SPEECH);
        return out;
    }
}
