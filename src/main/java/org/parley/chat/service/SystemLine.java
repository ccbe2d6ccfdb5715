package org.parley.chat.service;

import java.util.Locale;
import org.parley.account.service.UserSummary;
import org.parley.base.service.Phrase;

/**
 * Parley's own lines in a conversation ("Ann joined", "Bob was muted"), stored as what happened — the key of their
 * words, who did it (the sender) and whom it is about (the subject) — and said in each reader's language with the
 * names as they are now. Lines stored before this were English text; they read as they were written.
 */
public enum SystemLine {
    GROUP_CREATED,
    JOINED,
    LEFT,
    ADDED,
    REMOVED,
    MUTED,
    UNMUTED,
    OWNER,
    ADMIN,
    NOT_ADMIN,
    GROUP_DELETED,
    GROUP_MUTED,
    GROUP_UNMUTED;

    private static final String PREFIX = "chat.system.";

    /** What is stored as the line's body: the key of its words (chat.properties). */
    public String key() {
        return PREFIX + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The words of a stored line: {0} is who did it, {1} whom it is about ("" for nobody). */
    static Phrase phrase(String body, UserSummary actor, UserSummary subject) {
        if (!body.startsWith(PREFIX)) {
            return Phrase.text(body);
        }
        return Phrase.of(body, actor.shownName(), subject == null ? "" : subject.shownName());
    }
}
