package dev.sourced.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.answer.Answer;
import dev.sourced.answer.Citation;
import dev.sourced.answer.SourceRef;
import dev.sourced.corpus.Lang;
import dev.sourced.telegram.store.AnswerStore;
import dev.sourced.telegram.store.ChatStore;
import dev.sourced.store.Database;
import dev.sourced.telegram.store.UpdateJournal;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import dev.sourced.store.Dialect;
import dev.sourced.store.TestStores;
import org.junit.jupiter.api.io.TempDir;

/** The bot's tables (migration V002), on SQLite and on PostgreSQL: journal, chats and conversations, answers and feedback. */
class TelegramStoresTest {
    @TempDir
    Path dir;
    Database db;

    TestStores.Location at;

    void open(Dialect dialect) {
        at = TestStores.fresh(dialect, dir);
        db = at.openWithBotTables();
    }

    @AfterEach
    void close() {
        if (db != null) db.close();
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void theJournalRecordsAnUpdateOnceAndKeepsItPendingUntilDone(Dialect dialect) {
        open(dialect);
        UpdateJournal j = new UpdateJournal(db);
        List<UpdateJournal.Entry> fresh = j.record(List.of(new UpdateJournal.Incoming(1, 10, "{}"), new UpdateJournal.Incoming(2, 10, "{}")));
        assertThat(fresh).extracting(UpdateJournal.Entry::updateId).containsExactly(1L, 2L);

        j.partsSent(1, 2);
        j.done(2, "answered");
        assertThat(j.record(List.of(new UpdateJournal.Incoming(1, 10, "{}"), new UpdateJournal.Incoming(2, 10, "{}"),
                new UpdateJournal.Incoming(3, 11, "{}")))).extracting(UpdateJournal.Entry::updateId).containsExactly(3L);
        assertThat(j.pending()).extracting(UpdateJournal.Entry::updateId, UpdateJournal.Entry::partsSent)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, 2), org.assertj.core.groups.Tuple.tuple(3L, 0));
        assertThat(j.state(2)).contains("done");
        assertThat(j.pruneDone(7)).isZero();
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void reopeningTheDatabaseKeepsPendingUpdates(Dialect dialect) {
        open(dialect);
        new UpdateJournal(db).record(List.of(new UpdateJournal.Incoming(5, 1, "{\"update_id\":5}")));
        db.close();
        db = at.openWithBotTables();
        assertThat(new UpdateJournal(db).pending()).singleElement().satisfies(e -> assertThat(e.payload()).isEqualTo("{\"update_id\":5}"));
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void aChatKeepsItsLastQuestionsAndAnInactiveMark(Dialect dialect) {
        open(dialect);
        ChatStore chats = new ChatStore(db);
        for (int i = 1; i <= 7; i++) {
            chats.addTurn(42, i, "q" + i, 5);
        }
        chats.addTurn(42, 7, "again", 5);
        assertThat(chats.recentQuestions(42, 100, 5)).containsExactly("q3", "q4", "q5", "q6", "q7");
        assertThat(chats.recentQuestions(42, 6, 2)).containsExactly("q4", "q5");
        chats.clearTurns(42);
        assertThat(chats.recentQuestions(42, 100, 5)).isEmpty();

        assertThat(chats.isActive(42)).isTrue();
        chats.markInactive(42);
        assertThat(chats.isActive(42)).isFalse();
        chats.markActive(42, "private");
        assertThat(chats.isActive(42)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void anAnswerIsStoredOncePerUpdateWithItsCitationsAndVotes(Dialect dialect) {
        open(dialect);
        AnswerStore answers = new AnswerStore(db);
        Citation c = new Citation(1, new SourceRef("d", "T", "O", "u", "2024", 3, 9), "quote", 0.5,
                List.of(new SourceRef("e", "T2", "O2", "", "", 1, 2)));
        AnswerStore.StoredAnswer first = answers.save(77, 5, new Answer("q", Lang.FR, "text [1]", false, List.of(c), 3));
        AnswerStore.StoredAnswer again = answers.save(77, 5, new Answer("q", Lang.EN, "other", true, List.of(), 3));

        assertThat(again).isEqualTo(first);
        assertThat(answers.byId(first.id())).contains(first);
        assertThat(first.citations()).containsExactly(c);
        answers.vote(first.id(), 1, 1);
        answers.vote(first.id(), 2, 1);
        answers.vote(first.id(), 1, -1);
        assertThat(answers.votes(first.id())).isEqualTo(new AnswerStore.Votes(1, 1));
    }
}
