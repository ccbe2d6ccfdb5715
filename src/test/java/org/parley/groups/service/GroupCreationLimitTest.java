package org.parley.groups.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.parley.support.TestUsers.as;

import org.junit.jupiter.api.Test;
import org.parley.account.service.UserSummary;
import org.parley.base.service.TooManyAttemptsException;
import org.parley.groups.domain.ChatGroup.JoinPolicy;
import org.parley.support.LowLimits;
import org.parley.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;

/** Each person creates only so many groups (here 2 an hour); a refused one leaves nothing behind. */
@LowLimits
class GroupCreationLimitTest {

    @Autowired
    GroupService groups;

    @Autowired
    TestUsers users;

    @Test
    void a_person_who_created_their_allowance_of_groups_is_refused_the_next() {
        UserSummary founder = users.create("founder");
        as(founder, () -> groups.create("One", null, JoinPolicy.OPEN));
        as(founder, () -> groups.create("Two", null, JoinPolicy.OPEN));

        assertThatThrownBy(() -> as(founder, () -> groups.create("Three", null, JoinPolicy.OPEN)))
                .isInstanceOf(TooManyAttemptsException.class)
                .hasMessage("You have created many groups; try again in 30 minutes.");
        assertThat(as(founder, () -> groups.myGroups()))
                .extracting(GroupSummary::name)
                .containsExactlyInAnyOrder("One", "Two");

        UserSummary other = users.create("other");
        assertThat(as(other, () -> groups.create("Three", null, JoinPolicy.OPEN))
                        .name())
                .isEqualTo("Three");
    }
}
