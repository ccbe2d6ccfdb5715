package org.parley.chat.service;

import java.util.List;
import java.util.function.Supplier;
import org.parley.account.service.UserSummary;
import org.parley.account.service.internal.AccountDirectory;
import org.parley.base.service.InvalidInputException;
import org.parley.base.service.NotAllowedException;
import org.parley.base.service.Phrase;
import org.parley.chat.domain.ChatMessage;
import org.parley.chat.domain.ChatMessageRepository;
import org.parley.chat.domain.Conversation;
import org.parley.chat.domain.ConversationMember;
import org.parley.chat.domain.ConversationMemberRepository;
import org.parley.chat.domain.ConversationRepository;
import org.parley.friends.service.internal.FriendGraph;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Who may write where, and what may be answered: friends always write to each other; the two of a temporary
 * conversation while it lives (see {@link #pairRefusal}); a group's members unless muted or the group is closed to
 * them (the group's rules, {@link GroupConversations#sendRestriction}). Sending, uploading, typing, editing and
 * replying all ask here.
 */
@Component
class WritePermission {

    private final ConversationRepository conversations;
    private final ConversationMemberRepository members;
    private final ChatMessageRepository messages;
    private final ConversationMembership membership;
    private final FriendGraph friendGraph;
    private final AccountDirectory directory;
    private final ObjectProvider<GroupConversations> groups;

    WritePermission(
            ConversationRepository conversations,
            ConversationMemberRepository members,
            ChatMessageRepository messages,
            ConversationMembership membership,
            FriendGraph friendGraph,
            AccountDirectory directory,
            ObjectProvider<GroupConversations> groups) {
        this.conversations = conversations;
        this.members = members;
        this.messages = messages;
        this.membership = membership;
        this.friendGraph = friendGraph;
        this.directory = directory;
        this.groups = groups;
    }

    /** Why the caller may not write here now, or null; for a conversation they are not in: "not found". */
    Phrase refusalToWrite(long conversationId, long me) {
        membership.requireReader(conversationId, me);
        return refusal(conversations.findById(conversationId).orElseThrow(), me);
    }

    boolean isGroup(long conversationId) {
        return conversations
                .findById(conversationId)
                .map(c -> c.getKind() == Conversation.Kind.GROUP)
                .orElse(false);
    }

    void requireAnswerable(long originalId, long conversationId) {
        ChatMessage original = messages.findById(originalId).orElse(null);
        Phrase refusal = refusalToReply(original, conversationId);
        if (refusal != null) {
            throw new InvalidInputException(refusal);
        }
    }

    /**
     * Which message may be answered in a conversation: a person's message of that conversation that is still there
     * (not a system line, not recalled or removed). Another conversation's message reads as missing, whatever it is.
     * Whether the caller may write there at all is {@link #refusalToWrite}'s to say.
     */
    Phrase refusalToReply(ChatMessage original, long conversationId) {
        if (original == null || original.getConversationId() != conversationId) {
            return Phrase.of("chat.refusal.reply-not-here");
        }
        if (original.getKind() == ChatMessage.Kind.SYSTEM) {
            return Phrase.of("chat.refusal.reply-to-system");
        }
        if (original.isRecalled()) {
            return Phrase.of("chat.refusal.reply-recalled");
        }
        return null;
    }

    /** Why {@code me} may not write in {@code conversation} now, or null (the caller is known to be a member). */
    Phrase refusal(Conversation conversation, long me) {
        if (conversation.getKind() == Conversation.Kind.GROUP) {
            SendRestriction restriction = groupPolicy().sendRestriction(conversation.getId(), me);
            return restriction == null ? null : restriction.reason();
        }
        long partnerId = partnerOf(conversation.getId(), me);
        // The partner's name only goes into a refusal: friends (the usual case) cost no query for it.
        return pairRefusal(
                conversation,
                me,
                partnerId,
                () -> directory.summaries(List.of(partnerId)).get(partnerId));
    }

    /**
     * Friends may always write. A temporary conversation also lives while nobody blocked the other, both
     * still accept temporary conversations, and the two share a group that allows them.
     */
    Phrase pairRefusal(Conversation conversation, long me, long partnerId, Supplier<UserSummary> partner) {
        if (friendGraph.areFriends(me, partnerId)) {
            return null;
        }
        // Each refusal returns at once, so the partner is looked up at most once.
        if (conversation.getKind() != Conversation.Kind.TEMPORARY) {
            UserSummary other = partner.get();
            return other.accountDeleted()
                    ? Phrase.of("chat.refusal.partner-deleted")
                    : Phrase.of("chat.refusal.no-longer-friends", other.shownName());
        }
        if (friendGraph.isBlockedEitherWay(me, partnerId)) {
            return Phrase.of("chat.refusal.blocked-partner", partner.get().shownName());
        }
        if (!directory.acceptsTemporaryChats(partnerId)) {
            return Phrase.of("chat.refusal.partner-no-temporary", partner.get().shownName());
        }
        if (!directory.acceptsTemporaryChats(me)) {
            // Both ways or not at all: the partner could not answer.
            return Phrase.of("chat.refusal.you-no-temporary");
        }
        if (!groupPolicy().shareGroupAllowingTemporaryChats(me, partnerId)) {
            return Phrase.of("chat.refusal.temporary-ended", partner.get().shownName());
        }
        return null;
    }

    /** The other person of a one-on-one or temporary conversation. */
    long partnerOf(long conversationId, long me) {
        return members.findByConversationId(conversationId).stream()
                .map(ConversationMember::getUserId)
                .filter(id -> id != me)
                .findFirst()
                .orElseThrow(() -> new NotAllowedException(Phrase.of("chat.refusal.conversation-not-found")));
    }

    private GroupConversations groupPolicy() {
        return groups.getObject();
    }
}
