package org.parley.chat.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HtmlContainer;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.Text;
import java.util.ArrayList;
import java.util.List;
import org.parley.chat.service.MessageHit;

/**
 * A search hit's text: the part around the first word found, on one line, with the words the search found (as it
 * says, {@link MessageHit#found()}) in {@code <mark>}: plain text nodes and marks, never markup from the message.
 */
final class SearchHitText {

    private SearchHitText() {}

    /** At most {@code length} characters of {@code body}, starting a little before the first word found. */
    static List<Component> around(String body, List<MessageHit.Found> found, int length) {
        int first = found.isEmpty() ? 0 : found.getFirst().start();
        int start = whole(body, first <= length / 4 ? 0 : first - length / 4);
        int end = whole(body, Math.min(body.length(), start + length));
        List<Component> parts = new ArrayList<>();
        if (start > 0) {
            parts.add(new Text("…"));
        }
        int at = start;
        for (MessageHit.Found word : found) {
            int from = Math.max(word.start(), at);
            int to = Math.min(word.end(), end);
            if (from >= to) {
                continue;
            }
            if (from > at) {
                parts.add(new Text(oneLine(body.substring(at, from))));
            }
            parts.add(new Mark(oneLine(body.substring(from, to))));
            at = to;
        }
        if (at < end) {
            parts.add(new Text(oneLine(body.substring(at, end))));
        }
        if (end < body.length()) {
            parts.add(new Text("…"));
        }
        return parts;
    }

    /** {@code at}, or one before it when it would split an emoji or another character written as two chars. */
    private static int whole(String body, int at) {
        return at > 0 && at < body.length() && Character.isLowSurrogate(body.charAt(at)) ? at - 1 : at;
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ");
    }

    /** A {@code <mark>}: a word found. */
    @Tag("mark")
    static final class Mark extends HtmlContainer {
        Mark(String text) {
            setText(text);
        }
    }
}
