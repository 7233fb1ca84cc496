package dev.sourced.answer;

import dev.sourced.corpus.Lang;
import dev.sourced.index.Analyzers;
import dev.sourced.index.PassageHit;
import dev.sourced.index.QueryTerm;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a passage covers of a question: which of its terms appear in the passage itself (with its heading and lead-in)
 * and which only in the surrounding sentences. Terms are compared after the analysis of the passage's language, in
 * any of their forms (as typed, or translated), or by cognate key.
 */
final class Evidence {
    private final PassageHit hit;
    private final Set<String> own;
    private final Set<String> around;
    private final Set<String> ownCognates;
    private final Set<String> aroundCognates;

    Evidence(PassageHit hit) {
        this.hit = hit;
        this.own = new HashSet<>(Analyzers.terms(Analyzers.forLang(hit.lang()), hit.text()));
        this.around = new HashSet<>(Analyzers.terms(Analyzers.forLang(hit.lang()), hit.context()));
        this.ownCognates = new HashSet<>(Analyzers.terms(Analyzers.cognates(), hit.text()));
        this.aroundCognates = new HashSet<>(Analyzers.terms(Analyzers.cognates(), hit.context()));
    }

    PassageHit hit() {
        return hit;
    }

    /** 1 when the term is in the passage, 0.5 when only around it, 0 when absent. */
    double covers(QueryTerm t, Lang questionLang) {
        Set<String> forms = forms(t, hit.lang(), questionLang);
        if (intersects(forms, own)) return 1;
        Set<String> cog = new LinkedHashSet<>(Analyzers.terms(Analyzers.cognates(), t.surface()));
        boolean cognateOwn = !cog.isEmpty() && ownCognates.containsAll(cog);
        if (intersects(forms, around)) return cognateOwn ? 1 : 0.5;
        if (cognateOwn) return 0.75;
        if (!cog.isEmpty() && aroundCognates.containsAll(cog)) return 0.4;
        return 0;
    }

    /** True when the passage itself holds the term (not only its surroundings). */
    boolean holds(QueryTerm t, Lang questionLang) {
        return intersects(forms(t, hit.lang(), questionLang), own);
    }

    static Set<String> forms(QueryTerm t, Lang passageLang, Lang questionLang) {
        Set<String> out = new LinkedHashSet<>();
        for (String f : t.formsIn(passageLang, questionLang)) {
            out.addAll(Analyzers.terms(Analyzers.forLang(passageLang), f));
        }
        return out;
    }

    private static boolean intersects(Set<String> a, Set<String> b) {
        for (String s : a) {
            if (b.contains(s)) return true;
        }
        return false;
    }

    static boolean anyHolds(List<Evidence> list, QueryTerm t, Lang questionLang) {
        return list.stream().anyMatch(e -> e.holds(t, questionLang));
    }
}
