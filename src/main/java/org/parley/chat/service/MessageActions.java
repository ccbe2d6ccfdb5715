package org.parley.chat.service;

/** What the caller may do with one message now: the view offers exactly these. */
public record MessageActions(boolean recall, boolean edit, boolean remove, boolean reply) {

    public static final MessageActions NONE = new MessageActions(false, false, false, false);

    public boolean any() {
        return recall || edit || remove || reply;
    }
}
