package org.parley.chat.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parley.account.service.UserSummary;

/**
 * How a message names someone: "@" and their user name, whole, not in the middle of a word, an e-mail address or a web
 * address ("ann@example.org", "example.org/@ann" name nobody). The one rule behind what is stored ({@link Mentions}),
 * what the message shows, its preview and where the composer's "@" list opens.
 */
public final class MentionSyntax {

    /** Characters that, right before "@", make it part of a word or an address rather than a mention. */
    public static final String NOT_AFTER = "A-Za-z0-9._@/-";

    private static final String NAME = "\\p{IsHan}A-Za-z0-9._-";
    private static final Pattern MENTION =
            Pattern.compile("(?<![" + NOT_AFTER + "])@([" + NAME + "]{2,32})(?![" + NAME + "])");

    private MentionSyntax() {}

    /** Where {@code person} is named in a text: from {@code start} ("@") up to {@code end}. */
    public record Found(int start, int end, UserSummary person) {}

    /** The places where {@code text} names one of the {@code mentioned} people, in order (none: an empty list). */
    public static List<Found> in(String text, List<UserSummary> mentioned) {
        if (mentioned.isEmpty()) {
            return List.of();
        }
        Map<String, UserSummary> byName = new HashMap<>();
        mentioned.forEach(person -> byName.put(person.username().toLowerCase(Locale.ROOT), person));
        List<Found> found = new ArrayList<>();
        Matcher mention = MENTION.matcher(text);
        while (mention.find()) {
            UserSummary person = byName.get(mention.group(1).toLowerCase(Locale.ROOT));
            if (person != null) {
                found.add(new Found(mention.start(), mention.end(), person));
            }
        }
        return found;
    }

    /** The text with each mention of the {@code mentioned} people as "@" and their display name now. */
    static String withDisplayNames(String text, List<UserSummary> mentioned) {
        List<Found> found = in(text, mentioned);
        if (found.isEmpty()) {
            return text;
        }
        StringBuilder named = new StringBuilder(text.length() + 16);
        int at = 0;
        for (Found mention : found) {
            named.append(text, at, mention.start())
                    .append('@')
                    .append(mention.person().displayName());
            at = mention.end();
        }
        return named.append(text, at, text.length()).toString();
    }

    /** The user names {@code text} names (lower case), at most {@code most} of them. */
    static Set<String> userNamesIn(String text, int most) {
        Set<String> names = new LinkedHashSet<>();
        Matcher mention = MENTION.matcher(text);
        while (mention.find() && names.size() < most) {
            names.add(mention.group(1).toLowerCase(Locale.ROOT));
        }
        return names;
    }
}
