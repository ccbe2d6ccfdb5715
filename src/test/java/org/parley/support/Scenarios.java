package org.parley.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.support.TestUsers.as;
import static org.parley.support.TestUsers.run;

import org.parley.account.service.UserSummary;
import org.parley.chat.service.ChatService;
import org.parley.chat.service.ReadMarkers;
import org.parley.friends.service.FriendService;
import org.parley.friends.service.Relationship;
import org.parley.groups.domain.ChatGroup.JoinPolicy;
import org.parley.groups.service.GroupService;
import org.parley.groups.service.GroupSummary;
import org.springframework.stereotype.Component;

/**
 * The situations many tests start from, set up through the services as the people themselves would
 * (callers forged with {@link TestUsers#as}): two friends and their conversation, a group and its members.
 * Users come from {@link TestUsers}.
 */
@Component
public class Scenarios {

    private final FriendService friends;
    private final ChatService chat;
    private final GroupService groups;
    private final ReadMarkers readMarkers;

    public Scenarios(FriendService friends, ChatService chat, GroupService groups, ReadMarkers readMarkers) {
        this.friends = friends;
        this.chat = chat;
        this.groups = groups;
        this.readMarkers = readMarkers;
    }

    /**
     * {@code user} reads the conversation (as far as their counts, read now, know it), and it is written before
     * this returns: as the reader's next look at their own counts would make it.
     */
    public void markRead(UserSummary user, long conversationId) {
        run(user, () -> {
            readMarkers.markRead(conversationId, readMarkers.unreadCounts());
            readMarkers.unreadCounts();
        });
    }

    /** What {@code user}'s badge on the conversation says, read afresh from the database. */
    public long unreadIn(UserSummary user, long conversationId) {
        return as(user, readMarkers::unreadCounts).unread(conversationId);
    }

    /** What {@code user}'s Chats badge says, read afresh from the database. */
    public long totalUnread(UserSummary user) {
        return as(user, readMarkers::unreadCounts).total();
    }

    /** {@code a} asks, {@code b} asks back: they are friends. */
    public void makeFriends(UserSummary a, UserSummary b) {
        run(a, () -> friends.sendRequest(b.id(), null));
        assertThat(as(b, () -> friends.sendRequest(a.id(), null))).isEqualTo(Relationship.FRIEND);
    }

    /** Makes them friends and returns their one-on-one conversation (opened by {@code a}). */
    public long friendsWithConversation(UserSummary a, UserSummary b) {
        makeFriends(a, b);
        return as(a, () -> chat.openDirect(b.id()));
    }

    /** An open group created by {@code owner} (named as given), which each of {@code members} joins. */
    public GroupSummary openGroup(UserSummary owner, String name, String description, UserSummary... members) {
        GroupSummary group = as(owner, () -> groups.create(name, description, JoinPolicy.OPEN));
        for (UserSummary member : members) {
            run(member, () -> groups.join(group.id(), null));
        }
        return group;
    }

    /** A group created by {@code owner} (named as given), who adds each of {@code members}. */
    public GroupSummary groupWithMembers(
            UserSummary owner, String name, String description, JoinPolicy policy, UserSummary... members) {
        GroupSummary group = as(owner, () -> groups.create(name, description, policy));
        for (UserSummary member : members) {
            run(owner, () -> groups.addMember(group.id(), member.id()));
        }
        return group;
    }
}
