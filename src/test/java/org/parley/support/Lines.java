package org.parley.support;

import org.parley.chat.service.ChatMessageView;

/** What a message says, in English: its text, or for a system line its words (stored as an event). */
public final class Lines {

    private Lines() {}

    public static String of(ChatMessageView message) {
        return message.system() ? message.preview().inEnglish() : message.body();
    }
}
