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
    private static final Pattern REASON_RX = Pattern.compile(
            "(?iu)\\b(parce que|parce qu['’]|car|en raison d|à cause d|a cause d|invoquant|raison|pourquoi|c['’]est pourquoi|"
                    + "motivé|because|due to|owing to|reason|citing|so that|that is why|which is why)\\b");
    private static final Pattern SPEECH_RX = Pattern.compile(
            "(?iu)(\\b(affirm\\p{L}*|déclar\\p{L}*|a dit|dit que|a répondu|a tweeté|a riposté|a exprimé|point de vue|estime que|"
                    + "a ajouté|a reconnu|a mentionné|a prédit|a proposé|a qualifié|said|says|told|stated|claimed|tweeted|replied|"
                    + "according to|selon lui|selon elle)\\b|[«“”»]|:\\s*\\n)");
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
