package org.parley.groups.ui;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.parley.base.service.Phrase;
import org.parley.groups.domain.GroupAdminLogEntry.Action;
import org.parley.groups.service.AdminLogView;

/** A line of the group log as a sentence, in the reader's language: "Olga made Carla an administrator", "Olga muted Max for 10 minutes: spam". */
final class AdminLogSentence {

    private AdminLogSentence() {}

    /** The sentence, in words for the reader's language (groups.log.* in groups.properties). */
    static Phrase of(AdminLogView entry) {
        Phrase actor = entry.actor().shownName();
        Phrase target =
                entry.target() == null ? Phrase.text("") : entry.target().shownName();
        String act = entry.action().name().toLowerCase(Locale.ROOT).replace('_', '-');
        Phrase sentence = entry.action() == Action.MUTE
                ? Phrase.of("groups.log.mute", actor, target, length(entry.lasting()))
                : Phrase.of("groups.log." + act, actor, target);
        return entry.reason() == null ? sentence : Phrase.of("groups.log.with-reason", sentence, entry.reason());
    }

    /** " for 10 minutes", " until unmuted", or nothing when the length was not kept. */
    static Phrase length(Duration lasting) {
        if (lasting == null) {
            return Phrase.of("groups.log.length.unknown");
        }
        if (lasting.equals(ChronoUnit.FOREVER.getDuration())) {
            return Phrase.of("groups.log.length.until-lifted");
        }
        long minutes = lasting.toMinutes();
        if (minutes > 0 && minutes % (24 * 60) == 0) {
            return Phrase.of("groups.log.length.days", minutes / (24 * 60));
        }
        if (minutes > 0 && minutes % 60 == 0) {
            return Phrase.of("groups.log.length.hours", minutes / 60);
        }
        if (minutes > 0) {
            return Phrase.of("groups.log.length.minutes", minutes);
        }
        return Phrase.of("groups.log.length.seconds", lasting.toSeconds());
    }
}
