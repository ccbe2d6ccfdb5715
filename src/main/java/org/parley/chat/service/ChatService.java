package org.parley.chat.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.parley.account.service.UserSummary;
import org.parley.account.service.internal.AccountDirectory;
import org.parley.base.service.CurrentUser;
import org.parley.base.service.InvalidInputException;
import org.parley.base.service.NotAllowedException;
import org.parley.base.service.Phrase;
import org.parley.base.service.RateLimits;
import org.parley.base.service.TextRules;
import org.parley.chat.domain.Attachment;
import org.parley.chat.domain.AttachmentRepository;
import org.parley.chat.domain.ChatMessage;
import org.parley.chat.domain.ChatMessageRepository;
import org.parley.chat.domain.Conversation;
import org.parley.chat.domain.ConversationMember;
import org.parley.chat.domain.ConversationMemberRepository;
import org.parley.chat.domain.ConversationRepository;
import org.parley.friends.service.internal.FriendGraph;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Conversations and their messages. Only members read a conversation; only members who may still talk write:
 * see {@link WritePermission}. A message is stored before anyone hears of it, and the news goes out after the commit (see
 * {@code LiveEvents}).
 */
@Service
// A safety net: each method still checks its caller (CurrentUser); a call with nobody signed in never gets in.
@PreAuthorize("isAuthenticated()")
@Transactional
public class ChatService {

