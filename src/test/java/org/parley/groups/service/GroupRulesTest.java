package org.parley.groups.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.parley.support.TestUsers.as;
import static org.parley.support.TestUsers.run;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.parley.account.service.UserSummary;
import org.parley.base.service.UserFacingException;
import org.parley.groups.domain.ChatGroup.JoinPolicy;
import org.parley.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * What the service offers a caller is exactly what it then lets them do: for every caller and member of a group,
 * an act is offered ({@link GroupMemberView#callerMay()}, {@link GroupPowers}) if and only if trying it succeeds.
 */
@SpringBootTest
class GroupRulesTest {

    @Autowired
    GroupService groups;

    @Autowired
    GroupModeration moderation;

    @Autowired
    GroupSettings groupSettings;

    @Autowired
    TestUsers users;

    @Test
    void each_act_on_a_member_is_offered_exactly_when_the_service_allows_it() {
        Map<String, UserSummary> people = users.createAll("owner", "admin", "admin2", "member", "member2");
        UserSummary owner = people.get("owner");
        GroupSummary group = as(owner, () -> groups.create(TestUsers.uniqueName("Rules"), null, JoinPolicy.OPEN));
        run(owner, () -> {
            people.values().stream().filter(p -> p != owner).forEach(p -> groups.addMember(group.id(), p.id()));
            moderation.appoint(group.id(), people.get("admin").id());
            moderation.appoint(group.id(), people.get("admin2").id());
        });

        for (UserSummary caller : people.values()) {
            for (UserSummary target : people.values()) {
                Set<MemberAction> offered = offeredTo(caller, group, target);
                boolean muted =
                        succeeds(caller, () -> moderation.mute(group.id(), target.id(), Duration.ofMinutes(5), null));
                assertThat(muted)
                        .as(caller.username() + " mutes " + target.username())
                        .isEqualTo(offered.contains(MemberAction.MUTE));
                if (muted) {
                    assertThat(offeredTo(caller, group, target))
                            .contains(MemberAction.UNMUTE)
                            .doesNotContain(MemberAction.MUTE);
                    assertThat(succeeds(caller, () -> moderation.unmute(group.id(), target.id())))
                            .isTrue();
                }
                assertThat(offered.contains(MemberAction.REMOVE)).isEqualTo(offered.contains(MemberAction.MUTE));
                assertThat(offered.contains(MemberAction.BAN)).isEqualTo(offered.contains(MemberAction.MUTE));
            }
        }
        // Roles: the owner only, on anyone else; appointing a member and dismissing an administrator.
        UserSummary member = people.get("member");
        UserSummary admin = people.get("admin");
        assertThat(offeredTo(people.get("admin2"), group, member)).doesNotContain(MemberAction.APPOINT);
        assertThat(succeeds(people.get("admin2"), () -> moderation.appoint(group.id(), member.id())))
                .isFalse();
        assertThat(offeredTo(owner, group, member)).contains(MemberAction.APPOINT, MemberAction.HAND_OVER);
        assertThat(offeredTo(owner, group, admin))
                .contains(MemberAction.DISMISS)
                .doesNotContain(MemberAction.APPOINT);
        assertThat(succeeds(owner, () -> moderation.dismiss(group.id(), admin.id())))
                .isTrue();
        assertThat(offeredTo(owner, group, owner)).as("nothing on oneself").isEmpty();
    }

    @Test
    void leaving_administering_and_deleting_are_offered_exactly_when_allowed() {
        Map<String, UserSummary> people = users.createAll("owner", "admin", "member");
        UserSummary owner = people.get("owner");
        GroupSummary group = as(owner, () -> groups.create(TestUsers.uniqueName("Powers"), null, JoinPolicy.OPEN));
        run(owner, () -> {
            groups.addMember(group.id(), people.get("admin").id());
            groups.addMember(group.id(), people.get("member").id());
            moderation.appoint(group.id(), people.get("admin").id());
        });

        assertThat(as(owner, () -> groups.myPowers(group.id()))).isEqualTo(new GroupPowers(true, false, true));
        assertThat(succeeds(owner, () -> groups.leave(group.id())))
                .as("the owner hands over first")
                .isFalse();
        assertThat(as(people.get("admin"), () -> groups.myPowers(group.id())))
                .isEqualTo(new GroupPowers(true, true, false));
        assertThat(succeeds(people.get("admin"), () -> groups.delete(group.id())))
                .isFalse();
        assertThat(as(people.get("member"), () -> groups.myPowers(group.id())))
                .isEqualTo(new GroupPowers(false, true, false));
        assertThat(succeeds(people.get("member"), () -> groupSettings.muteAll(group.id(), true)))
                .isFalse();
        assertThat(succeeds(people.get("member"), () -> groups.leave(group.id())))
                .isTrue();
        assertThatThrownBy(() -> as(people.get("member"), () -> groups.myPowers(group.id())))
                .as("no longer a member: nothing to offer")
                .isInstanceOf(UserFacingException.class);
        assertThat(succeeds(owner, () -> groups.delete(group.id()))).isTrue();
    }

    private Set<MemberAction> offeredTo(UserSummary caller, GroupSummary group, UserSummary target) {
        List<GroupMemberView> members = as(caller, () -> groups.members(group.id()));
        return members.stream()
                .filter(m -> m.user().id() == target.id())
                .findFirst()
                .orElseThrow()
                .callerMay();
    }

    private static boolean succeeds(UserSummary caller, Runnable act) {
        try {
            run(caller, act);
            return true;
        } catch (UserFacingException refused) {
            return false;
        }
    }
}
