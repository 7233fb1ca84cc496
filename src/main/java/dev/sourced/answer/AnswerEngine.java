package dev.sourced.answer;

import dev.sourced.corpus.Lang;
import dev.sourced.corpus.NearDuplicates;
import dev.sourced.corpus.Passages;
import dev.sourced.corpus.SentenceSplitter;
import dev.sourced.corpus.Span;
import dev.sourced.index.Features;
import dev.sourced.index.HybridRetriever;
import dev.sourced.index.ParsedQuestion;
import dev.sourced.index.PassageHit;
import dev.sourced.index.PassageIndex;
import dev.sourced.index.QueryTerm;
import dev.sourced.index.QuestionParser;
import dev.sourced.index.SpellingCorrector;
import dev.sourced.store.DocumentStore;
import dev.sourced.store.StoredDocument;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answers a question from the corpus, extractively: retrieves passages, checks that the evidence covers what the
 * question is about (or abstains), merges passages that several outlets share, and composes a short answer whose
 * statements cite numbered verbatim quotes.
 *
 * <p>Abstention does not rest on one hand-set threshold. The question abstains when (1) it names something the corpus
 * never mentions, or (2) the abstention model, fitted on labelled questions of several corpora ({@code sourced
 * calibrate}), finds from the signals of the question and of its best passage that the corpus does not answer it.
 * Candidates are ordered by a ranking model fitted the same way.
 */
public final class AnswerEngine implements Answerer, CorpusView {
    /** Passages considered for an answer. */
    static final int CANDIDATES = 20;
    public static final int MAX_CITATIONS = 5;
    /**
     * A passage supports the answer beside the best one when its ranking score is at most this far below it (in
     * log-odds: about twenty times less likely); measured on the look halves, 2.5 passages support an answer on average.
     * The next best passages that share a word with the question follow them as further sources, up to
     * {@link #MAX_CITATIONS} (the bot shows them under "more sources").
     */
    static final double CITE_GAP = 3.0;
    /** Two passages sharing this share of their word trigrams are one statement from several outlets. */
    static final double DUPLICATE_OVERLAP = 0.6;
    /** Quotes are compared by their runs of three words. */
    static final int QUOTE_SHINGLE = 3;
    static final int CONTEXT_SENTENCES = 2;
    /** How much the ranker's confidence in a quote counts, beside how well a span answers, in choosing the fact to state. */
    static final double RANK_WEIGHT = 1.0;
    /** What a sentence that gives a cause (to a why-question) or a quotation (to a what-did-they-say one) adds to its coverage. */
    static final double KIND_BONUS = 2.0;
    /** Answers kept for questions asked again, until the corpus changes. */
    static final int RECENT_ANSWERS = 2048;
    static final int RECENT_PASSAGES = 8192;

    private final QuestionParser parser;
    private final HybridRetriever retriever;
    private final PassageIndex index;
    private final DocumentStore store;
    private final Map<String, Optional<StoredDocument>> documents = new ConcurrentHashMap<>();

