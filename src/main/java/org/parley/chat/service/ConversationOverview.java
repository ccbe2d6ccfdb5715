package org.parley.chat.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.parley.account.service.UserSummary;
import org.parley.account.service.internal.AccountDirectory;
import org.parley.base.service.CurrentUser;
import org.parley.base.service.Phrase;
import org.parley.chat.domain.ChatMessage;
import org.parley.chat.domain.ChatMessageRepository;
import org.parley.chat.domain.Conversation;
import org.parley.chat.domain.ConversationMember;
import org.parley.chat.domain.ConversationMemberRepository;
import org.parley.chat.domain.ConversationRepository;
import org.parley.chat.domain.MessageMentionRepository;
import org.parley.friends.service.internal.FriendGraph;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the chat screen shows about the caller's conversations: the list with its previews, one conversation's header
 * (title, partner, why the caller may not write), and whom one may "@" mention there. Members only.
 */
@Service
@PreAuthorize("isAuthenticated()")
@Transactional(readOnly = true)
public class ConversationOverview {

    private static final ConversationLook UNKNOWN_GROUP = new ConversationLook("Group", null);

    private final ConversationRepository conversations;
    private final ConversationMemberRepository members;
    private final ChatMessageRepository messages;
    private final MessageMentionRepository mentionRows;
    private final MessageViews views;
    private final ConversationMembership membership;
    private final WritePermission writePermission;
    private final AccountDirectory directory;
    private final FriendGraph friendGraph;
    private final CurrentUser currentUser;
    private final ObjectProvider<GroupConversations> groups;

    ConversationOverview(
            ConversationRepository conversations,
            ConversationMemberRepository members,
            ChatMessageRepository messages,
            MessageMentionRepository mentionRows,
            MessageViews views,
            ConversationMembership membership,
            WritePermission writePermission,
            AccountDirectory directory,
            FriendGraph friendGraph,
            CurrentUser currentUser,
            ObjectProvider<GroupConversations> groups) {
        this.conversations = conversations;
        this.members = members;
        this.messages = messages;
        this.mentionRows = mentionRows;
        this.views = views;
        this.membership = membership;
        this.writePermission = writePermission;
        this.directory = directory;
        this.friendGraph = friendGraph;
        this.currentUser = currentUser;
        this.groups = groups;
    }

