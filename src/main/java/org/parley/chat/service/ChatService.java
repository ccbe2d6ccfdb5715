package org.parley.chat.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.parley.account.service.UserSummary;
import org.parley.account.service.internal.AccountDirectory;
import org.parley.base.service.CurrentUser;
import org.parley.base.service.InvalidInputException;
import org.parley.base.service.NotAllowedException;
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
import org.parley.chat.domain.MessageMentionRepository;
import org.parley.friends.service.internal.FriendGraph;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Conversations and their messages. Only members read a conversation; only members who may still talk write:
 * friends, the two of a temporary conversation while it lives (see {@link #pairRefusal}), a group's members
 * unless muted. A message is stored before anyone hears of it, and the news goes out after the commit (see
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
    private static final int PREVIEW_LENGTH = 80;
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final ConversationLook UNKNOWN_GROUP = new ConversationLook("Group", null);

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
    private final MessageMentionRepository mentionRows;

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
            MessageMentionRepository mentionRows,
            ConversationMembership membership) {
        this.membership = membership;
        this.views = views;
        this.mentions = mentions;
        this.mentionRows = mentionRows;
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
            throw new NotAllowedException("You can only start a conversation with a friend.");
        }
        Instant now = clock.instant();
        try {
            Conversation conversation = conversations.saveAndFlush(Conversation.direct(me, otherUserId, now));
            members.save(new ConversationMember(conversation, me, now));
            members.saveAndFlush(new ConversationMember(conversation, otherUserId, now));
            return conversation.getId();
        } catch (DataIntegrityViolationException bothOpenedAtOnce) {
            throw new NotAllowedException("The conversation was just created. Please try again.");
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
            throw new InvalidInputException("That is you.");
        }
        if (friendGraph.areFriends(me, otherUserId)) {
            return openDirect(otherUserId);
        }
        UserSummary other = directory.summaries(List.of(otherUserId)).get(otherUserId);
        if (other == null) {
            throw new NotAllowedException("No such person.");
        }
        String refusal = groupPolicy().temporaryChatRefusal(groupId, me, otherUserId);
        if (refusal == null && friendGraph.isBlockedEitherWay(me, otherUserId)) {
            refusal = "You can't start a conversation with " + other.displayName() + ".";
        }
        if (refusal == null && !directory.acceptsTemporaryChats(otherUserId)) {
            refusal = other.displayName() + " doesn't accept temporary conversations.";
        }
        if (refusal == null && !directory.acceptsTemporaryChats(me)) {
            refusal = "You have switched temporary conversations off in your profile, so " + other.displayName()
                    + " could not answer. Switch them on first.";
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
        Map<Long, ChatMessageView> lastMessages = views
                .of(messages.findByIdIn(all.stream()
                        .map(Conversation::getLastMessageId)
                        .filter(Objects::nonNull)
                        .toList()))
                .stream()
                .collect(Collectors.toMap(ChatMessageView::id, Function.identity()));
        List<ConversationSummary> result = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            Conversation conversation = (Conversation) row[1];
            boolean group = conversation.getKind() == Conversation.Kind.GROUP;
            UserSummary partner = group ? null : partners.get(partnerByConversation.get(conversation.getId()));
            ConversationLook look = group ? groupLooks.getOrDefault(conversation.getId(), UNKNOWN_GROUP) : null;
            String title = group ? look.title() : partner.displayName();
            ChatMessageView last =
                    conversation.getLastMessageId() == null ? null : lastMessages.get(conversation.getLastMessageId());
            result.add(new ConversationSummary(
                    conversation.getId(),
                    title,
                    partner,
                    last == null ? null : preview(last),
                    last != null && last.sender().id() == me && !last.system(),
                    conversation.getLastActivityAt(),
                    group ? look.avatarUrl() : null,
                    temporaryFrom.get(conversation.getId()),
                    conversation.getLastMessageId(),
                    unreadMentions.contains(conversation.getId())));
        }
        return result;
    }

    @Transactional(readOnly = true)
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
                    look.title(),
                    null,
                    restriction == null ? null : restriction.reason(),
                    restriction == null ? null : restriction.until(),
                    look.avatarUrl(),
                    null);
        }
        long partnerId = partnerOf(conversationId, me);
        UserSummary partner = directory.summaries(List.of(partnerId)).get(partnerId);
        return new ConversationDetails(
                conversationId,
                partner.displayName(),
                partner,
                pairRefusal(conversation, me, partnerId, partner::displayName),
                null,
                null,
                temporaryOrigins(me, List.of(conversation), Map.of(conversationId, partnerId))
                        .get(conversationId));
    }

    /**
     * Whom the caller may mention in a conversation: in a group, its other members, by display name (two queries);
     * in a one-on-one conversation nobody.
     */
    @Transactional(readOnly = true)
    public List<UserSummary> mentionable(long conversationId) {
        long me = currentUser.requireId();
        membership.requireReader(conversationId, me);
        if (!isGroup(conversationId)) {
            return List.of();
        }
        return directory
                .summaries(members.findUserIdsByConversationId(conversationId).stream()
                        .filter(id -> id != me)
                        .toList())
                .values()
                .stream()
                .sorted(java.util.Comparator.comparing(UserSummary::displayName, String.CASE_INSENSITIVE_ORDER))
                .toList();
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
     * a message of the same conversation that is still there (see {@link #requireAnswerable}). The reply shows a
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
            throw new InvalidInputException("A message id must be 1 to " + MAX_CLIENT_ID_LENGTH
                    + " characters, each a letter (A-Z, a-z), a digit, '-' or '_'.");
        }
        return clientId;
    }

    /** Why the caller may not write here now, or null; for a conversation they are not in: "not found". */
    String refusalToWrite(long conversationId, long me) {
        membership.requireReader(conversationId, me);
        return refusal(conversations.findById(conversationId).orElseThrow(), me);
    }

    boolean isGroup(long conversationId) {
        return conversations
                .findById(conversationId)
                .map(c -> c.getKind() == Conversation.Kind.GROUP)
                .orElse(false);
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
        String refusal = refusal(conversation, me);
        if (refusal != null) {
            throw new NotAllowedException(refusal);
        }
        if (replyToId != null) {
            requireAnswerable(replyToId, conversationId);
        }
        if (clientId != null) {
            ChatMessage earlier =
                    messages.findBySenderIdAndClientId(me, clientId).orElse(null);
            if (earlier != null) {
                if (earlier.getConversationId() != conversationId) {
                    throw new InvalidInputException("This message id was already used.");
                }
                return views.of(earlier);
            }
        }
        Set<Long> mentioned = text != null && conversation.getKind() == Conversation.Kind.GROUP
                ? mentions.namedIn(text, conversationId, me)
                : Set.of();
        return appender.append(conversation, newMessage, null, mentioned);
    }

    private void requireAnswerable(long originalId, long conversationId) {
        ChatMessage original = messages.findById(originalId).orElse(null);
        String refusal = refusalToReply(original, conversationId);
        if (refusal != null) {
            throw new InvalidInputException(refusal);
        }
    }

    /**
     * Which message may be answered in a conversation: a person's message of that conversation that is still there
     * (not a system line, not recalled or removed). Another conversation's message reads as missing, whatever it is.
     * Whether the caller may write there at all is {@link #refusalToWrite}'s to say.
     */
    String refusalToReply(ChatMessage original, long conversationId) {
        if (original == null || original.getConversationId() != conversationId) {
            return "The message you are replying to is not here.";
        }
        if (original.getKind() == ChatMessage.Kind.SYSTEM) {
            return "Only a person's message can be replied to.";
        }
        if (original.isRecalled()) {
            return "The message you are replying to was taken back.";
        }
        return null;
    }

    private String refusal(Conversation conversation, long me) {
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
                () -> directory.summaries(List.of(partnerId)).get(partnerId).displayName());
    }

    /**
     * Friends may always write. A temporary conversation also lives while nobody blocked the other, both
     * still accept temporary conversations, and the two share a group that allows them.
     */
    private String pairRefusal(Conversation conversation, long me, long partnerId, Supplier<String> partnerName) {
        if (friendGraph.areFriends(me, partnerId)) {
            return null;
        }
        if (conversation.getKind() != Conversation.Kind.TEMPORARY) {
            return "You can't send messages here: you and " + partnerName.get() + " are no longer friends.";
        }
        if (friendGraph.isBlockedEitherWay(me, partnerId)) {
            return "You can't send messages to " + partnerName.get() + ".";
        }
        if (!directory.acceptsTemporaryChats(partnerId)) {
            return partnerName.get() + " no longer accepts temporary conversations.";
        }
        if (!directory.acceptsTemporaryChats(me)) {
            // Both ways or not at all: the partner could not answer.
            return "You have switched temporary conversations off in your profile. Switch them on to write here.";
        }
        if (!groupPolicy().shareGroupAllowingTemporaryChats(me, partnerId)) {
            return "This temporary conversation has ended: you and " + partnerName.get()
                    + " no longer share a group that allows it. Add them as a friend to keep talking.";
        }
        return null;
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

    private long partnerOf(long conversationId, long me) {
        return members.findByConversationId(conversationId).stream()
                .map(ConversationMember::getUserId)
                .filter(id -> id != me)
                .findFirst()
                .orElseThrow(() -> new NotAllowedException("Conversation not found."));
    }

    private GroupConversations groupPolicy() {
        return groups.getObject();
    }

    /**
     * How a message reads in the conversation list and in a reply's quote: one line, shortened, the people it mentions
     * by their names now; "Picture" or "File: name"; "Message recalled" or "Message removed".
     */
    static String preview(ChatMessageView message) {
        if (message.state() == ChatMessageView.State.RECALLED) {
            return "Message recalled";
        }
        if (message.state() == ChatMessageView.State.REMOVED) {
            return "Message removed";
        }
        AttachmentView attachment = message.attachment();
        if (attachment != null) {
            return attachment.picture() ? "Picture" : "File: " + attachment.fileName();
        }
        String body = message.body();
        for (UserSummary person : message.mentions()) {
            body = Pattern.compile(
                            "@" + Pattern.quote(person.username()) + "(?![A-Za-z0-9._-])", Pattern.CASE_INSENSITIVE)
                    .matcher(body)
                    .replaceAll(Matcher.quoteReplacement("@" + person.displayName()));
        }
        String oneLine = WHITESPACE.matcher(body).replaceAll(" ");
        return oneLine.length() <= PREVIEW_LENGTH ? oneLine : oneLine.substring(0, PREVIEW_LENGTH - 1) + "…";
    }
}
