package dev.sourced.index;

import dev.sourced.corpus.Lang;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.tartarus.snowball.ext.FrenchStemmer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.LengthFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.miscellaneous.TruncateTokenFilter;
import org.apache.lucene.analysis.pattern.PatternReplaceCharFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.util.ElisionFilter;

/**
 * The analysis of each field. French: elision of l' d' qu' … (with either apostrophe, ' or ’), French stop words,
 * Snowball stemming (it folds verb forms too: "affirmant", "affirmer"), accents folded. English: possessives, stop words, Porter stemming. Every chain joins digit groups
 * ("10 000", "10.000", "10,000" → "10000") so a number matches however an outlet writes it.
 */
public final class Analyzers {
    /** Cognate keys are the first letters of a word. */
    static final int COGNATE_PREFIX = 5;
    private static final Pattern DIGIT_GROUPS = Pattern.compile("(?<=\\d)[ \\u00A0\\u202F.,](?=\\d{3}(?!\\d))");
    /** A dot inside an acronym ("X.AI", "U.S.A."): the segment before it has one or two letters; xAI = X.AI. */
    private static final Pattern ACRONYM_DOT = Pattern.compile("(?<![\\p{L}\\p{N}]{3})(?<=\\p{L})\\.(?=\\p{L})");
    /**
     * A dot between a word of three letters or more and a letter: a web address written as a name ("Amazon.com") or a
     * missing space after a full stop ("fin.Le"); either way two words, so "Amazon" finds "Amazon.com".
     */
    private static final Pattern WORD_DOT = Pattern.compile("(?<=\\p{L}{3})\\.(?=\\p{L})");
    private static final NormalizeCharMap APOSTROPHES;

    static {
        NormalizeCharMap.Builder b = new NormalizeCharMap.Builder();
        b.add("’", "'");
        b.add("‘", "'");
        b.add("ʼ", "'");
        APOSTROPHES = b.build();
    }

    public static final CharArraySet FRENCH_STOP = FrenchAnalyzer.getDefaultStopSet();
    public static final CharArraySet ENGLISH_STOP = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;
    private static final CharArraySet BOTH_STOP;

    static {
        BOTH_STOP = new CharArraySet(FRENCH_STOP.size() + ENGLISH_STOP.size(), true);
        BOTH_STOP.addAll(FRENCH_STOP);
        BOTH_STOP.addAll(ENGLISH_STOP);
    }

    private static final Analyzer FRENCH = new Chain(Lang.FR, false);
    private static final Analyzer ENGLISH = new Chain(Lang.EN, false);
    private static final Analyzer NEUTRAL = new Chain(Lang.OTHER, false);
    private static final Analyzer COGNATES = new Chain(null, true);

    private Analyzers() {
    }

    public static Analyzer forLang(Lang lang) {
        return switch (lang) {
            case FR -> FRENCH;
            case EN -> ENGLISH;
            case OTHER -> NEUTRAL;
        };
    }

    public static Analyzer cognates() {
        return COGNATES;
    }

    /** The analyzer the index writer uses, field by field. */
    public static Analyzer perField() {
        Map<String, Analyzer> m = new HashMap<>();
        m.put(Fields.BODY_FR, FRENCH);
        m.put(Fields.CTX_FR, FRENCH);
        m.put(Fields.BODY_EN, ENGLISH);
        m.put(Fields.CTX_EN, ENGLISH);
        m.put(Fields.COGNATE, COGNATES);
        return new PerFieldAnalyzerWrapper(NEUTRAL, m);
    }

    /** The terms {@code analyzer} makes of {@code text}, in order. */
    public static List<String> terms(Analyzer analyzer, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("f", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** One analysis chain; {@code lang} null with {@code cognate} true gives the cross-language prefix chain. */
    private static final class Chain extends Analyzer {
        private final Lang lang;
        private final boolean cognate;

        Chain(Lang lang, boolean cognate) {
            this.lang = lang;
            this.cognate = cognate;
        }

        @Override
        protected Reader initReader(String fieldName, Reader reader) {
            return new PatternReplaceCharFilter(WORD_DOT, " ", new PatternReplaceCharFilter(ACRONYM_DOT, "",
                    new PatternReplaceCharFilter(DIGIT_GROUPS, "", new MappingCharFilter(APOSTROPHES, reader))));
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            TokenStream s = source;
            if (cognate) {
                s = new ElisionFilter(s, FrenchAnalyzer.DEFAULT_ARTICLES);
                s = new EnglishPossessiveFilter(s);
                s = new LowerCaseFilter(s);
                s = new StopFilter(s, BOTH_STOP);
                s = new ASCIIFoldingFilter(s);
                s = new LengthFilter(s, COGNATE_PREFIX + 1, Integer.MAX_VALUE);
                s = new TruncateTokenFilter(s, COGNATE_PREFIX);
            } else if (lang == Lang.FR) {
                s = new ElisionFilter(s, FrenchAnalyzer.DEFAULT_ARTICLES);
                s = new LowerCaseFilter(s);
                s = new StopFilter(s, FRENCH_STOP);
                s = new SnowballFilter(s, new FrenchStemmer());
                s = new ASCIIFoldingFilter(s);
            } else if (lang == Lang.EN) {
                s = new EnglishPossessiveFilter(s);
                s = new LowerCaseFilter(s);
                s = new StopFilter(s, ENGLISH_STOP);
                s = new PorterStemFilter(s);
                s = new ASCIIFoldingFilter(s);
            } else {
                s = new ElisionFilter(s, FrenchAnalyzer.DEFAULT_ARTICLES);
                s = new LowerCaseFilter(s);
                s = new ASCIIFoldingFilter(s);
            }
            return new TokenStreamComponents(source, s);
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new ASCIIFoldingFilter(new LowerCaseFilter(in));
        }
    }
}