    /** The caller's conversations, most recently active first, in a fixed number of queries. */
    public List<ConversationSummary> conversations() {
        long me = currentUser.requireId();
        List<Object[]> rows = members.findWithConversationsOf(me);
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Conversation> all = rows.stream().map(r -> (Conversation) r[1]).toList();
        Map<Long, Long> partnerByConversation = new HashMap<>();
        for (ConversationMember member : members.findByConversationIdIn(
                all.stream().map(Conversation::getId).toList())) {
            if (member.getUserId() != me) {
                partnerByConversation.put(member.getConversationId(), member.getUserId());
            }
        }
        Map<Long, UserSummary> partners = directory.summaries(partnerByConversation.values());
        List<Long> groupConversationIds = all.stream()
                .filter(c -> c.getKind() == Conversation.Kind.GROUP)
                .map(Conversation::getId)
                .toList();
        Map<Long, ConversationLook> groupLooks =
                groupConversationIds.isEmpty() ? Map.of() : groupPolicy().looks(groupConversationIds);
        Map<Long, String> temporaryFrom = temporaryOrigins(me, all, partnerByConversation);
        Set<Long> unreadMentions = Set.copyOf(mentionRows.findConversationsWithUnreadMentions(me));
        Map<Long, ChatMessage> lastMessages =
                messages
                        .findByIdIn(all.stream()
                                .map(Conversation::getLastMessageId)
                                .filter(Objects::nonNull)
                                .toList())
                        .stream()
                        .collect(Collectors.toMap(ChatMessage::getId, Function.identity()));
        Map<Long, Phrase> previews = views.previews(List.copyOf(lastMessages.values()));
        List<ConversationSummary> result = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            Conversation conversation = (Conversation) row[1];
            boolean group = conversation.getKind() == Conversation.Kind.GROUP;
            UserSummary partner = group ? null : partners.get(partnerByConversation.get(conversation.getId()));
            ConversationLook look = group ? groupLooks.getOrDefault(conversation.getId(), UNKNOWN_GROUP) : null;
            Phrase title = group ? Phrase.text(look.title()) : partner.shownName();
            ChatMessage last =
                    conversation.getLastMessageId() == null ? null : lastMessages.get(conversation.getLastMessageId());
            result.add(new ConversationSummary(
                    conversation.getId(),
                    title,
                    partner,
                    last == null ? null : previews.get(last.getId()),
                    last != null && last.getKind() != ChatMessage.Kind.SYSTEM && Objects.equals(last.getSenderId(), me),
                    conversation.getLastActivityAt(),
                    group ? look.avatarUrl() : null,
                    temporaryFrom.get(conversation.getId()),
                    conversation.getLastMessageId(),
                    unreadMentions.contains(conversation.getId())));
        }
        return result;
    }

    public ConversationDetails details(long conversationId) {
        long me = currentUser.requireId();
        membership.requireReader(conversationId, me);
        Conversation conversation = conversations.findById(conversationId).orElseThrow();
        if (conversation.getKind() == Conversation.Kind.GROUP) {
            ConversationLook look =
                    groupPolicy().looks(List.of(conversationId)).getOrDefault(conversationId, UNKNOWN_GROUP);
            SendRestriction restriction = groupPolicy().sendRestriction(conversationId, me);
            return new ConversationDetails(
                    conversationId,
                    Phrase.text(look.title()),
                    null,
                    restriction == null ? null : restriction.reason(),
                    restriction == null ? null : restriction.until(),
                    look.avatarUrl(),
                    null);
        }
        long partnerId = writePermission.partnerOf(conversationId, me);
        UserSummary partner = directory.summaries(List.of(partnerId)).get(partnerId);
        return new ConversationDetails(
                conversationId,
                partner.shownName(),
                partner,
                writePermission.pairRefusal(conversation, me, partnerId, () -> partner),
                null,
                null,
                temporaryOrigins(me, List.of(conversation), Map.of(conversationId, partnerId))
                        .get(conversationId));
    }

    /**
     * What a notification of a message in this conversation is titled, for a member: the group's name, or null in a
     * one-on-one conversation (the sender's name says it).
     */
    public String notificationTitle(long conversationId) {
        membership.requireReader(conversationId, currentUser.requireId());
        if (!writePermission.isGroup(conversationId)) {
            return null;
        }
        return groupPolicy()
                .looks(List.of(conversationId))
                .getOrDefault(conversationId, UNKNOWN_GROUP)
                .title();
    }

    /**
     * Whom the caller may mention in a conversation: in a group, its other members, by display name (two queries);
     * in a one-on-one conversation nobody.
     */
    public List<UserSummary> mentionable(long conversationId) {
        long me = currentUser.requireId();
        membership.requireReader(conversationId, me);
        if (!writePermission.isGroup(conversationId)) {
            return List.of();
        }
        return directory
                .summaries(members.findUserIdsByConversationId(conversationId).stream()
                        .filter(id -> id != me)
                        .toList())
                .values()
                .stream()
                .sorted(Comparator.comparing(UserSummary::displayName, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    /** The origin group's name for each temporary conversation between people who are not (yet) friends. */
    private Map<Long, String> temporaryOrigins(
            long me, List<Conversation> candidates, Map<Long, Long> partnerByConversation) {
        List<Conversation> temporary = candidates.stream()
                .filter(c -> c.getKind() == Conversation.Kind.TEMPORARY)
                .toList();
        if (temporary.isEmpty()) {
            return Map.of();
        }
        Set<Long> friendIds = friendGraph.friendsAmong(
                me,
                temporary.stream()
                        .map(c -> partnerByConversation.get(c.getId()))
                        .filter(Objects::nonNull)
                        .toList());
        Map<Long, String> groupNames = groupPolicy()
                .groupNames(temporary.stream()
                        .map(Conversation::getOriginGroupId)
                        .filter(Objects::nonNull)
                        .distinct()
                        .toList());
        Map<Long, String> result = new HashMap<>();
        for (Conversation conversation : temporary) {
            if (!friendIds.contains(partnerByConversation.get(conversation.getId()))) {
                result.put(conversation.getId(), groupNames.getOrDefault(conversation.getOriginGroupId(), "a group"));
            }
        }
        return result;
    }

    private GroupConversations groupPolicy() {
        return groups.getObject();
    }
}
