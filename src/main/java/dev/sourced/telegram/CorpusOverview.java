package dev.sourced.telegram;

import dev.sourced.answer.DocumentSummary;
import dev.sourced.corpus.Lang;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the corpus covers, told from its documents: how many, which outlets, which dates, the words that recur in
 * titles, and example questions built on them. Nothing about the corpus is hard-coded.
 */
public record CorpusOverview(int documents, List<String> outlets, String firstDate, String lastDate, List<String> topics,
                      List<String> titles) {
    static final int MAX_TOPICS = 6;
    private static final int MIN_TOPIC_LENGTH = 4;
    /** Acronyms (GPU, NATO) are topics even when short. */
    private static final int MIN_ACRONYM_LENGTH = 3;
    private static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}'’-]*[\\p{L}]");
    private static final Set<String> STOPWORDS = Set.of(
            "the", "and", "for", "with", "from", "that", "this", "these", "those", "into", "over", "after", "before",
            "about", "against", "between", "under", "what", "when", "where", "which", "while", "will", "would", "could",
            "should", "have", "has", "had", "been", "being", "were", "their", "there", "they", "them", "than", "then",
            "more", "most", "some", "such", "only", "also", "your", "says", "said", "year", "years", "first", "last",
            "next", "week", "new", "news", "how", "why", "who", "its", "our", "out", "not", "but", "are", "was", "his",
            "her", "amid", "back", "still", "just", "make", "made", "take", "takes", "calls", "call", "plan", "plans",
            "dans", "pour", "avec", "sans", "sous", "sur", "entre", "contre", "vers", "chez", "après", "avant",
            "depuis", "pendant", "selon", "mais", "donc", "comme", "plus", "moins", "très", "tout", "tous", "toute",
            "toutes", "leur", "leurs", "cette", "ces", "son", "ses", "une", "des", "les", "aux", "du", "qui", "que",
            "quoi", "dont", "elle", "elles", "ils", "nous", "vous", "être", "avoir", "fait", "faire", "sont", "était",
            "encore", "aussi", "déjà", "ainsi", "alors", "quand", "comment", "pourquoi", "nouveau", "nouvelle",
            "nouvelles", "premier", "première", "dernier", "dernière", "année", "années", "jour", "jours");

    public CorpusOverview {
        outlets = List.copyOf(outlets);
        topics = List.copyOf(topics);
        titles = List.copyOf(titles);
    }

    /** The questions the bot suggests about the corpus in {@code lang}: one per recurring topic of the titles. */
    public static List<String> exampleQuestions(List<DocumentSummary> docs, Lang lang) {
        return of(docs, lang).topics().stream().map(t -> Phrase.EXAMPLE_ABOUT.in(lang, t)).toList();
    }

    /** Describes the documents; the topics favour those in {@code lang} when there are any. */
    static CorpusOverview of(List<DocumentSummary> docs, Lang lang) {
        Set<String> outlets = new LinkedHashSet<>();
        String first = "";
        String last = "";
        for (DocumentSummary d : docs) {
            if (!d.outlet().isBlank()) {
                outlets.add(d.outlet().strip());
            }
            String date = day(d.date());
            if (!date.isEmpty()) {
                first = first.isEmpty() || date.compareTo(first) < 0 ? date : first;
                last = last.isEmpty() || date.compareTo(last) > 0 ? date : last;
            }
        }
        List<DocumentSummary> inLang = docs.stream().filter(d -> Lang.fromCode(d.language()) == lang).toList();
        List<DocumentSummary> basis = inLang.isEmpty() ? docs : inLang;
        List<String> titles = basis.stream().map(DocumentSummary::title).filter(t -> !t.isBlank()).map(String::strip).toList();
        return new CorpusOverview(docs.size(), new ArrayList<>(outlets), first, last, topics(titles), titles);
    }

    /**
     * The words found in the most titles (ignoring common words), most frequent first, as they are usually written
     * inside a title (a title's first word is capitalised whatever it is).
     */
    static List<String> topics(List<String> titles) {
        Map<String, Integer> docFrequency = new HashMap<>();
        Map<String, Map<String, Integer>> spellings = new HashMap<>();
        Map<String, String> initialSpelling = new HashMap<>();
        for (String title : titles) {
            Set<String> seen = new HashSet<>();
            var m = WORD.matcher(title);
            boolean first = true;
            while (m.find()) {
                String word = m.group();
                String key = word.toLowerCase(Locale.ROOT);
                boolean initial = first;
                first = false;
                boolean acronym = word.length() >= MIN_ACRONYM_LENGTH && word.equals(word.toUpperCase(Locale.ROOT));
                if (key.length() < MIN_TOPIC_LENGTH && !acronym || STOPWORDS.contains(key)) {
                    continue;
                }
                if (initial) {
                    initialSpelling.putIfAbsent(key, word);
                } else {
                    spellings.computeIfAbsent(key, k -> new HashMap<>()).merge(word, 1, Integer::sum);
                }
                if (seen.add(key)) {
                    docFrequency.merge(key, 1, Integer::sum);
                }
            }
        }
        List<String> ranked = docFrequency.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> spellings.getOrDefault(e.getKey(), Map.of()).entrySet().stream()
                        .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                        .map(Map.Entry::getKey)
                        .orElse(initialSpelling.get(e.getKey())))
                .toList();
        // names (written with a capital inside titles) say best what a corpus is about; other words fill in
        List<String> out = new ArrayList<>(ranked.stream().filter(CorpusOverview::isName).limit(MAX_TOPICS).toList());
        ranked.stream().filter(w -> !isName(w)).limit(Math.max(0, MAX_TOPICS - out.size())).forEach(out::add);
        return out;
    }

    private static boolean isName(String word) {
        return Character.isUpperCase(word.codePointAt(0));
    }

    /** Two example questions a reader could ask, in {@code lang}. */
    List<String> exampleQuestions(Lang lang) {
        List<String> out = new ArrayList<>();
        if (!topics.isEmpty()) {
            out.add(Phrase.EXAMPLE_ABOUT.in(lang, topics.get(0)));
        }
        if (topics.size() > 1) {
            out.add(Phrase.EXAMPLE_ABOUT.in(lang, topics.get(1)));
        } else if (!titles.isEmpty()) {
            out.add(Phrase.EXAMPLE_TITLE.in(lang, titles.get(0)));
        }
        return out;
    }

    private static String day(String date) {
        String d = date == null ? "" : date.strip();
        return d.length() >= 10 ? d.substring(0, 10) : d;
    }
}
