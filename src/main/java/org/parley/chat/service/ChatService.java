package org.parley.chat.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.parley.account.service.AccountService;
import org.parley.account.service.UserSummary;
import org.parley.base.service.CurrentUser;
import org.parley.base.service.NotAllowedException;
import org.parley.base.service.TextRules;
import org.parley.chat.domain.ChatMessage;
import org.parley.chat.domain.ChatMessageRepository;
import org.parley.chat.domain.Conversation;
import org.parley.chat.domain.ConversationMember;
import org.parley.chat.domain.ConversationMemberRepository;
import org.parley.chat.domain.ConversationRepository;
import org.parley.friends.service.FriendService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Conversations and their messages. Only members read a conversation; only members who may still talk
 * (friends, nobody blocked) write. A message is stored before anyone hears of it, and the news goes out
 * after the commit (see {@code LiveEvents}).
 */
@Service
@Transactional
public class ChatService {

    public static final int MAX_MESSAGE_LENGTH = 4000;
    public static final int PAGE_SIZE = 50;
    private static final int PREVIEW_LENGTH = 80;
    private static final ConversationLook UNKNOWN_GROUP = new ConversationLook("Group", null);

    private final ConversationRepository conversations;
    private final ConversationMemberRepository members;
    private final ChatMessageRepository messages;
    private final AccountService accounts;
    private final FriendService friends;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ObjectProvider<GroupConversations> groups;

    ChatService(ConversationRepository conversations, ConversationMemberRepository members,
            ChatMessageRepository messages, AccountService accounts, FriendService friends, CurrentUser currentUser,
            ApplicationEventPublisher events, Clock clock, ObjectProvider<GroupConversations> groups) {
        this.groups = groups;
        this.conversations = conversations;
        this.members = members;
        this.messages = messages;
        this.accounts = accounts;
        this.friends = friends;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
    }

    /** The one-on-one conversation with a friend, created on first use. */
    public long openDirect(long otherUserId) {
        long me = currentUser.requireId();
        var existing = conversations.findByDirectKey(Conversation.directKey(me, otherUserId));
        if (existing.isPresent()) {
            return existing.get().getId();
        }
        if (otherUserId == me || !friends.areFriends(me, otherUserId)) {
            throw new NotAllowedException("You can only start a conversation with a friend.");
        }
        Instant now = clock.instant();
        try {
            Conversation conversation = conversations.saveAndFlush(Conversation.direct(me, otherUserId, now));
            members.save(new ConversationMember(conversation.getId(), me, now));
            members.saveAndFlush(new ConversationMember(conversation.getId(), otherUserId, now));
            return conversation.getId();
        } catch (DataIntegrityViolationException bothOpenedAtOnce) {
            throw new NotAllowedException("The conversation was just created. Please try again.");
        }
    }

