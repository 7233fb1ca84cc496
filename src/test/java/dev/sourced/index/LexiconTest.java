package dev.sourced.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.corpus.Lang;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LexiconTest {

    private static final Lexicon LEX = Lexicon.builtIn();

    // ------------------------------------------------------------ English -> French

    @Test
    void englishInflectedFormsFindTheirLemma() {
        assertThat(LEX.translate("donate", Lang.EN, Lang.FR)).startsWith("donner");
        assertThat(LEX.translate("donated", Lang.EN, Lang.FR)).contains("donner");
        assertThat(LEX.translate("donates", Lang.EN, Lang.FR)).contains("donner");
        assertThat(LEX.translate("Donating", Lang.EN, Lang.FR)).contains("donner");
        assertThat(LEX.translate("companies", Lang.EN, Lang.FR)).contains("entreprise");
        assertThat(LEX.translate("taxes", Lang.EN, Lang.FR)).contains("impôt");
        assertThat(LEX.translate("stopped", Lang.EN, Lang.FR)).contains("arrêter");
        assertThat(LEX.translate("biggest", Lang.EN, Lang.FR)).isNotEmpty();
        assertThat(LEX.translate("founders", Lang.EN, Lang.FR)).contains("fondateur");
    }

    @Test
    void irregularEnglishFormsHaveTheirOwnEntries() {
        assertThat(LEX.translate("bought", Lang.EN, Lang.FR)).startsWith("acheter");
        assertThat(LEX.translate("went", Lang.EN, Lang.FR)).startsWith("aller");
        assertThat(LEX.translate("said", Lang.EN, Lang.FR)).startsWith("dire");
        assertThat(LEX.translate("spent", Lang.EN, Lang.FR)).startsWith("dépenser");
        assertThat(LEX.translate("gave", Lang.EN, Lang.FR)).startsWith("donner");
        assertThat(LEX.translate("left", Lang.EN, Lang.FR)).startsWith("quitter").contains("gauche");
    }

    @Test
    void exactMatchWinsOverStemMatch() {
        // "found" stems like "founded", but has its own entry
        assertThat(LEX.translate("found", Lang.EN, Lang.FR)).startsWith("trouvé");
        assertThat(LEX.translate("news", Lang.EN, Lang.FR)).doesNotContain("nouveau");
    }

    @Test
    void lookupIsCaseInsensitiveAndTrimsPunctuation() {
        assertThat(LEX.translate("Germany", Lang.EN, Lang.FR)).containsExactly("allemagne");
        assertThat(LEX.translate("  WHY? ", Lang.EN, Lang.FR)).containsExactly("pourquoi");
        assertThat(LEX.translate("French", Lang.EN, Lang.FR)).startsWith("français", "française");
    }

    @Test
    void resultsHaveNoDuplicates() {
        for (String w : List.of("leave", "attack", "charge", "release", "run", "set", "march")) {
            List<String> t = LEX.translate(w, Lang.EN, Lang.FR);
            assertThat(t).as(w).isNotEmpty().doesNotHaveDuplicates();
        }
        for (String w : List.of("dire", "faire", "quitter", "donner", "prendre")) {
            List<String> t = LEX.translate(w, Lang.FR, Lang.EN);
            assertThat(t).as(w).isNotEmpty().doesNotHaveDuplicates();
        }
    }

    // ------------------------------------------------------------ French -> English

    @Test
    void frenchInflectedFormsFindTheReverseEntries() {
        assertThat(LEX.translate("quitter", Lang.FR, Lang.EN)).contains("leave", "quit");
        assertThat(LEX.translate("quitté", Lang.FR, Lang.EN)).contains("leave");
        assertThat(LEX.translate("quittait", Lang.FR, Lang.EN)).contains("leave");
        assertThat(LEX.translate("quittent", Lang.FR, Lang.EN)).contains("leave");
        assertThat(LEX.translate("donné", Lang.FR, Lang.EN)).contains("give");
        assertThat(LEX.translate("candidats", Lang.FR, Lang.EN)).contains("candidate");
        assertThat(LEX.translate("élections", Lang.FR, Lang.EN)).contains("elections");
        assertThat(LEX.translate("élue", Lang.FR, Lang.EN)).contains("elected");
        assertThat(LEX.translate("fondatrice", Lang.FR, Lang.EN)).contains("founder");
        assertThat(LEX.translate("choisissent", Lang.FR, Lang.EN)).contains("choose");
        assertThat(LEX.translate("vendu", Lang.FR, Lang.EN)).contains("sell");
        assertThat(LEX.translate("nationaux", Lang.FR, Lang.EN)).contains("national");
        assertThat(LEX.translate("l'économie", Lang.FR, Lang.EN)).contains("economy");
    }

    @Test
    void frenchLookupToleratesMissingAccents() {
        assertThat(LEX.translate("deja", Lang.FR, Lang.EN)).contains("already");
        assertThat(LEX.translate("economie", Lang.FR, Lang.EN)).contains("economy");
        assertThat(LEX.translate("DÉJÀ", Lang.FR, Lang.EN)).contains("already");
        // accents that are present must match: "annoncé" is the verb, not the noun "annonce"
        assertThat(LEX.translate("annoncé", Lang.FR, Lang.EN)).startsWith("announce");
        assertThat(LEX.translate("annonce", Lang.FR, Lang.EN)).contains("announcement");
    }

    @Test
    void reverseOrderPutsBaseFormsBeforeIrregularForms() {
        List<String> dire = LEX.translate("dire", Lang.FR, Lang.EN);
        assertThat(dire).contains("say", "tell");
        assertThat(dire.indexOf("say")).isLessThan(dire.indexOf("said"));
        assertThat(LEX.translate("allemagne", Lang.FR, Lang.EN)).startsWith("germany");
        assertThat(LEX.translate("pourquoi", Lang.FR, Lang.EN)).startsWith("why");
        // a participle listed only next to an irregular form also gets its lemma's translations
        assertThat(LEX.translate("démissionné", Lang.FR, Lang.EN)).contains("resign");
        assertThat(LEX.translate("vendu", Lang.FR, Lang.EN)).contains("sold", "sell");
    }

    @Test
    void reflexiveVerbsAreFoundWithoutTheirPronoun() {
        assertThat(LEX.translate("s'abstenir", Lang.FR, Lang.EN)).contains("abstain");
        assertThat(LEX.translate("abstenir", Lang.FR, Lang.EN)).contains("abstain");
    }

    // ------------------------------------------------------------ phrases

    @Test
    void multiWordExpressionsTranslateAndAreDetected() {
        assertThat(LEX.translate("conflict of interest", Lang.EN, Lang.FR)).contains("conflit d'intérêts");
        assertThat(LEX.translate("conflicts of interest", Lang.EN, Lang.FR)).isNotEmpty();
        assertThat(LEX.translate("conflit d'intérêts", Lang.FR, Lang.EN)).contains("conflict of interest");

        List<String> en = List.of("a", "conflict", "of", "interest", "case");
        assertThat(LEX.phraseLengthAt(en, 1, Lang.EN)).isEqualTo(3);
        assertThat(LEX.phraseLengthAt(en, 2, Lang.EN)).isZero();
        assertThat(LEX.phraseLengthAt(List.of("conflicts", "of", "interest"), 0, Lang.EN)).isEqualTo(3);
        assertThat(LEX.phraseLengthAt(List.of("how", "many", "people"), 0, Lang.EN)).isEqualTo(2);
        assertThat(LEX.phraseLengthAt(List.of("the", "prime", "minister", "said"), 1, Lang.EN)).isEqualTo(2);

        assertThat(LEX.phraseLengthAt(List.of("un", "conflit", "d'intérêts"), 1, Lang.FR)).isEqualTo(2);
        assertThat(LEX.phraseLengthAt(List.of("conflit", "d", "intérêts", "majeur"), 0, Lang.FR)).isEqualTo(3);
        assertThat(LEX.phraseLengthAt(List.of("premier", "ministre"), 0, Lang.FR)).isEqualTo(2);
        // a tokenizer that already removed the elision ("d'") still matches
        assertThat(LEX.phraseLengthAt(List.of("conflit", "intérêts"), 0, Lang.FR)).isEqualTo(2);
    }

    @Test
    void phraseDetectionHandlesEdges() {
        assertThat(LEX.phraseLengthAt(List.of("conflict"), 0, Lang.EN)).isZero();
        assertThat(LEX.phraseLengthAt(List.of("conflict", "of", "interest"), 2, Lang.EN)).isZero();
        assertThat(LEX.phraseLengthAt(List.of("conflict", "of", "interest"), 5, Lang.EN)).isZero();
        assertThat(LEX.phraseLengthAt(List.of("conflict", "of", "interest"), 0, Lang.OTHER)).isZero();
        assertThat(LEX.phraseLengthAt(List.of("zzqx", "yyqw"), 0, Lang.EN)).isZero();
    }

    // ------------------------------------------------------------ unknown / OTHER

    @Test
    void unknownWordsAndUnsupportedLanguagesGiveEmptyLists() {
        assertThat(LEX.translate("xqzzyplonk", Lang.EN, Lang.FR)).isEmpty();
        assertThat(LEX.translate("xqzzyplonk", Lang.FR, Lang.EN)).isEmpty();
        assertThat(LEX.translate("", Lang.EN, Lang.FR)).isEmpty();
        assertThat(LEX.translate("???", Lang.EN, Lang.FR)).isEmpty();
        assertThat(LEX.translate(null, Lang.EN, Lang.FR)).isEmpty();
        assertThat(LEX.translate("house", Lang.OTHER, Lang.FR)).isEmpty();
        assertThat(LEX.translate("house", Lang.EN, Lang.OTHER)).isEmpty();
        assertThat(LEX.translate("house", Lang.EN, Lang.EN)).isEmpty();
        assertThat(LEX.translate("maison", Lang.FR, Lang.FR)).isEmpty();
        assertThat(LEX.size(Lang.OTHER)).isZero();
    }

    // ------------------------------------------------------------ fromTsv

    @Test
    void fromTsvBuildsBothDirections() {
        String tsv = """
                # a comment
                # Format: english<TAB>french1|french2
                donate\tdonner|faire un don
                go\taller|partir
                leave\tpartir|quitter|congé
                car park\tparking|parc de stationnement

                not a valid line
                # @inflected-forms
                gone\tparti|allé
                left\tquitter|gauche
                went\taller|allé
                """;
        Lexicon lex = Lexicon.fromTsv(new StringReader(tsv));
        assertThat(lex.size(Lang.EN)).isEqualTo(7);
        assertThat(lex.describe()).contains("7 entries");
        assertThat(lex.translate("donated", Lang.EN, Lang.FR)).containsExactly("donner", "faire un don");
        assertThat(lex.translate("LEAVES", Lang.EN, Lang.FR)).containsExactly("partir", "quitter", "congé");
        assertThat(lex.translate("car parks", Lang.EN, Lang.FR)).containsExactly("parking", "parc de stationnement");
        // reverse: rank within the entry first, then base forms before inflected forms
        assertThat(lex.translate("aller", Lang.FR, Lang.EN)).containsExactly("go", "went");
        assertThat(lex.translate("partir", Lang.FR, Lang.EN)).containsExactly("leave", "go");
        assertThat(lex.translate("quitter", Lang.FR, Lang.EN)).containsExactly("left", "leave");
        assertThat(lex.translate("quittions", Lang.FR, Lang.EN)).containsExactly("left", "leave");
        assertThat(lex.translate("allé", Lang.FR, Lang.EN)).containsExactly("gone", "went", "go");
        assertThat(lex.translate("conge", Lang.FR, Lang.EN)).containsExactly("leave");
        assertThat(lex.phraseLengthAt(List.of("the", "car", "park"), 1, Lang.EN)).isEqualTo(2);
        assertThat(lex.phraseLengthAt(List.of("un", "parc", "de", "stationnement"), 1, Lang.FR)).isEqualTo(3);
        assertThat(lex.translate("house", Lang.EN, Lang.FR)).isEmpty();
    }

    // ------------------------------------------------------------ shipped file

    @Test
    void shippedFileIsWellFormedAndLarge() throws IOException {
        List<String> lines;
        try (InputStream in = Lexicon.class.getResourceAsStream(Lexicon.BUILT_IN_RESOURCE)) {
            assertThat(in).isNotNull();
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        assertThat(lines.get(0)).startsWith("# Sourced general English-French lexicon.").contains("Apache-2.0");
        Set<String> heads = new HashSet<>();
        List<String> malformed = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\t", -1);
            boolean ok = cols.length == 2
                    && !cols[0].isBlank()
                    && cols[0].equals(cols[0].strip())
                    && cols[0].equals(cols[0].toLowerCase(java.util.Locale.ROOT))
                    && cols[1].equals(cols[1].toLowerCase(java.util.Locale.ROOT))
                    && !line.contains("\u2019")
                    && heads.add(cols[0]);
            if (ok) {
                for (String fr : cols[1].split("\\|", -1)) {
                    ok &= !fr.isBlank() && fr.equals(fr.strip());
                }
            }
            if (!ok) {
                malformed.add(line);
            }
        }
        assertThat(malformed).isEmpty();
        assertThat(heads).hasSizeGreaterThanOrEqualTo(5000);
        assertThat(heads).contains("why", "how many", "before", "after", "germany", "founder", "donation");
        assertThat(LEX.size(Lang.EN)).isGreaterThanOrEqualTo(5000);
        assertThat(LEX.size(Lang.FR)).isGreaterThanOrEqualTo(5000);
        assertThat(LEX.describe()).startsWith("built-in");
    }

    @Test
    void translateIsFast() {
        List<String> words = List.of("donated", "quittait", "xqzzyplonk", "conflicts of interest", "elections",
                "deja", "bought", "économiques", "running", "fondatrice");
        boolean[] flags = {true, false, true, true, true, false, true, false, true, false};
        int rounds = 20_000;
        long t0 = System.nanoTime();
        int sink = 0;
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < words.size(); k++) {
                sink += flags[k]
                        ? LEX.translate(words.get(k), Lang.EN, Lang.FR).size()
                        : LEX.translate(words.get(k), Lang.FR, Lang.EN).size();
            }
        }
        double micros = (System.nanoTime() - t0) / 1000.0 / (rounds * words.size());
        assertThat(sink).isPositive();
        // generous bound (target is < 20 µs); only catches pathological regressions
        assertThat(micros).isLessThan(200.0);
    }

    // ------------------------------------------------------------ FreeDict

    @Test
    void readsFreedictDictionariesWhenPresent(@TempDir Path dir) throws IOException {
        writeDictd(dir, "freedict-eng-fra", List.of(
                new String[] {"00-database-info", "00-database-info\nThis is a test fixture.\n"},
                new String[] {"donate", "donate /dəʊˈneɪt/\nfaire cadeau, offrir\n"},
                new String[] {"zorbify", "zorbify /zɔːbɪfaɪ/\n1. zorbifier, zorber\n2. zorbage\n3. zorbette\n4. zorbine\n"},
                new String[] {"alarmclock", "alarm clock /əˈlɑːm klɒk/\nréveil, réveil‐matin\n"}));
        writeDictd(dir, "freedict-fra-eng", List.of(
                new String[] {"00databaseshort", "00-database-short\nFixture\n"},
                new String[] {"zorbifier", "zorbifier /zɔʁbifje/ <v>\nzorbify, (slang) zorb\n"}));

        String previous = System.getProperty(Lexicon.FREEDICT_DIR_PROPERTY);
        System.setProperty(Lexicon.FREEDICT_DIR_PROPERTY, dir.toString());
        try {
            Lexicon lex = Lexicon.load();
            assertThat(lex.describe()).contains("built-in").contains("freedict eng-fra, fra-eng");
            assertThat(lex.translate("zorbify", Lang.EN, Lang.FR))
                    .containsExactly("zorbifier", "zorbage", "zorbette", "zorbine");
            assertThat(lex.translate("zorbified", Lang.EN, Lang.FR)).startsWith("zorbifier");
            // built-in translations first, FreeDict ones appended
            List<String> donate = lex.translate("donate", Lang.EN, Lang.FR);
            assertThat(donate.get(0)).isEqualTo("donner");
            assertThat(donate).contains("offrir").doesNotHaveDuplicates();
            assertThat(donate.indexOf("offrir")).isGreaterThan(donate.indexOf("donner"));
            assertThat(lex.translate("alarm clock", Lang.EN, Lang.FR)).containsExactly("réveil", "réveil-matin");
            assertThat(lex.translate("zorbifiait", Lang.FR, Lang.EN)).containsExactly("zorbify", "zorb");
            assertThat(lex.translate("00-database-info", Lang.EN, Lang.FR)).isEmpty();
            assertThat(lex.size(Lang.EN)).isGreaterThan(LEX.size(Lang.EN));
            assertThat(Lexicon.load()).isSameAs(lex);
        } finally {
            if (previous == null) {
                System.clearProperty(Lexicon.FREEDICT_DIR_PROPERTY);
            } else {
                System.setProperty(Lexicon.FREEDICT_DIR_PROPERTY, previous);
            }
        }
    }

    @Test
    void missingOrBrokenFreedictFallsBackToBuiltIn(@TempDir Path dir) throws IOException {
        Lexicon missing = Lexicon.loadFrom(dir.resolve("nowhere"));
        assertThat(missing.describe()).doesNotContain("freedict");
        assertThat(missing.size(Lang.EN)).isEqualTo(LEX.size(Lang.EN));

        Files.writeString(dir.resolve("freedict-eng-fra.index"), "zorbify\tAA\tZZZZ\n");
        Files.write(dir.resolve("freedict-eng-fra.dict.dz"), new byte[] {1, 2, 3, 4});
        Lexicon broken = Lexicon.loadFrom(dir);
        assertThat(broken.describe()).doesNotContain("freedict");
        assertThat(broken.translate("house", Lang.EN, Lang.FR)).contains("maison");
    }

    @Test
    void dictdBase64RoundTrips() {
        for (long n : new long[] {0, 1, 63, 64, 4095, 4096, 123_456_789L}) {
            assertThat(Lexicon.Dictd.decode(Lexicon.Dictd.encode(n))).isEqualTo(n);
        }
        assertThat(Lexicon.Dictd.decode("BA")).isEqualTo(64);
        assertThat(Lexicon.Dictd.decode("/")).isEqualTo(63);
    }

    /** Writes a dictd index and a gzip data file (gzip is readable as dictzip). */
    private static void writeDictd(Path dir, String name, List<String[]> entries) throws IOException {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        StringBuilder index = new StringBuilder();
        for (String[] e : entries) {
            byte[] body = e[1].getBytes(StandardCharsets.UTF_8);
            index.append(e[0]).append('\t')
                    .append(Lexicon.Dictd.encode(data.size())).append('\t')
                    .append(Lexicon.Dictd.encode(body.length)).append('\n');
            data.write(body);
        }
        Files.writeString(dir.resolve(name + ".index"), index.toString(), StandardCharsets.UTF_8);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve(name + ".dict.dz")))) {
            out.write(data.toByteArray());
        }
    }
}
