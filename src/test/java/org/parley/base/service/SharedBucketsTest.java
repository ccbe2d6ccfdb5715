package org.parley.base.service;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * On two nodes, a shared limit is one allowance: acts on either node count against it, a refusal on one holds on
 * the other, and giving the allowance back on one gives it back everywhere. The message limit's kind (per node)
 * counts each node apart.
 */
class SharedBucketsTest {

    private static final RateLimit.Spec THREE_AN_HOUR = RateLimit.Spec.parse("3/1h");

    private TwoHazelcastNodes nodes;
    private RateLimit onFirst;
    private RateLimit onSecond;

    @BeforeEach
    void twoNodesSharingALimit() throws Exception {
        nodes = new TwoHazelcastNodes(config -> {});
        onFirst = new RateLimit("groups", "base.limit.groups", THREE_AN_HOUR, new SharedBuckets(nodes.first));
        onSecond = new RateLimit("groups", "base.limit.groups", THREE_AN_HOUR, new SharedBuckets(nodes.second));
    }

    @AfterEach
    void stop() {
        nodes.close();
    }

    @Test
    void acts_on_either_node_use_up_one_allowance() {
        onFirst.take(42L);
        onSecond.take(42L);
        onFirst.take(42L);

        assertThatThrownBy(() -> onSecond.take(42L)).isInstanceOf(TooManyAttemptsException.class);
        assertThatThrownBy(() -> onFirst.take(42L)).isInstanceOf(TooManyAttemptsException.class);
        assertThatCode(() -> onSecond.take(43L))
                .as("another person's allowance")
                .doesNotThrowAnyException();
    }

    @Test
    void failures_counted_on_one_node_refuse_on_the_other_until_forgotten() {
        onSecond.check("mallory");
        for (int i = 0; i < 3; i++) {
            onFirst.count("mallory");
        }

        assertThatThrownBy(() -> onSecond.check("mallory")).isInstanceOf(TooManyAttemptsException.class);

        onFirst.forget("mallory");
        assertThatCode(() -> onSecond.check("mallory")).doesNotThrowAnyException();
    }

    @Test
    void limits_of_different_names_count_apart() {
        RateLimit friendRequests =
                new RateLimit("friend-requests", "base.limit.groups", THREE_AN_HOUR, new SharedBuckets(nodes.second));
        for (int i = 0; i < 3; i++) {
            onFirst.take(42L);
        }

        assertThatCode(() -> friendRequests.take(42L)).doesNotThrowAnyException();
    }
}