    private final AnswerWriter writer;
    private final Models models;
    private final QueryTranslator translator;
    private final QueryTranslator quotes;
    private final SpellingCorrector speller;
    /** Analysed words of recently retrieved passages (they do not change until the corpus does). */
    private final Map<Long, Evidence.Words> passageWords = java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Evidence.Words> eldest) {
            return size() > RECENT_PASSAGES;
        }
    });
    /** Recent answers by question, conversation and reader language: many readers ask the same things. */
    private final Map<Question, Answer> recent = java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Question, Answer> eldest) {
            return size() > RECENT_ANSWERS;
        }
    });
    /** Questions answered from {@link #recent}, and questions answered afresh. */
    private final java.util.concurrent.atomic.AtomicLong cacheHits = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong cacheMisses = new java.util.concurrent.atomic.AtomicLong();

    /**
     * {@code writer} words the answer from the chosen quotes (an LLM; null: the extractive answer is the answer);
     * {@code translator} (an LLM; null: none) translates each question into the other languages, and retrieval searches
     * for its words too; {@code quotes} (null: none) translates the cited quotes that are not in the reader's language;
     * {@code models} rank the candidates and decide whether to answer.
     */
    public AnswerEngine(QuestionParser parser, HybridRetriever retriever, DocumentStore store, AnswerWriter writer,
                        QueryTranslator translator, QueryTranslator quotes, Models models) {
        this.translator = translator;
        this.quotes = quotes;
        this.models = models;
        this.speller = new SpellingCorrector(retriever.index());
        this.writer = writer;
        this.parser = parser;
        this.retriever = retriever;
        this.index = retriever.index();
        this.store = store;
    }

    public HybridRetriever retriever() {
        return retriever;
    }

    public QuestionParser parser() {
        return parser;
    }

    /** Forgets the answers to recent questions (measurements time the real work), not what the corpus determines. */
    public void forgetAnswers() {
        recent.clear();
    }

    /** How many questions were answered from the recent answers, and how many afresh, since the engine started. */
    public AnswerCacheStats cacheStats() {
        return new AnswerCacheStats(cacheHits.get(), cacheMisses.get());
    }

    /** Forgets cached document metadata and answers; call after the corpus changed. */
    public void corpusChanged() {
        documents.clear();
        recent.clear();
        passageWords.clear();
    }

    @Override
    public Answer ask(Question question) {
        long t0 = System.nanoTime();
        Question key = new Question(question.text().strip(), question.context(), question.fallbackLang());
        Answer known = recent.get(key);
        if (known != null) {
            cacheHits.incrementAndGet();
            return new Answer(question.text(), known.lang(), known.text(), known.abstained(), known.citations(), ms(t0));
        }
        cacheMisses.incrementAndGet();
        Answer fresh = answer(question, t0);
        recent.put(key, fresh);
        return fresh;
    }

    private Answer answer(Question question, long t0) {
        Optional<SmallTalk.Said> talk = SmallTalk.of(question.text());
        if (talk.isPresent()) {
            return new Answer(question.text(), talk.get().lang(), SmallTalk.reply(talk.get(), store.list(false).size()), true, List.of(), ms(t0));
        }
        ParsedQuestion q = parser.parse(question.text(), question.context(), question.fallbackLang());
        Lang frame = q.lang() != Lang.OTHER ? q.lang() : (question.fallbackLang() == null ? Lang.EN : question.fallbackLang());
        Phrases say = Phrases.of(frame);
        Focus f = focus(q);
        if (f.terms().isEmpty()) {
            return new Answer(question.text(), say.lang(), say.emptyQuestion(), true, List.of(), ms(t0));
        }
        Optional<QueryTerm> unknown = neverMentioned(f);
        if (unknown.isPresent()) {
            return new Answer(question.text(), say.lang(), say.neverMentions(unknown.get().surface()), true, List.of(), ms(t0));
        }
        FactSpan.Asked asked = asked(f);
        Decision d = decide(f, asked);
        if (!d.answers()) {
            String text = say.notSaid();
            if (!d.ranked().isEmpty() && d.ranked().get(0).signals().get("coverage") > 0) {
                PassageHit closest = d.ranked().get(0).hit();
                text += " " + say.closest(shorten(closest.text()), sourceLabel(closest.docId()));
            }
            return new Answer(question.text(), say.lang(), text, true, List.of(), ms(t0));
        }
        Map<Integer, FactSpan.Found> facts = new java.util.HashMap<>();
        Cited cited = cite(d.ranked(), facts);
        List<Citation> citations = cited.supporting();
        String text = compose(say, citations, facts, asked);
        boolean asksForAmount = q.expects().contains(Features.MONEY) || q.expects().contains(Features.NUMBER);
        for (String note : Disagreements.find(citations, asksForAmount, say, asked, this::language)) {
            text += " " + note;
        }
        if (writer != null) {
            // the writer's sentences were checked against the quotes they cite; nothing checked, nothing changed
            text = writer.write(question, say.lang(), citations).orElse(text);
        }
        // the quotes the answer rests on get a translation; further sources stay as they are (fewer LLM calls)
        List<Citation> quoted = new ArrayList<>(translateQuotes(citations, say.lang()));
        quoted.addAll(cited.further());
        return new Answer(question.text(), say.lang(), text, false, quoted, ms(t0));
    }

    /**
     * Each quote in another language than the reader's, with its machine translation when one can be had. The quotes
     * are translated at the same time, so the answer waits for one call's time limit at most, not one per quote.
     */
    private List<Citation> translateQuotes(List<Citation> citations, Lang reader) {
        if (quotes == null || citations.stream().allMatch(c -> language(c) == reader)) return citations;
        try (var calls = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            List<java.util.concurrent.Future<Citation>> translated = new ArrayList<>();
            for (Citation c : citations) {
                translated.add(calls.submit(() -> language(c) == reader ? c
                        : quotes.translate(c.text(), reader).map(c::withTranslation).orElse(c)));
            }
            List<Citation> out = new ArrayList<>();
            for (int i = 0; i < citations.size(); i++) {
                try {
                    out.add(translated.get(i).get());
                } catch (java.util.concurrent.ExecutionException e) {
                    out.add(citations.get(i)); // a failed translation leaves the quote as it is
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return citations;
                }
            }
            return out;
        }
    }

    /**
     * The question with the words of its translations into the other languages added, for retrieval only (what the
     * question asks is still measured on its own words). Without a translator, or when it fails, the question as it is.
     */
    private ParsedQuestion translated(ParsedQuestion q) {
        if (translator == null) return q;
        List<QueryTerm> terms = new ArrayList<>(q.terms());
        String embedding = q.embeddingText();
        for (Lang target : List.of(Lang.FR, Lang.EN)) {
            if (target == q.lang()) continue;
            Optional<String> t = translator.translate(q.text(), target);
            if (t.isEmpty()) continue;
            for (QueryTerm x : parser.parse(t.get(), List.of(), target).terms()) {
                if (x.kind() != QueryTerm.Kind.FRAME && terms.stream().noneMatch(y -> y.surface().equals(x.surface()))) terms.add(x);
            }
            // the embedding model reads English best: a question in a language it does not know is embedded translated
            if (target == Lang.EN && q.lang() == Lang.OTHER) embedding = t.get();
        }
        return new ParsedQuestion(q.text(), q.lang(), terms, q.contextTerms(), q.expects(), embedding, q.followUp());
    }

    /** What the question asks about: its terms but the frame words ("reason", "price"), measured against the corpus. */
    private Focus focus(ParsedQuestion parsed) {
        if (parsed.lang() == Lang.OTHER) {
            // a language without a lexicon: what is asked is what its English translation asks (by the LLM), else
            // what its English gloss asks (German and Spanish words glossed one by one)
            Optional<String> english = translator == null ? Optional.empty() : translator.translate(parsed.text(), Lang.EN);
            if (english.isEmpty()) english = parser.gloss(parsed.text());
            if (english.isPresent()) {
                ParsedQuestion t = parser.parse(english.get(), List.of(), Lang.EN);
                parsed = new ParsedQuestion(english.get(), Lang.EN, t.terms(), parsed.contextTerms(), t.expects(), english.get(), parsed.followUp());
            }
        }
        ParsedQuestion q = speller.correct(parsed);
        List<QueryTerm> asked = q.terms().stream().filter(t -> t.kind() != QueryTerm.Kind.FRAME).toList();
        if (q.lang() != Lang.OTHER) return Focus.of(q, asked, index);
        // a question in a language we cannot translate: only its names and numbers can be checked, and a capitalised
        // word the corpus lacks is as likely a noun (German capitalises every noun) as a name, so it is left out
        List<QueryTerm> names = asked.stream().filter(Focus::isName).toList();
        Focus f = Focus.of(q, names.isEmpty() ? asked : names, index);
        List<QueryTerm> known = f.terms().stream().filter(t -> f.df().get(t) > 0).toList();
        return known.isEmpty() || known.size() == f.terms().size() ? f : Focus.of(q, known, index);
    }

    /**
     * A name of the question that the corpus never mentions, in any spelling close to it (in a language we read). A
     * number or a token with digits ("8eme", "350") only weighs in the abstention model: the corpus may write it
     * another way ("huitième", "350e").
     */
    private static Optional<QueryTerm> neverMentioned(Focus f) {
        if (f.question().lang() == Lang.OTHER) return Optional.empty();
        return f.terms().stream().filter(t -> t.kind() == QueryTerm.Kind.NAME && t.surface().chars().noneMatch(Character::isDigit)
                && f.df().get(t) == 0).findFirst();
    }

    /** The candidates ranked by the ranker's probability that they answer, and whether the best one is good enough. */
    record Decision(Map<String, Double> base, List<Signals.Ranked> ranked, Map<String, Double> signals, boolean answers) {
    }

    private Decision decide(Focus f, FactSpan.Asked asked) {
        List<PassageHit> hits = retriever.retrieve(translated(f.question()), CANDIDATES);
        Signals.ListStats stats = Signals.ListStats.of(hits);
        List<Signals.Ranked> ranked = new ArrayList<>();
        Optional<FactSpan.Kind> kind = FactSpan.kindOf(f.question().expects(), f.question().text());
        for (int i = 0; i < hits.size(); i++) {
            PassageHit h = hits.get(i);
            Evidence e = new Evidence(h, passageWords.computeIfAbsent(h.passageId(), id -> new Evidence.Words(h)));
            Map<String, Double> x = Signals.candidate(f, e, i, stats);
            Optional<FactSpan.Found> fact = Signals.fact(x, kind, asked, e);
            ranked.add(new Signals.Ranked(e, x, models.ranker().score(x), fact));
        }
        ranked.sort(Comparator.comparingDouble(Signals.Ranked::score).reversed());
        Map<String, Double> base = Signals.questionBase(f);
        Map<String, Double> signals = Signals.question(base, ranked);
        return new Decision(base, ranked, signals, !ranked.isEmpty() && models.abstention().accepts(signals));
    }

    /**
     * The signals behind the answer to {@code question}, for fitting the models ({@code sourced eval --signals}):
     * null when the question is settled before retrieval (nothing to ask about, or a name the corpus never mentions).
     */
    public Trace trace(Question question) {
        Focus f = focus(parser.parse(question.text(), question.context(), question.fallbackLang()));
        if (f.terms().isEmpty() || neverMentioned(f).isPresent()) return null;
        Decision d = decide(f, asked(f));
        return new Trace(d.base(), d.ranked().stream().map(r -> new Trace.Candidate(r.hit().text(), r.signals())).toList());
    }

    /**
     * The quotes of an answer: those that support it (the short answer and "the sources differ" rest on them only),
     * then further sources, numbered on from them.
     */
    record Cited(List<Citation> supporting, List<Citation> further) {
    }

    /**
     * The best passage first, then the others whose ranking score is within {@link #CITE_GAP} of it, then the next best
     * that share a word with the question, at most {@link #MAX_CITATIONS} in all; near-duplicates from several outlets
     * merged into one citation.
     */
    private Cited cite(List<Signals.Ranked> ranked, Map<Integer, FactSpan.Found> facts) {
        double top = ranked.get(0).score();
        List<List<PassageHit>> groups = new ArrayList<>();
        List<Signals.Ranked> mains = new ArrayList<>();
        List<NearDuplicates.Shingles> shingles = new ArrayList<>();
        int supporting = 0;
        for (Signals.Ranked s : ranked) {
            boolean supports = mains.isEmpty() || s.score() >= top - CITE_GAP;
            if (!supports && s.signals().getOrDefault("coverage", 0.0) <= 0) continue;
            PassageHit h = s.hit();
            NearDuplicates.Shingles sh = NearDuplicates.shingles(h.text(), QUOTE_SHINGLE);
            int dup = -1;
            for (int i = 0; i < groups.size(); i++) {
                if (sh.overlap(shingles.get(i)) >= DUPLICATE_OVERLAP) {
                    dup = i;
                    break;
                }
            }
            if (dup >= 0) {
                if (groups.get(dup).stream().noneMatch(x -> x.docId().equals(h.docId()))) groups.get(dup).add(h);
            } else if (groups.size() < MAX_CITATIONS) {
                groups.add(new ArrayList<>(List.of(h)));
                mains.add(s);
                shingles.add(sh);
                if (supports) supporting++;
            }
        }
        List<Citation> out = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            List<PassageHit> g = groups.get(i);
            PassageHit main = g.get(0);
            List<SourceRef> also = new ArrayList<>();
            for (PassageHit other : g.subList(1, g.size())) also.add(ref(other));
            Signals.Ranked r = mains.get(i);
            Citation c = new Citation(i + 1, ref(main), main.text(), round(1 / (1 + Math.exp(-r.score()))), also);
            // the span that answers, found while ranking: bold in its quote, and what the short answer states
            if (r.fact().isPresent()) {
                if (i < supporting) facts.put(c.n(), r.fact().get());
                c = c.withHighlight(r.fact().get().start(), r.fact().get().end());
            }
            out.add(c);
        }
        return new Cited(List.copyOf(out.subList(0, supporting)), List.copyOf(out.subList(supporting, out.size())));
    }

    /** The question's text, its terms' forms, and their weights (distinctive terms count more). */
    private static FactSpan.Asked asked(Focus f) {
        Map<String, Double> weights = new java.util.HashMap<>();
        double max = f.weights().values().stream().mapToDouble(Double::doubleValue).max().orElse(1);
        f.weights().forEach((t, w) -> weights.merge(t.surface(), max > 0 ? w / max : 1, Math::max));
        return new FactSpan.Asked(f.question().text(), f.forms().values(), weights, f.question().expects());
    }

    private Lang language(Citation c) {
        return document(c.docId()).map(StoredDocument::language).orElse(Lang.OTHER);
    }

    /**
     * The short answer. It leads with the fact when a quote holds one (the best quote's span, cited with every quote that
     * gives the same fact: "According to [1][3]: 10 000 GPU."); else it states the one sentence of the best quote that
     * covers most of the question, a quotation attributed to its speaker. It never repeats whole quotes.
     */
    private String compose(Phrases say, List<Citation> citations, Map<Integer, FactSpan.Found> facts, FactSpan.Asked asked) {
        Citation c = null;
        double bestScore = Double.NEGATIVE_INFINITY, top = Math.max(1e-9, citations.get(0).score());
        for (Citation x : citations) {
            FactSpan.Found f = facts.get(x.n());
            if (f == null || !x.highlighted()) continue;
            // the span that best answers in its quote, in a quote the ranker finds likely to answer
            double score = f.score() + RANK_WEIGHT * x.score() / top;
            if (score > bestScore) {
                bestScore = score;
                c = x;
            }
        }
        if (c != null) {
            String key = factKey(c.highlight());
            StringBuilder markers = new StringBuilder();
            for (Citation o : citations) {
                if (o == c || (o.highlighted() && factKey(o.highlight()).equals(key))) markers.append('[').append(o.n()).append(']');
            }
            return say.fact(markers.toString(), c.highlight().replaceAll("\\s+", " "));
        }
        Citation best = citations.get(0);
        String sentence = bestSentence(best.text(), language(best), asked).replaceAll("\\s+", " ").strip();
        String marker = "[" + best.n() + "]";
        return FactSpan.speech(sentence).map(sp -> say.speech(sp.speaker(), marker, sp.quotation()))
                .orElseGet(() -> say.statement(marker, sentence));
    }

    private static String factKey(String fact) {
        return dev.sourced.corpus.LanguageDetector.fold(fact).replaceAll("[^\\p{L}\\p{N}]+", "");
    }

    /**
     * The statement a quote makes for the short answer: its sentence that covers most of the question (with the sentence
     * before it when it leans on it, "C'est pourquoi …"; with the one after it when it ends with ":"). A heading
     * introduces a quote but is not a statement.
     */
    static String bestSentence(String quote, Lang lang, FactSpan.Asked asked) {
        String text = quote.strip();
        List<Span> spans = SentenceSplitter.split(text);
        List<Span> statements = new ArrayList<>();
        for (Span s : spans) {
            String sentence = s.of(text);
            boolean wholeLine = (s.start() == 0 || text.charAt(s.start() - 1) == '\n') && (s.end() == text.length() || text.charAt(s.end()) == '\n');
            if (!(wholeLine && s.end() < text.length() && !sentence.strip().matches("(?s).*[.!…\"”»):]$"))) {
                statements.add(s);
            }
        }
        if (statements.isEmpty()) return text;
        int best = 0;
        double bestScore = -1;
        boolean why = asked.expects().contains(Features.REASON);
        boolean speech = asked.expects().contains(Features.SPEECH);
        for (int i = 0; i < statements.size(); i++) {
            String sentence = statements.get(i).of(text);
            // a why-question wants the sentence that gives a cause, a what-did-they-say question the one that quotes
            double score = FactSpan.coverage(text, statements.get(i), lang, asked);
            if (score > 0) score += (why && FactSpan.givesCause(sentence) ? KIND_BONUS : 0) + (speech && FactSpan.quotes(sentence) ? KIND_BONUS : 0);
            if (score > bestScore) {
                bestScore = score;
                best = i;
            }
        }
        int first = best;
        while (first > 0 && Passages.leansBack(statements.get(first).of(text))) first--;
        int last = best;
        if (statements.get(last).of(text).strip().endsWith(":") && last + 1 < statements.size()) last++;
        return text.substring(statements.get(first).start(), statements.get(last).end());
    }

    private SourceRef ref(PassageHit h) {
        Optional<StoredDocument> d = document(h.docId());
        return new SourceRef(h.docId(), d.map(StoredDocument::title).orElse(h.docId()), d.map(StoredDocument::outlet).orElse(""),
                d.map(StoredDocument::url).orElse(""), d.map(StoredDocument::published).orElse(""), h.start(), h.end());
    }

    private Optional<StoredDocument> document(String id) {
        return documents.computeIfAbsent(id, store::get);
    }

    private String sourceLabel(String docId) {
        return document(docId).map(d -> d.outlet().isEmpty() ? d.title() : d.title() + ", " + d.outlet()).orElse(docId);
    }

    private static String shorten(String s) {
        String t = s.strip().replaceAll("\\s+", " ");
        return t.length() <= 200 ? t : t.substring(0, t.lastIndexOf(' ', 197)) + "…";
    }

    private static double round(double d) {
        return Math.round(d * 10000) / 10000.0;
    }

    private static long ms(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    @Override
    public List<DocumentSummary> documents() {
        return store.list(false).stream().map(d -> new DocumentSummary(d.id(), d.title(), d.outlet(), d.url(), d.published(),
                d.language().code(), d.passages(), d.createdAt())).toList();
    }

    @Override
    public Optional<String> contextAround(String docId, int start, int end) {
        Optional<StoredDocument> d = store.get(docId);
        if (d.isEmpty() || d.get().removed()) return Optional.empty();
        String text = d.get().text();
        if (start < 0 || end > text.length() || start > end) return Optional.empty();
        List<Span> spans = SentenceSplitter.split(text);
        int first = -1, last = -1;
        for (int i = 0; i < spans.size(); i++) {
            Span s = spans.get(i);
            if (s.end() > start && s.start() < end) {
                if (first < 0) first = i;
                last = i;
            }
        }
        if (first < 0) return Optional.of(text.substring(start, end));
        int from = spans.get(Math.max(0, first - CONTEXT_SENTENCES)).start();
        int to = spans.get(Math.min(spans.size() - 1, last + CONTEXT_SENTENCES)).end();
        return Optional.of(text.substring(from, to));
    }
}
