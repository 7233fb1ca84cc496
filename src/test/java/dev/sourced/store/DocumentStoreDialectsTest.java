package dev.sourced.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sourced.corpus.DocumentMeta;
import dev.sourced.corpus.Lang;
import dev.sourced.corpus.PreparedDocument;
import dev.sourced.corpus.SourceDocument;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Documents, passages with their vectors, and the outbox: the same behaviour on SQLite and on PostgreSQL. */
class DocumentStoreDialectsTest {
    @TempDir
    Path dir;

    private static PreparedDocument doc(String id, String text) {
        return PreparedDocument.prepare(new SourceDocument(new DocumentMeta(id, "Titre " + id, "Le Journal", "https://example.org/" + id,
                Lang.FR, "2023-05-01", "test:" + id), "text", text));
    }

    private static List<float[]> vectors(PreparedDocument d, float base) {
        List<float[]> out = new ArrayList<>();
        for (int i = 0; i < d.passages().size(); i++) out.add(new float[] {base + i, -1.5f, 0.25f});
        return out;
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void aDocumentIsStoredOnceWithItsPassagesAndVectorsAndEveryChangeIsInTheOutboxInOrder(Dialect dialect) {
        try (Database db = TestStores.fresh(dialect, dir).openWithBotTables()) {
            DocumentStore store = new DocumentStore(db);
            PreparedDocument phare = doc("phare", "Le phare de Cordouan a été inscrit au patrimoine mondial en 2021. Il garde l'estuaire.");
            assertThat(store.upsert(phare, vectors(phare, 1f), "m1").outcome()).isEqualTo(DocumentStore.Outcome.ADDED);
            assertThat(store.upsert(phare, vectors(phare, 1f), "m1").outcome()).isEqualTo(DocumentStore.Outcome.UNCHANGED);
            PreparedDocument copy = PreparedDocument.prepare(new SourceDocument(new DocumentMeta("copie", "Copie", "", "", Lang.FR, "", ""),
                    "text", phare.text()));
            assertThatThrownBy(() -> store.upsert(copy, null, "")).isInstanceOf(DuplicateDocumentException.class);

            List<StoredPassage> passages = store.passages("phare");
            assertThat(passages).isNotEmpty();
            assertThat(passages.get(0).embedding()).containsExactly(1f, -1.5f, 0.25f);
            assertThat(passages.get(0).end()).isGreaterThan(passages.get(0).start());
            assertThat(store.get("phare")).hasValueSatisfying(d -> {
                assertThat(d.url()).isEqualTo("https://example.org/phare");
                assertThat(d.createdAt()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
            });

            assertThat(store.editField("phare", "title", "Le phare")).isTrue();
            assertThat(store.remove("phare")).isTrue();
            assertThat(store.remove("phare")).isFalse();
            assertThat(store.passages("phare")).isEmpty();
            assertThat(store.restore("phare")).isTrue();
            assertThat(store.countActive()).isEqualTo(1);
            assertThat(store.outboxAfter(0)).extracting(OutboxEntry::op).containsExactly("upsert", "upsert", "delete", "upsert");
            assertThat(store.outboxAfter(0)).extracting(OutboxEntry::seq).isSorted();
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void appliedEntriesAreKeptForLaggingReplicasAndAGapIsSeenOnlyWhenEntriesWerePrunedPastAnIndex(Dialect dialect) {
        try (Database db = TestStores.fresh(dialect, dir).openWithBotTables()) {
            DocumentStore store = new DocumentStore(db);
            for (String id : List.of("a", "b", "c")) {
                store.upsert(doc(id, "Le document " + id + " parle d'un port fluvial et de ses grues."), null, "");
            }
            assertThat(Sql.timestamp(java.time.Instant.parse("2026-12-02T08:30:00Z"))).isEqualTo("2026-12-02T08:30:00.000Z");
            assertThat(store.outboxAfter(0)).isNotEmpty();
            long last = store.lastOutboxSeq();
            store.pruneOutbox(last);
            assertThat(store.outboxAfter(0)).hasSize(3); // younger than the retention: kept for other replicas
            assertThat(store.outboxGapAfter(0)).isFalse();

            db.update("UPDATE outbox SET created_at = ?", "2000-01-01T00:00:00.000Z");
            store.pruneOutbox(last);
            assertThat(store.outboxAfter(0)).extracting(OutboxEntry::seq).containsExactly(last);
            assertThat(store.outboxGapAfter(last - 1)).isFalse();
            assertThat(store.outboxGapAfter(last - 2)).isTrue();
        }
    }
}
