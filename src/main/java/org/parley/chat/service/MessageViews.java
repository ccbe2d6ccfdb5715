package org.parley.chat.service;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.parley.account.service.UserSummary;
import org.parley.account.service.internal.AccountDirectory;
import org.parley.base.service.Phrase;
import org.parley.chat.domain.Attachment;
import org.parley.chat.domain.AttachmentRepository;
import org.parley.chat.domain.ChatMessage;
import org.parley.chat.domain.ChatMessageRepository;
import org.parley.chat.domain.MessageMention;
import org.parley.chat.domain.MessageMentionRepository;
import org.springframework.stereotype.Component;

/**
 * The one way stored messages become what views show ({@link ChatMessageView}): senders, attachments, the quotes of
 * the messages replies answer and the people messages mention are fetched for a whole page at once — at most five
 * queries however long the page, none per message.
 */
@Component
class MessageViews {

    private final ChatMessageRepository messages;
    private final AttachmentRepository attachments;
    private final AccountDirectory directory;
    private final MessageMentionRepository mentions;

    MessageViews(
            ChatMessageRepository messages,
            AttachmentRepository attachments,
            AccountDirectory directory,
            MessageMentionRepository mentions) {
        this.mentions = mentions;
        this.messages = messages;
        this.attachments = attachments;
        this.directory = directory;
    }

    ChatMessageView of(ChatMessage message) {
        return of(List.of(message)).getFirst();
    }

    /** A message just stored, naming {@code mentioned}: nothing to look up but the people (no mention query). */
    ChatMessageView posted(ChatMessage message, Collection<Long> mentioned) {
        return of(List.of(message), Map.of(message.getId(), List.copyOf(mentioned)))
                .getFirst();
    }

    /** The messages as views show them, in the same order. */
    List<ChatMessageView> of(List<ChatMessage> page) {
        return of(page, namedIn(page));
    }

    /**
     * The one-line previews of these messages, by id (see {@link MessagePreview}): their attachments and the people
     * they name are looked up, not their senders or the messages they answer.
     */
    Map<Long, Phrase> previews(List<ChatMessage> page) {
        Map<Long, List<Long>> named = namedIn(page);
        // The people named, and who did and whom concerns each system line: one query, none without them.
        List<Long> ids = Stream.concat(
                        named.values().stream().flatMap(List::stream),
                        page.stream().filter(MessageViews::isSystem).flatMap(MessageViews::actorAndSubject))
                .distinct()
                .toList();
        Map<Long, UserSummary> people = ids.isEmpty() ? Map.of() : directory.summaries(ids);
        Map<Long, AttachmentView> attachmentViews = attachmentsOf(page);
        Map<Long, Phrase> previews = new HashMap<>();
        for (ChatMessage message : page) {
            previews.put(
                    message.getId(),
                    isSystem(message)
                            ? SystemLine.phrase(
                                    message.getBody(), people.get(message.getSenderId()), subjectOf(message, people))
                            : MessagePreview.of(
                                    message.getBody(),
                                    stateOf(message),
                                    message.getAttachmentId() == null
                                            ? null
                                            : attachmentViews.get(message.getAttachmentId()),
                                    mentioned(named, message, people)));
        }
        return previews;
    }

    private static boolean isSystem(ChatMessage message) {
        return message.getKind() == ChatMessage.Kind.SYSTEM;
    }

    private static Stream<Long> actorAndSubject(ChatMessage message) {
        return message.getSubjectId() == null
                ? Stream.of(message.getSenderId())
                : Stream.of(message.getSenderId(), message.getSubjectId());
    }

    private static UserSummary subjectOf(ChatMessage message, Map<Long, UserSummary> people) {
        return message.getSubjectId() == null ? null : people.get(message.getSubjectId());
    }

    private Map<Long, List<Long>> namedIn(List<ChatMessage> page) {
        if (page.isEmpty()) {
            return Map.of();
        }
        return mentions.findByMessageIdIn(page.stream().map(ChatMessage::getId).toList()).stream()
                .collect(Collectors.groupingBy(
                        MessageMention::getMessageId,
                        Collectors.mapping(MessageMention::getUserId, Collectors.toList())));
    }

    private static List<UserSummary> mentioned(
            Map<Long, List<Long>> named, ChatMessage message, Map<Long, UserSummary> people) {
        return named.getOrDefault(message.getId(), List.of()).stream()
                .map(people::get)
                .filter(Objects::nonNull)
                .toList();
    }

    private List<ChatMessageView> of(List<ChatMessage> page, Map<Long, List<Long>> named) {
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
        Map<Long, UserSummary> people = directory.summaries(Stream.of(
                        all.stream().map(ChatMessage::getSenderId),
                        all.stream().map(ChatMessage::getSubjectId).filter(Objects::nonNull),
                        named.values().stream().flatMap(List::stream))
                .flatMap(Function.identity())
                .distinct()
                .toList());
        Map<Long, AttachmentView> attachmentViews = attachmentsOf(all);
        Function<ChatMessage, ChatMessageView> plain = message -> view(
                message,
                people.get(message.getSenderId()),
                message.getAttachmentId() == null ? null : attachmentViews.get(message.getAttachmentId()),
                null,
                mentioned(named, message, people),
                subjectOf(message, people));
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

    static ChatMessageView view(
            ChatMessage message,
            UserSummary sender,
            AttachmentView attachment,
            Quote replyTo,
            List<UserSummary> mentioned,
            UserSummary subject) {
        ChatMessageView.State state = stateOf(message);
        return new ChatMessageView(
                message.getId(),
                message.getConversationId(),
                sender,
                message.getBody(),
                message.getCreatedAt(),
                message.getKind() == ChatMessage.Kind.SYSTEM,
                attachment,
                state,
                replyTo,
                mentioned,
                isSystem(message)
                        ? SystemLine.phrase(message.getBody(), sender, subject)
                        : MessagePreview.of(message.getBody(), state, attachment, mentioned));
    }

    static ChatMessageView.State stateOf(ChatMessage message) {
        if (message.isRecalled()) {
            return message.getRemovedBy() == null ? ChatMessageView.State.RECALLED : ChatMessageView.State.REMOVED;
        }
        return message.getEditedAt() == null ? ChatMessageView.State.ORIGINAL : ChatMessageView.State.EDITED;
    }
}
