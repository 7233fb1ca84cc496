package dev.sourced.telegram;

import dev.sourced.answer.Answer;
import dev.sourced.answer.Answerer;
import dev.sourced.answer.Citation;
import dev.sourced.answer.CorpusView;
import dev.sourced.answer.DocumentSummary;
import dev.sourced.answer.Question;
import dev.sourced.answer.SourceRef;
import dev.sourced.corpus.Lang;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** THROWAWAY: an in-memory stand-in for the core engine until dev.sourced.cli.Engine lands on main. */
final class ThrowawayCorpus implements Answerer, CorpusView {
    record Doc(String id, String title, String outlet, String url, String date, String lang, String text) {
    }

    static final List<Doc> DOCS = List.of(
            new Doc("d1", "Paris floods: the Seine rises", "Le Monde", "https://example.org/seine", "2024-02-01", "en",
                    "Heavy rain fell for a week. The Seine rose to 6 metres in Paris on Monday. Museums closed their lower floors. "
                            + "The city opened shelters for 2,000 people. Officials said the water would fall by Friday."),
            new Doc("d2", "Budget vote & the <Senate>", "Reuters", "https://example.org/budget?a=1&b=2", "2024-03-05", "en",
                    "The Senate passed the budget by 52 votes to 48. The bill raises spending on schools & hospitals by 3%. "
                            + "Critics said the <deficit> would grow. The president will sign it next week."),
            new Doc("d3", "Inondations à Paris : la Seine monte", "Libération", "", "2024-02-02", "fr",
                    "La Seine a atteint 6 mètres à Paris lundi. Les musées ont fermé leurs étages inférieurs. "
                            + "La mairie a ouvert des abris pour 2 000 personnes."),
            new Doc("d4", "Rail strike ends", "AFP", "", "2024-04-01", "en", "The rail strike ended on Tuesday after nine days. Trains ran normally on Wednesday."),
            new Doc("d5", "Grève : fin du mouvement", "Ouest-France", "", "2024-04-02", "fr", "La grève des cheminots a pris fin mardi. Les trains circulent normalement."));

    @Override
    public Answer ask(Question q) {
        String text = q.text() + " " + String.join(" ", q.context());
        Lang lang = Arrays.stream(q.text().toLowerCase(Locale.ROOT).split("\\W+")).anyMatch(w -> List.of("la", "le", "les", "que", "quoi", "est").contains(w)) ? Lang.FR
                : q.text().matches(".*[а-яА-Я].*") ? Lang.OTHER : Lang.EN;
        List<Citation> cites = new ArrayList<>();
        for (Doc d : DOCS) {
            for (String s : d.text().split("(?<=\\.) ")) {
                long overlap = Arrays.stream(s.toLowerCase(Locale.ROOT).split("\\W+")).filter(w -> w.length() > 3)
                        .filter(w -> text.toLowerCase(Locale.ROOT).contains(w)).count();
                if (overlap > 0 && cites.size() < 5) {
                    int start = d.text().indexOf(s);
                    cites.add(new Citation(cites.size() + 1, new SourceRef(d.id(), d.title(), d.outlet(), d.url(), d.date(), start, start + s.length()),
                            s, overlap, List.of()));
                }
            }
        }
        if (cites.isEmpty()) {
            return new Answer(q.text(), lang, "The corpus does not say.", true, List.of(), 1);
        }
        StringBuilder body = new StringBuilder("According to the articles");
        cites.forEach(c -> body.append(" [").append(c.n()).append("]"));
        return new Answer(q.text(), lang, body.append('.').toString(), false, cites, 1);
    }

    @Override
    public List<DocumentSummary> documents() {
        return DOCS.stream().map(d -> new DocumentSummary(d.id(), d.title(), d.outlet(), d.url(), d.date(), d.lang(), 3, "")).toList();
    }

    @Override
    public Optional<String> contextAround(String docId, int start, int end) {
        return DOCS.stream().filter(d -> d.id().equals(docId)).findFirst().map(Doc::text);
    }
}
