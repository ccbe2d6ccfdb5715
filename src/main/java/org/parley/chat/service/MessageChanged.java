package org.parley.chat.service;

import java.util.Collection;
import org.parley.base.service.UserEvent;

/**
 * A message was recalled, removed or edited: every member's open views show it as it is now ({@code message}), in
 * its place, and a conversation row whose newest message it is shows the new preview.
 */
public record MessageChanged(ChatMessageView message, Collection<Long> recipients) implements UserEvent {}
