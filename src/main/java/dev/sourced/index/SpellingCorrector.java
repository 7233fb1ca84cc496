package dev.sourced.index;

import dev.sourced.corpus.Lang;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the corpus's own spelling of question words it does not hold: a word (or, for a name, a name) none of whose
 * forms any passage holds gets the index terms spelled like it, in each language's field. A typo ("particuliarité"),
 * a missing accent or a variant spelling of a name then still finds the passage.
 */
public final class SpellingCorrector {
    /** Suggestions kept per word and field. */
    static final int SUGGESTIONS = 2;

    private final PassageIndex index;

    public SpellingCorrector(PassageIndex index) {
        this.index = index;
    }

    public ParsedQuestion correct(ParsedQuestion q) {
        List<QueryTerm> terms = new ArrayList<>();
        boolean changed = false;
        for (QueryTerm t : q.terms()) {
            QueryTerm c = correct(t, q.lang());
            changed |= c != t;
            terms.add(c);
        }
        return changed ? new ParsedQuestion(q.text(), q.lang(), terms, q.contextTerms(), q.expects(), q.embeddingText(), q.followUp()) : q;
    }

    private QueryTerm correct(QueryTerm t, Lang questionLang) {
        if (t.kind() == QueryTerm.Kind.NUMBER || t.surface().length() < PassageIndex.SPELLING_MIN_LENGTH) return t;
        for (Lang l : Lang.values()) {
            for (String term : t.termsIn(l, questionLang).keySet()) {
                if (index.mentions(l, term) > 0) return t; // the corpus holds it somewhere: nothing to correct
            }
        }
        Map<Lang, List<String>> found = new EnumMap<>(Lang.class);
        for (Lang l : Lang.values()) {
            List<String> similar = new ArrayList<>();
            for (String term : t.termsIn(l, questionLang).keySet()) {
                for (String s : index.similarTerms(Fields.body(l), term, SUGGESTIONS)) {
                    if (!similar.contains(s)) similar.add(s);
                }
            }
            if (!similar.isEmpty()) found.put(l, similar);
        }
        return found.isEmpty() ? t : t.withCorrections(found);
    }
}
