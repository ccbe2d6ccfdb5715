package org.parley.groups.ui;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.parley.groups.service.AdminLogView;

/** A line of the group log as a sentence: "Olga made Carla an administrator", "Olga muted Max for 10 minutes: spam". */
final class AdminLogSentence {

    private AdminLogSentence() {}

    static String of(AdminLogView entry) {
        String actor = entry.actor().displayName();
        String target = entry.target() == null ? "" : entry.target().displayName();
        String act = switch (entry.action()) {
            case APPROVE -> "let " + target + " join";
            case REJECT -> "turned down " + target + "'s request to join";
            case ADD -> "added " + target;
            case REMOVE -> "removed " + target + " from the group";
            case MUTE -> "muted " + target + length(entry.lasting());
            case UNMUTE -> "unmuted " + target;
            case MUTE_ALL -> "muted the group: only administrators can write";
            case UNMUTE_ALL -> "unmuted the group: everyone can write again";
            case BAN -> "banned " + target;
            case UNBAN -> "lifted " + target + "'s ban";
            case APPOINT -> "made " + target + " an administrator";
            case DISMISS -> "made " + target + " a member again (no longer an administrator)";
            case HAND_OVER -> "handed the group over to " + target;
            case ALLOW_TEMPORARY_CHATS -> "let members start temporary chats with each other";
            case FORBID_TEMPORARY_CHATS -> "stopped temporary chats between members";
            case REMOVE_MESSAGE -> "removed a message from " + target;
        };
        return actor + " " + act + (entry.reason() == null ? "" : ": " + entry.reason());
    }

    /** " for 10 minutes", " until unmuted", or nothing when the length was not kept. */
    static String length(Duration lasting) {
        if (lasting == null) {
            return "";
        }
        if (lasting.equals(ChronoUnit.FOREVER.getDuration())) {
            return " until unmuted";
        }
        long minutes = lasting.toMinutes();
        if (minutes > 0 && minutes % (24 * 60) == 0) {
            return " for " + count(minutes / (24 * 60), "day");
        }
        if (minutes > 0 && minutes % 60 == 0) {
            return " for " + count(minutes / 60, "hour");
        }
        if (minutes > 0) {
            return " for " + count(minutes, "minute");
        }
        return " for " + count(lasting.toSeconds(), "second");
    }

    private static String count(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
