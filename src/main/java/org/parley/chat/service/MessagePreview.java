package org.parley.chat.service;

import java.util.List;
import java.util.regex.Pattern;
import org.parley.account.service.UserSummary;
import org.parley.base.service.Phrase;

/**
 * How a message reads in one line — in the conversation list and in a reply's quote: shortened, the people it mentions
 * by their names now; "Picture" or "File: name"; "Message recalled" or "Message removed"; a system line's words (see
 * {@link SystemLine}). Words for the reader's language, made once per message view
 * ({@link ChatMessageView#preview()}), not per screen that shows it.
 */
final class MessagePreview {

    static final int LENGTH = 80;
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private MessagePreview() {}

    static Phrase of(String body, ChatMessageView.State state, AttachmentView attachment, List<UserSummary> mentioned) {
        if (state == ChatMessageView.State.RECALLED) {
            return Phrase.of("chat.preview.recalled");
        }
        if (state == ChatMessageView.State.REMOVED) {
            return Phrase.of("chat.preview.removed");
        }
        if (attachment != null) {
            return attachment.picture()
                    ? Phrase.of("chat.preview.picture")
                    : Phrase.of("chat.preview.file", attachment.fileName());
        }
        String oneLine = WHITESPACE
                .matcher(MentionSyntax.withDisplayNames(body, mentioned))
                .replaceAll(" ");
        return Phrase.text(oneLine.length() <= LENGTH ? oneLine : oneLine.substring(0, LENGTH - 1) + "…");
    }
}