    public static final int MAX_MESSAGE_LENGTH = 4000;
    public static final int PAGE_SIZE = 50;
    /** A client-made message id: at most this long, of letters A-Z and a-z, digits, '-' and '_' (a UUID fits). */
    public static final int MAX_CLIENT_ID_LENGTH = 64;

    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9_-]{1," + MAX_CLIENT_ID_LENGTH + "}");

    private final ConversationRepository conversations;
    private final ConversationMemberRepository members;
    private final ChatMessageRepository messages;
    private final CurrentUser currentUser;
    private final MessageAppender appender;
    private final Clock clock;
    private final ObjectProvider<GroupConversations> groups;
    private final AttachmentRepository attachments;
    private final RateLimits limits;
    private final AccountDirectory directory;
    private final FriendGraph friendGraph;
    private final MessageViews views;
    private final ConversationMembership membership;
    private final Mentions mentions;
    private final WritePermission writePermission;

    ChatService(
            ConversationRepository conversations,
            ConversationMemberRepository members,
            ChatMessageRepository messages,
            CurrentUser currentUser,
            MessageAppender appender,
            Clock clock,
            ObjectProvider<GroupConversations> groups,
            AttachmentRepository attachments,
            RateLimits limits,
            AccountDirectory directory,
            FriendGraph friendGraph,
            MessageViews views,
            Mentions mentions,
            ConversationMembership membership,
            WritePermission writePermission) {
        this.membership = membership;
        this.writePermission = writePermission;
        this.views = views;
        this.mentions = mentions;
        this.friendGraph = friendGraph;
        this.directory = directory;
        this.limits = limits;
        this.attachments = attachments;
        this.groups = groups;
        this.conversations = conversations;
        this.members = members;
        this.messages = messages;
        this.currentUser = currentUser;
        this.appender = appender;
        this.clock = clock;
    }

    /** The one-on-one conversation with a friend, created on first use. */
    public long openDirect(long otherUserId) {
        long me = currentUser.requireId();
        var existing = conversations.findByDirectKey(Conversation.directKey(me, otherUserId));
        if (existing.isPresent()) {
            return existing.get().getId();
        }
        if (otherUserId == me || !friendGraph.areFriends(me, otherUserId)) {
            throw new NotAllowedException(Phrase.of("chat.refusal.you-can-only-start-a-conversation"));
        }
        Instant now = clock.instant();
        try {
            Conversation conversation = conversations.saveAndFlush(Conversation.direct(me, otherUserId, now));
            members.save(new ConversationMember(conversation, me, now));
            members.saveAndFlush(new ConversationMember(conversation, otherUserId, now));
            return conversation.getId();
        } catch (DataIntegrityViolationException bothOpenedAtOnce) {
            throw new NotAllowedException(Phrase.of("chat.refusal.the-conversation-was-just-created-please"));
        }
    }

    /**
     * A private conversation with a fellow member of {@code groupId} who is not a friend: a temporary
     * conversation. Both must be members, the group must allow it, nobody blocked, and both must accept
     * temporary conversations (otherwise the other could not answer). With a friend it is their ordinary
     * conversation.
     */
    public long openTemporary(long otherUserId, long groupId) {
        long me = currentUser.requireId();
        if (otherUserId == me) {
            throw new InvalidInputException(Phrase.of("chat.refusal.that-is-you"));
        }
        if (friendGraph.areFriends(me, otherUserId)) {
            return openDirect(otherUserId);
        }
        UserSummary other = directory.summaries(List.of(otherUserId)).get(otherUserId);
        if (other == null) {
            throw new NotAllowedException(Phrase.of("chat.refusal.no-such-person"));
        }
        Phrase refusal = groupPolicy().temporaryChatRefusal(groupId, me, otherUserId);
        if (refusal == null && friendGraph.isBlockedEitherWay(me, otherUserId)) {
            refusal = Phrase.of("chat.refusal.start-blocked", other.shownName());
        }
        if (refusal == null && !directory.acceptsTemporaryChats(otherUserId)) {
            refusal = Phrase.of("chat.refusal.start-no-temporary", other.shownName());
        }
        if (refusal == null && !directory.acceptsTemporaryChats(me)) {
            refusal = Phrase.of("chat.refusal.start-you-no-temporary", other.shownName());
        }
        if (refusal != null) {
            throw new NotAllowedException(refusal);
        }
        var existing = conversations.findByDirectKey(Conversation.directKey(me, otherUserId));
        if (existing.isPresent()) {
            Conversation conversation = existing.get();
            if (conversation.getKind() == Conversation.Kind.DIRECT) {
                // Former friends: their old conversation carries on as a temporary one.
                conversation.becomeTemporary(groupId);
            }
            return conversation.getId();
        }
        Instant now = clock.instant();
        try {
            Conversation conversation =
                    conversations.saveAndFlush(Conversation.temporary(me, otherUserId, groupId, now));
            members.save(new ConversationMember(conversation, me, now));
            members.saveAndFlush(new ConversationMember(conversation, otherUserId, now));
            return conversation.getId();
        } catch (DataIntegrityViolationException bothOpenedAtOnce) {
            throw new NotAllowedException(Phrase.of("chat.refusal.the-conversation-was-just-created-please"));
        }
    }

    /** The newest page, or the page before {@code beforeMessageId}; oldest first within the page. */
    @Transactional(readOnly = true)
    public List<ChatMessageView> history(long conversationId, Long beforeMessageId, int limit) {
        long me = currentUser.requireId();
        membership.requireReader(conversationId, me);
        List<ChatMessage> page = messages.pageBefore(
                conversationId, beforeMessageId == null ? Long.MAX_VALUE : beforeMessageId, Math.clamp(limit, 1, 200));
        List<ChatMessageView> oldestFirst = new ArrayList<>(views.of(page));
        Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    /** The page of messages newer than {@code afterMessageId}, oldest first (reading on from an older message). */
    @Transactional(readOnly = true)
    public List<ChatMessageView> historyAfter(long conversationId, long afterMessageId, int limit) {
        long me = currentUser.requireId();
        membership.requireReader(conversationId, me);
        return views.of(messages.pageAfter(conversationId, afterMessageId, Math.clamp(limit, 1, 200)));
    }

    public ChatMessageView send(long conversationId, String text) {
        return send(conversationId, text, null);
    }

    /**
     * Sends a message that the sender's client identified with {@code clientId} (null or blank: none), so that
     * sending it again, say after a crash or a reconnect, is harmless: the same sender and id in the same
     * conversation answer with the message already stored, which is neither stored nor announced again.
     * Ids are the sender's own (another sender may use the same one) and name one message: an id already
     * used in another conversation is refused. Permission checks come first, as for any message.
     * <p>
     * Relies on read committed (Parley's isolation everywhere, see application.properties): a repeat racing the
     * first send waits for it on the conversation lock and must then see its message. Under repeatable read it
     * would still read from the snapshot its membership check took before the wait, miss the message, and fail
     * on the unique (sender, id) index.
     */
    public ChatMessageView send(long conversationId, String text, String clientId) {
        return send(conversationId, text, clientId, null);
    }

    /**
     * Sends a message as {@link #send(long, String, String)} does, as a reply to {@code replyToId} (null: to none):
     * a message of the same conversation that is still there (see {@link WritePermission#requireAnswerable}). The reply shows a
     * quote of it, read from the original each time.
     */
    public ChatMessageView send(long conversationId, String text, String clientId, Long replyToId) {
        long me = currentUser.requireId();
        String body = TextRules.requireText(text, "A message", MAX_MESSAGE_LENGTH);
        String id = clientId(clientId);
        limits.messagesPerPerson().take(me);
        return post(
                conversationId,
                me,
                id,
                replyToId,
                body,
                now -> new ChatMessage(conversationId, me, body, now, id).inReplyTo(replyToId));
    }

    /** The last step of an upload: the stored attachment becomes a message, if the sender may still write. */
    ChatMessageView postAttachment(long conversationId, long me, Attachment attachment) {
        return post(
                conversationId,
                me,
                null,
                null,
                null,
                now -> ChatMessage.withAttachment(conversationId, me, attachment.getId(), now));
    }

    /** A valid client-made message id, or null for none; anything else is refused before any lookup. */
    private static String clientId(String clientId) {
        if (clientId == null || clientId.isBlank()) {
            return null;
        }
        if (!CLIENT_ID.matcher(clientId).matches()) {
            throw new InvalidInputException(Phrase.of("chat.refusal.message-id", MAX_CLIENT_ID_LENGTH));
        }
        return clientId;
    }

    /**
     * Checks the sender may write, then stores and announces the message through the one pipeline
     * ({@link MessageAppender}). With a {@code clientId}, a message the sender already stored under it is
     * answered instead; the conversation lock makes a concurrent repeat wait for the first to commit, and find it.
     * In a group, the members {@code text} names with "@" are mentioned ({@link Mentions}).
     */
    private ChatMessageView post(
            long conversationId,
            long me,
            String clientId,
            Long replyToId,
            String text,
            Function<Instant, ChatMessage> newMessage) {
        membership.requireReader(conversationId, me);
        Conversation conversation = appender.lock(conversationId);
        Phrase refusal = writePermission.refusal(conversation, me);
        if (refusal != null) {
            throw new NotAllowedException(refusal);
        }
        if (replyToId != null) {
            writePermission.requireAnswerable(replyToId, conversationId);
        }
        if (clientId != null) {
            ChatMessage earlier =
                    messages.findBySenderIdAndClientId(me, clientId).orElse(null);
            if (earlier != null) {
                if (earlier.getConversationId() != conversationId) {
                    throw new InvalidInputException(Phrase.of("chat.refusal.this-message-id-was-already-used"));
                }
                return views.of(earlier);
            }
        }
        Set<Long> mentioned = text != null && conversation.getKind() == Conversation.Kind.GROUP
                ? mentions.namedIn(text, conversationId, me)
                : Set.of();
        return appender.append(conversation, newMessage, null, mentioned);
    }

    private GroupConversations groupPolicy() {
        return groups.getObject();
    }
}
