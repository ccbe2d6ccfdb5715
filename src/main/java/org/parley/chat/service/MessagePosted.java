package org.parley.chat.service;

import java.util.Collection;
import org.parley.base.service.UserEvent;

/** A message was stored: every member's open views show it. */
public record MessagePosted(ChatMessageView message, Collection<Long> recipients) implements UserEvent {
}
