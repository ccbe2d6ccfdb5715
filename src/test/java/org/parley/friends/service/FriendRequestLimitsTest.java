package org.parley.friends.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.parley.support.TestUsers.as;
import static org.parley.support.TestUsers.run;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.account.service.UserSummary;
import org.parley.base.service.TooManyAttemptsException;
import org.parley.support.LowLimits;
import org.parley.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Friend requests are notices for the person asked: after a decline the same person may not ask again for a day,
 * and nobody sends more than their allowance (here 2 an hour). Refused requests reach nobody.
 */
@LowLimits
class FriendRequestLimitsTest {

    @Autowired
    FriendService friends;

    @Autowired
    TestUsers users;

    @Test
    void whoever_declined_is_not_asked_again_by_the_same_person_until_the_cooldown_has_passed() {
        Map<String, UserSummary> people = users.createAll("asker", "decliner", "other");
        UserSummary asker = people.get("asker");
        UserSummary decliner = people.get("decliner");
        run(asker, () -> friends.sendRequest(decliner.id(), "hi"));
        long request = as(decliner, () -> friends.incomingRequests()).getFirst().id();
        run(decliner, () -> friends.declineRequest(request));

        assertThatThrownBy(() -> run(asker, () -> friends.sendRequest(decliner.id(), "please")))
                .isInstanceOf(TooManyAttemptsException.class)
                .hasMessage(decliner.displayName() + " declined your last request; try again in 24 hours.");
        assertThat(as(decliner, () -> friends.incomingRequests()))
                .as("no new notice")
                .isEmpty();

        // The decliner may still ask the asker, and someone else may still ask the decliner.
        run(people.get("other"), () -> friends.sendRequest(decliner.id(), null));
        assertThat(as(decliner, () -> friends.incomingRequests())).hasSize(1);
    }

    @Test
    void nobody_sends_more_requests_than_their_allowance() {
        Map<String, UserSummary> people = users.createAll("sender", "one", "two", "three");
        UserSummary sender = people.get("sender");
        run(sender, () -> friends.sendRequest(people.get("one").id(), null));
        run(sender, () -> friends.sendRequest(people.get("two").id(), null));

        assertThatThrownBy(() -> run(
                        sender, () -> friends.sendRequest(people.get("three").id(), null)))
                .isInstanceOf(TooManyAttemptsException.class)
                .hasMessage("You have sent many friend requests; try again in 30 minutes.");
        assertThat(as(people.get("three"), () -> friends.incomingRequests())).isEmpty();
    }
}