    /** The caller's conversations, most recently active first, in a fixed number of queries. */
    @Transactional(readOnly = true)
    public List<ConversationSummary> conversations() {
        long me = currentUser.requireId();
        List<Object[]> rows = members.findWithConversationsOf(me);
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> conversationIds = rows.stream().map(r -> ((Conversation) r[1]).getId()).toList();
        Map<Long, Long> partnerByConversation = new HashMap<>();
        for (ConversationMember member : members.findByConversationIdIn(conversationIds)) {
            if (member.getUserId() != me) {
                partnerByConversation.put(member.getConversationId(), member.getUserId());
            }
        }
        Map<Long, UserSummary> partners = accounts.summaries(partnerByConversation.values());
        List<Long> groupConversationIds = rows.stream().map(r -> (Conversation) r[1])
                .filter(c -> c.getKind() == Conversation.Kind.GROUP).map(Conversation::getId).toList();
        Map<Long, ConversationLook> groupLooks = groupConversationIds.isEmpty() ? Map.of()
                : groupPolicy().looks(groupConversationIds);
        Map<Long, ChatMessage> lastMessages = messages.findByIdIn(rows.stream()
                        .map(r -> ((Conversation) r[1]).getLastMessageId()).filter(Objects::nonNull).toList())
                .stream().collect(Collectors.toMap(ChatMessage::getId, Function.identity()));
        List<ConversationSummary> result = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            ConversationMember membership = (ConversationMember) row[0];
            Conversation conversation = (Conversation) row[1];
            boolean group = conversation.getKind() == Conversation.Kind.GROUP;
            UserSummary partner = group ? null : partners.get(partnerByConversation.get(conversation.getId()));
            ConversationLook look = group ? groupLooks.getOrDefault(conversation.getId(), UNKNOWN_GROUP) : null;
            String title = group ? look.title() : partner.displayName();
            ChatMessage last = conversation.getLastMessageId() == null ? null
                    : lastMessages.get(conversation.getLastMessageId());
            result.add(new ConversationSummary(conversation.getId(), title, partner,
                    last == null ? null : preview(last.getBody()), last != null && last.getSenderId() == me,
                    conversation.getLastActivityAt(), membership.getUnreadCount(), group ? look.avatarUrl() : null));
        }
        return result;
    }

    @Transactional(readOnly = true)
    public ConversationDetails details(long conversationId) {
        long me = currentUser.requireId();
        requireMembership(conversationId, me);
        Conversation conversation = conversations.findById(conversationId).orElseThrow();
        if (conversation.getKind() == Conversation.Kind.GROUP) {
            ConversationLook look = groupPolicy().looks(List.of(conversationId)).getOrDefault(conversationId,
                    UNKNOWN_GROUP);
            SendRestriction restriction = groupPolicy().sendRestriction(conversationId, me);
            return new ConversationDetails(conversationId, look.title(), null,
                    restriction == null ? null : restriction.reason(), restriction == null ? null : restriction.until(),
                    look.avatarUrl());
        }
        long partnerId = partnerOf(conversationId, me);
        UserSummary partner = accounts.summaries(List.of(partnerId)).get(partnerId);
        return new ConversationDetails(conversationId, partner.displayName(), partner,
                friends.areFriends(me, partnerId) ? null : notFriendsAnymore(partner.displayName()), null, null);
    }

    /** The newest page, or the page before {@code beforeMessageId}; oldest first within the page. */
    @Transactional(readOnly = true)
    public List<ChatMessageView> history(long conversationId, Long beforeMessageId, int limit) {
        long me = currentUser.requireId();
        requireMembership(conversationId, me);
        List<ChatMessage> page = messages.pageBefore(conversationId,
                beforeMessageId == null ? Long.MAX_VALUE : beforeMessageId, Limit.of(Math.clamp(limit, 1, 200)));
        Map<Long, UserSummary> senders = accounts.summaries(page.stream().map(ChatMessage::getSenderId)
                .distinct().toList());
        List<ChatMessageView> views = new ArrayList<>(page.size());
        for (ChatMessage message : page) {
            views.add(view(message, senders.get(message.getSenderId())));
        }
        Collections.reverse(views);
        return views;
    }

    public ChatMessageView send(long conversationId, String text) {
        long me = currentUser.requireId();
        String body = TextRules.requireText(text, "A message", MAX_MESSAGE_LENGTH);
        requireMembership(conversationId, me);
        Conversation conversation = conversations.lockById(conversationId).orElseThrow();
        List<Long> recipients = members.findByConversationId(conversationId).stream()
                .map(ConversationMember::getUserId).toList();
        String refusal;
        if (conversation.getKind() == Conversation.Kind.GROUP) {
            SendRestriction restriction = groupPolicy().sendRestriction(conversationId, me);
            refusal = restriction == null ? null : restriction.reason();
        } else {
            long partnerId = recipients.stream().filter(id -> id != me).findFirst().orElseThrow();
            refusal = friends.areFriends(me, partnerId) ? null
                    : notFriendsAnymore(accounts.summaries(List.of(partnerId)).get(partnerId).displayName());
        }
        if (refusal != null) {
            throw new NotAllowedException(refusal);
        }
        Instant now = clock.instant();
        ChatMessage message = messages.saveAndFlush(new ChatMessage(conversationId, me, body, now));
        conversations.messagePosted(conversationId, message.getId(), now);
        members.incrementUnread(conversationId, me);
        ChatMessageView view = view(message, accounts.summaries(List.of(me)).get(me));
        events.publishEvent(new MessagePosted(view, recipients));
        return view;
    }

    public void markRead(long conversationId) {
        long me = currentUser.requireId();
        requireMembership(conversationId, me);
        ConversationMember membership = members.lockMembership(conversationId, me).orElseThrow();
        if (membership.getUnreadCount() == 0) {
            return;
        }
        Long last = conversations.findById(conversationId).map(Conversation::getLastMessageId).orElse(null);
        membership.markRead(last);
        events.publishEvent(new ConversationRead(conversationId, me));
    }

    @Transactional(readOnly = true)
    public long totalUnread() {
        return members.totalUnread(currentUser.requireId());
    }

    private static String notFriendsAnymore(String partnerName) {
        return "You can't send messages here: you and " + partnerName + " are no longer friends.";
    }

    /** A conversation the caller is not in does not exist for them: same answer as a wrong id. */
    private ConversationMember requireMembership(long conversationId, long me) {
        return members.findByConversationIdAndUserId(conversationId, me)
                .orElseThrow(() -> new NotAllowedException("Conversation not found."));
    }

    private long partnerOf(long conversationId, long me) {
        return members.findByConversationId(conversationId).stream().map(ConversationMember::getUserId)
                .filter(id -> id != me).findFirst()
                .orElseThrow(() -> new NotAllowedException("Conversation not found."));
    }

    static ChatMessageView view(ChatMessage message, UserSummary sender) {
        return new ChatMessageView(message.getId(), message.getConversationId(), sender, message.getBody(),
                message.getCreatedAt(), message.getKind() == ChatMessage.Kind.SYSTEM);
    }

    private GroupConversations groupPolicy() {
        return groups.getObject();
    }

    private static String preview(String body) {
        String oneLine = body.replaceAll("\\s+", " ");
        return oneLine.length() <= PREVIEW_LENGTH ? oneLine : oneLine.substring(0, PREVIEW_LENGTH - 1) + "…";
    }
}
