package dev.sourced.telegram;

import dev.sourced.corpus.DocumentIntake;
import dev.sourced.store.Curation;
import java.util.Set;

/**
 * What the bot needs to let moderators curate the corpus from Telegram: the curation service that changes it, the
 * admins ({@value Admins#ENV}), and the intake that reads what they send within the bounds of untrusted input.
 */
public record Moderation(Curation curation, Set<Long> admins, DocumentIntake intake) {
    public Moderation {
        admins = Set.copyOf(admins);
    }
}
