package org.parley.chat.service;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.parley.base.service.CurrentUser;
import org.parley.base.service.NotAllowedException;
import org.parley.base.service.Phrase;
import org.parley.base.service.TextRules;
import org.parley.chat.domain.AttachmentRepository;
import org.parley.chat.domain.ChatMessage;
import org.parley.chat.domain.ChatMessageRepository;
import org.parley.chat.domain.ConversationMemberRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Taking back and changing what was said: the sender recalls a message within {@code parley.messages.recall-within}
 * (2 minutes, QQ's rule) and edits a text within {@code parley.messages.edit-within} (15 minutes); a group's owner
 * and administrators remove any message there, written in the group's log. A recalled or removed message keeps its
 * place, but its text is gone from the database, and its attachment too when no other message carries it. Every
 * member's open views change at once ({@link MessageChanged}).
 */
@Service
@PreAuthorize("isAuthenticated()")
@Transactional
public class MessageChanges {

    private final ChatMessageRepository messages;
    private final ConversationMemberRepository members;
    private final ConversationMembership membership;
    private final AttachmentRepository attachments;
    private final WritePermission writePermission;
    private final ObjectProvider<GroupConversations> groups;
    private final MessageViews views;
    private final MessageSearchIndex searchIndex;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final java.time.Clock clock;
    private final Duration recallWithin;
    private final Duration editWithin;

    MessageChanges(
            ChatMessageRepository messages,
            ConversationMemberRepository members,
            ConversationMembership membership,
            AttachmentRepository attachments,
            WritePermission writePermission,
            ObjectProvider<GroupConversations> groups,
            MessageViews views,
            MessageSearchIndex searchIndex,
            CurrentUser currentUser,
            ApplicationEventPublisher events,
            java.time.Clock clock,
            @Value("${parley.messages.recall-within:2m}") Duration recallWithin,
            @Value("${parley.messages.edit-within:15m}") Duration editWithin) {
        this.messages = messages;
        this.members = members;
        this.membership = membership;
        this.attachments = attachments;
        this.writePermission = writePermission;
        this.groups = groups;
        this.views = views;
        this.searchIndex = searchIndex;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
        this.recallWithin = recallWithin;
        this.editWithin = editWithin;
    }

    /** What the caller may do with the message now; nothing for a message they cannot see. */
    @Transactional(readOnly = true)
    public MessageActions actionsFor(long messageId) {
        long me = currentUser.requireId();
        ChatMessage message = messages.findById(messageId).orElse(null);
        if (message == null || !membership.isReader(message.getConversationId(), me)) {
            return MessageActions.NONE;
        }
        Instant now = clock.instant();
        boolean answerable = writePermission.refusalToReply(message, message.getConversationId()) == null;
        // Asked once (a few queries) for both Edit and Reply: whether the caller may write here now.
        Phrase writeRefusal = answerable
                ? writePermission.refusalToWrite(message.getConversationId(), me)
                : Phrase.of("chat.refusal.reply-not-here");
        return new MessageActions(
                refusalToRecall(message, me, now) == null,
                refusalToEdit(message, me, now, () -> writeRefusal) == null,
                refusalToRemove(message, me) == null,
                answerable && writeRefusal == null);
    }

    /** The sender takes the message back; everyone sees "Ann recalled a message" in its place. */
    public ChatMessageView recall(long messageId) {
        long me = currentUser.requireId();
        ChatMessage message = requireVisible(messageId, me);
        refuseIf(refusalToRecall(message, me, clock.instant()));
        return takeBack(message, null);
    }

    /** A group's owner or administrator removes a member's message; the group's log says who and when. */
    public ChatMessageView remove(long messageId) {
        long me = currentUser.requireId();
        ChatMessage message = requireVisible(messageId, me);
        refuseIf(refusalToRemove(message, me));
        groups.getObject().logMessageRemoved(message.getConversationId(), me, message.getSenderId());
        return takeBack(message, me);
    }

    /** The sender changes a text message; everyone sees the new text, marked edited. */
    public ChatMessageView edit(long messageId, String newText) {
        long me = currentUser.requireId();
        String text = TextRules.requireText(newText, "A message", ChatService.MAX_MESSAGE_LENGTH);
        ChatMessage message = requireVisible(messageId, me);
        refuseIf(refusalToEdit(
                message, me, clock.instant(), () -> writePermission.refusalToWrite(message.getConversationId(), me)));
        message.edit(text, clock.instant());
        messages.flush();
        searchIndex.remove(messageId);
        searchIndex.add(message);
        return announce(message);
    }

    /** Who may recall: the sender of a message of their own, not yet taken back, within the recall time. */
    Phrase refusalToRecall(ChatMessage message, long me, Instant now) {
        if (message.getKind() != ChatMessage.Kind.USER || message.getSenderId() != me || message.isRecalled()) {
            return Phrase.of("chat.refusal.recall-own");
        }
        if (now.isAfter(message.getCreatedAt().plus(recallWithin))) {
            return Phrase.of("chat.refusal.recall-late", minutes(recallWithin));
        }
        return null;
    }

    /**
     * Who may edit: the sender of a text message of their own, not taken back, within the edit time, while they may
     * still write in the conversation (not muted, still a friend or member).
     */
    Phrase refusalToEdit(ChatMessage message, long me, Instant now, Supplier<Phrase> writeRefusal) {
        if (message.getKind() != ChatMessage.Kind.USER
                || message.getSenderId() != me
                || message.isRecalled()
                || message.getAttachmentId() != null) {
            return Phrase.of("chat.refusal.edit-own");
        }
        if (now.isAfter(message.getCreatedAt().plus(editWithin))) {
            return Phrase.of("chat.refusal.edit-late", minutes(editWithin));
        }
        return writeRefusal.get();
    }

    /** Who may remove: a group's owner or administrator, any member's message there that is still shown. */
    Phrase refusalToRemove(ChatMessage message, long me) {
        if (message.getKind() != ChatMessage.Kind.USER
                || message.isRecalled()
                || !groups.getObject().administers(message.getConversationId(), me)) {
            return Phrase.of("chat.refusal.remove-admins");
        }
        return null;
    }

    private ChatMessage requireVisible(long messageId, long me) {
        ChatMessage message = messages.lockById(messageId).orElse(null);
        if (message == null || !membership.isReader(message.getConversationId(), me)) {
            throw new NotAllowedException(Phrase.of("chat.refusal.message-not-found"));
        }
        return message;
    }

    private ChatMessageView takeBack(ChatMessage message, Long removedBy) {
        Long attachmentId = message.getAttachmentId();
        message.recall(clock.instant(), removedBy);
        searchIndex.remove(message.getId());
        messages.flush();
        if (attachmentId != null && messages.countByAttachmentId(attachmentId) == 0) {
            attachments.deleteChunks(attachmentId);
            attachments.deleteThumbnail(attachmentId);
            attachments.deleteById(attachmentId);
        }
        return announce(message);
    }

    private ChatMessageView announce(ChatMessage message) {
        ChatMessageView view = views.of(message);
        events.publishEvent(new MessageChanged(view, members.findUserIdsByConversationId(message.getConversationId())));
        return view;
    }

    private static void refuseIf(Phrase refusal) {
        if (refusal != null) {
            throw new NotAllowedException(refusal);
        }
    }

    private static Phrase minutes(Duration duration) {
        return Phrase.of("base.wait.minutes", duration.toMinutes());
    }
}
