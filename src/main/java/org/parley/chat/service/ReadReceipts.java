package org.parley.chat.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.parley.account.service.internal.AccountDirectory;
import org.parley.base.service.CurrentUser;
import org.parley.chat.domain.ConversationMemberRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Seen" under your messages in a one-on-one conversation: how far the other person has read, built on their read
 * marker (no write per message). Receipts pass between two people only when both send them: who turns them off in
 * Privacy sends none and sees none. Groups have none.
 */
@Service
public class ReadReceipts {

    /** A read marker that moved: {@code readerId} has read {@code conversationId} up to {@code upToMessageId}. */
    record Read(long conversationId, long readerId, long upToMessageId) {}

    private final ConversationMemberRepository members;
    private final ConversationMembership membership;
    private final AccountDirectory directory;
    private final CurrentUser currentUser;

    ReadReceipts(
            ConversationMemberRepository members,
            ConversationMembership membership,
            AccountDirectory directory,
            CurrentUser currentUser) {
        this.members = members;
        this.membership = membership;
        this.directory = directory;
        this.currentUser = currentUser;
    }

    /**
     * What a message arriving in a one-on-one conversation tells {@code viewer} of the other's reading: sending is
     * reading ({@link MessageAppender} moves the sender's read marker past what they send), so a message of theirs
     * means they have read up to it. Null: it tells nothing (the viewer's own message, or Parley's line).
     */
    public static Long readUpToBySending(ChatMessageView message, long viewer) {
        return message.system() || message.sender() == null || message.sender().id() == viewer ? null : message.id();
    }

    /** The rule: receipts pass between two people only when both send them. */
    static boolean exchanged(Set<Long> senders, long one, long other) {
        return senders.contains(one) && senders.contains(other);
    }

    /**
     * How far the other person of the caller's one-on-one conversation has read it: the id of the newest message
     * they have read, 0 if none; null when no receipts pass there (a group, or either of them sends none). Only a
     * member may ask.
     */
    @Transactional(readOnly = true)
    public Long seenUpTo(long conversationId) {
        long me = currentUser.requireId();
        List<Object[]> pair = members.findOneOnOneMembers(List.of(conversationId));
        if (pair.stream().noneMatch(member -> (Long) member[1] == me)) {
            membership.requireReader(conversationId, me);
            return null; // a group
        }
        Object[] partner = pair.stream()
                .filter(member -> (Long) member[1] != me)
                .findFirst()
                .orElse(null);
        if (partner == null) {
            return null;
        }
        long partnerId = (Long) partner[1];
        if (!exchanged(directory.readReceiptSenders(List.of(me, partnerId)), me, partnerId)) {
            return null;
        }
        return partner[2] == null ? 0L : (Long) partner[2];
    }

    /**
     * The receipts these reads of one-on-one conversations give the other member: two queries for the whole batch
     * (the conversations' members, and who of them sends receipts); the writer leaves groups' reads out.
     */
    List<MessagesSeen> receiptsFor(List<Read> reads) {
        if (reads.isEmpty()) {
            return List.of();
        }
        Map<Long, List<Long>> pairs = new HashMap<>();
        Set<Long> people = new HashSet<>();
        for (Object[] member : members.findOneOnOneMembers(
                reads.stream().map(Read::conversationId).distinct().toList())) {
            pairs.computeIfAbsent((Long) member[0], id -> new ArrayList<>()).add((Long) member[1]);
            people.add((Long) member[1]);
        }
        if (pairs.isEmpty()) {
            return List.of();
        }
        Set<Long> senders = directory.readReceiptSenders(people);
        List<MessagesSeen> receipts = new ArrayList<>();
        for (Read read : reads) {
            for (long writer : pairs.getOrDefault(read.conversationId(), List.of())) {
                if (writer != read.readerId() && exchanged(senders, read.readerId(), writer)) {
                    receipts.add(new MessagesSeen(read.conversationId(), read.upToMessageId(), writer));
                }
            }
        }
        return receipts;
    }
}
