package org.parley.support;

import com.vaadin.flow.component.messages.MessageListItem;
import java.util.regex.Pattern;

/**
 * The text a message shows in the browser, from the Markdown the message list is given (chat/ui MessageText:
 * links as {@code [address](<address>)}, every other punctuation mark escaped, line breaks as hard breaks).
 */
public final class ShownText {

    private static final Pattern LINK = Pattern.compile("\\[((?:[^\\]\\\\]|\\\\.)*)\\]\\(<[^>]*>\\)");
    private static final Pattern ESCAPED = Pattern.compile("\\\\(\\p{Punct})");

    private ShownText() {}

    public static String of(MessageListItem item) {
        return of(item.getText());
    }

    public static String of(String markdown) {
        String withoutLinks = LINK.matcher(markdown).replaceAll("$1");
        return ESCAPED.matcher(withoutLinks.replace("\\\n", "\n")).replaceAll("$1");
    }
}
