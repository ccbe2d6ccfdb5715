package org.parley.chat.service;

import java.io.Serializable;
import java.util.List;

/** A message that search found, and where in its text the words searched for are ({@code found}, in order). */
public record MessageHit(ChatMessageView message, List<Found> found) implements Serializable {

    /** A word found: from {@code start} up to {@code end} in the message's text (char offsets). */
    public record Found(int start, int end) implements Serializable {}
}
