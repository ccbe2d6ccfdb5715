package org.parley.chat.service;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.parley.account.service.UserSummary;
import org.parley.account.service.internal.AccountDirectory;
import org.parley.chat.domain.Attachment;
import org.parley.chat.domain.AttachmentRepository;
import org.parley.chat.domain.ChatMessage;
import org.parley.chat.domain.ChatMessageRepository;
import org.springframework.stereotype.Component;

/**
 * The one way stored messages become what views show ({@link ChatMessageView}): senders, attachments and the quotes
 * of the messages replies answer are fetched for a whole page at once — at most four queries however long the page,
 * none per message.
 */
@Component
class MessageViews {

    private final ChatMessageRepository messages;
    private final AttachmentRepository attachments;
    private final AccountDirectory directory;

    MessageViews(ChatMessageRepository messages, AttachmentRepository attachments, AccountDirectory directory) {
        this.messages = messages;
        this.attachments = attachments;
        this.directory = directory;
    }

    ChatMessageView of(ChatMessage message) {
        return of(List.of(message)).getFirst();
    }

    /** The messages as views show them, in the same order. */
    List<ChatMessageView> of(List<ChatMessage> page) {
        List<Long> originalIds = page.stream()
                .map(ChatMessage::getReplyToId)
                .filter(Objects::nonNull)
                .distinct()
                .toList();
        Map<Long, ChatMessage> originals = originalIds.isEmpty()
                ? Map.of()
                : messages.findByIdIn(originalIds).stream()
                        .collect(Collectors.toMap(ChatMessage::getId, Function.identity()));
        List<ChatMessage> all =
                Stream.concat(page.stream(), originals.values().stream()).toList();
        Map<Long, UserSummary> senders = directory.summaries(
                all.stream().map(ChatMessage::getSenderId).distinct().toList());
        Map<Long, AttachmentView> attachmentViews = attachmentsOf(all);
        Function<ChatMessage, ChatMessageView> plain = message -> view(
                message,
                senders.get(message.getSenderId()),
                message.getAttachmentId() == null ? null : attachmentViews.get(message.getAttachmentId()),
                null);
        List<ChatMessageView> views = new ArrayList<>(page.size());
        for (ChatMessage message : page) {
            ChatMessage original = message.getReplyToId() == null ? null : originals.get(message.getReplyToId());
            ChatMessageView view = plain.apply(message);
            views.add(original == null ? view : view.withReplyTo(Quote.of(plain.apply(original))));
        }
        return views;
    }

    /** The attachments these messages carry, by id, in one query (none without attachments). */
    Map<Long, AttachmentView> attachmentsOf(Collection<ChatMessage> messagesWithAttachments) {
        List<Long> ids = messagesWithAttachments.stream()
                .map(ChatMessage::getAttachmentId)
                .filter(Objects::nonNull)
                .distinct()
                .toList();
        if (ids.isEmpty()) {
            return Map.of();
        }
        return attachments.findByIdIn(ids).stream()
                .collect(Collectors.toMap(Attachment::getId, MessageViews::attachmentView));
    }

    static AttachmentView attachmentView(Attachment attachment) {
        return new AttachmentView(
                attachment.getId(),
                attachment.getFileName(),
                attachment.getSizeBytes(),
                attachment.getContentType(),
                attachment.isPicture(),
                attachment.getWidth(),
                attachment.getHeight());
    }

    static ChatMessageView view(ChatMessage message, UserSummary sender, AttachmentView attachment, Quote replyTo) {
        return new ChatMessageView(
                message.getId(),
                message.getConversationId(),
                sender,
                message.getBody(),
                message.getCreatedAt(),
                message.getKind() == ChatMessage.Kind.SYSTEM,
                attachment,
                stateOf(message),
                replyTo);
    }

    static ChatMessageView.State stateOf(ChatMessage message) {
        if (message.isRecalled()) {
            return message.getRemovedBy() == null ? ChatMessageView.State.RECALLED : ChatMessageView.State.REMOVED;
        }
        return message.getEditedAt() == null ? ChatMessageView.State.ORIGINAL : ChatMessageView.State.EDITED;
    }
}
