package org.parley.chat.service;

import java.io.Serializable;
import org.parley.account.service.UserSummary;
import org.parley.base.service.Phrase;

/**
 * How a reply shows the message it answers: the original's sender and one short line of it as it is now ("Picture",
 * "File: name", "Message recalled" — the same line the conversation list shows, see {@link ChatMessageView#preview()}).
 */
public record Quote(long messageId, UserSummary sender, Phrase text) implements Serializable {

    /** The quote of {@code original} as it reads now (after an edit or a recall, too). */
    public static Quote of(ChatMessageView original) {
        return new Quote(original.id(), original.sender(), original.preview());
    }
}
