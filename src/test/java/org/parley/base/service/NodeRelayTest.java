package org.parley.base.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.core.HazelcastInstance;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.account.service.UserSummary;
import org.parley.chat.service.AttachmentView;
import org.parley.chat.service.ChatMessageView;
import org.parley.chat.service.ConversationRead;
import org.parley.chat.service.MessagePosted;
import org.parley.chat.service.SomeoneTyping;
import org.parley.friends.service.FriendsChanged;
import org.parley.groups.service.GroupChanged;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * Two nodes in one JVM, each an embedded Hazelcast member configured as Parley configures it, on loopback: live
 * events published after commit on one node reach the other's subscribers in order; a node that could not keep up
 * sees the gap and tells its subscribers to reload; a node that leaves is reported.
 */
class NodeRelayTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    /** A live event for the test: one recipient, numbered. */
    record Numbered(long recipient, int number) implements UserEvent {
        @Override
        public Collection<Long> recipients() {
            return List.of(recipient);
        }
    }

    /** Something only the test listens for, to hold a node's reader up. */
    record Hold() implements Serializable {}

    private TwoHazelcastNodes nodes;
    private HazelcastInstance first;
    private HazelcastInstance second;

    @BeforeEach
    void startTwoNodes() throws Exception {
        nodes = new TwoHazelcastNodes(
                config -> config.getRingbufferConfig(NodeRelay.TOPIC).setCapacity(EVENTS_KEPT_IN_TEST));
        first = nodes.first;
        second = nodes.second;
    }

    @AfterEach
    void stop() {
        if (nodes != null) {
            nodes.close();
        }
    }

    @Test
    void events_published_on_one_node_reach_the_subscribers_of_the_other_in_order() {
        LiveEvents sending = liveEvents(new NodeRelay(first));
        LiveEvents receiving = liveEvents(new NodeRelay(second));
        List<UserEvent> onSecond = new CopyOnWriteArrayList<>();
        List<UserEvent> onFirst = new CopyOnWriteArrayList<>();
        receiving.subscribe(7, onSecond::add);
        sending.subscribe(7, onFirst::add);
        receiving.subscribe(8, event -> {
            throw new AssertionError("not for user 8: " + event);
        });

        // Fewer than the stream keeps (in this test): a reader that falls behind would lose some (next test).
        int events = EVENTS_KEPT_IN_TEST - 10;
        for (int i = 0; i < events; i++) {
            sending.deliver(new Numbered(7, i));
        }

        await().atMost(WAIT).until(() -> onSecond.size() == events);
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            expected.add(i);
        }
        assertThat(onSecond).extracting(event -> ((Numbered) event).number()).isEqualTo(expected);
        assertThat(onFirst)
                .as("the publishing node's own subscribers, once each")
                .extracting(event -> ((Numbered) event).number())
                .isEqualTo(expected);
        assertThat(first.getRingbuffer("_hz_rb_" + NodeRelay.TOPIC).tailSequence() + 1)
                .as("a burst shares topic messages")
                .isLessThan(events);
    }

    @Test
    void the_events_parley_publishes_arrive_whole_on_the_other_node() {
        LiveEvents sending = liveEvents(new NodeRelay(first));
        LiveEvents receiving = liveEvents(new NodeRelay(second));
        List<UserEvent> got = new CopyOnWriteArrayList<>();
        receiving.subscribe(7, got::add);
        UserSummary ann = new UserSummary(3, "ann", "Ann Lee", "/avatars/3?v=2", false);
        List<UserEvent> published = List.of(
                new MessagePosted(
                        new ChatMessageView(
                                11,
                                12,
                                ann,
                                "",
                                Instant.parse("2026-12-01T10:00:00Z"),
                                false,
                                new AttachmentView(13, "plan.png", 2048, "image/png", true, 640, 480)),
                        5,
                        new ArrayList<>(List.of(3L, 7L))),
                new FriendsChanged(FriendsChanged.Kind.REQUEST_SENT, ann, 7),
                new GroupChanged(1, 12, GroupChanged.Kind.JOINED, 7L, new ArrayList<>(List.of(3L, 7L))),
                new ConversationRead(12, 7, 5),
                new SomeoneTyping(12, ann, new ArrayList<>(List.of(7L))));

        published.forEach(sending::deliver);

        await().atMost(WAIT).until(() -> got.size() == published.size());
        assertThat(got).isEqualTo(published);
    }

    @Test
    void a_node_that_fell_behind_tells_its_subscribers_to_reload() throws Exception {
        NodeRelay behind = new NodeRelay(second);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch held = new CountDownLatch(1);
        behind.listen(Hold.class, (node, hold) -> {
            held.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        LiveEvents receiving = liveEvents(behind);
        List<UserEvent> got = new CopyOnWriteArrayList<>();
        receiving.subscribe(7, got::add);
        NodeRelay ahead = new NodeRelay(first);
        LiveEvents sending = liveEvents(ahead);

        // The second node's reader is held up while more events pass than the stream keeps.
        ahead.publish(new Hold());
        assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();
        // Published asynchronously, several to a topic message: on until the stream has moved well past what it
        // keeps, all before the reader goes on.
        var stream = first.getRingbuffer("_hz_rb_" + NodeRelay.TOPIC);
        int sent = 0;
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (stream.tailSequence() < EVENTS_KEPT_IN_TEST + 50 && System.nanoTime() < deadline) {
            sending.deliver(new Numbered(7, sent++));
            Thread.sleep(1);
        }
        assertThat(stream.tailSequence()).isGreaterThanOrEqualTo(EVENTS_KEPT_IN_TEST + 50);
        release.countDown();

        await().atMost(WAIT).untilAsserted(() -> assertThat(got).contains(new EventsMissed(7)));
        assertThat(got)
                .as("only the events still kept arrive, after the notice")
                .filteredOn(Numbered.class::isInstance)
                .hasSizeLessThan(sent);
    }

    @Test
    void a_node_that_leaves_is_reported_to_the_others() {
        NodeRelay staying = new NodeRelay(first);
        UUID leaving = second.getCluster().getLocalMember().getUuid();
        List<UUID> left = new CopyOnWriteArrayList<>();
        staying.onNodeLeft(left::add);

        second.getLifecycleService().terminate();

        await().atMost(WAIT).until(() -> left.contains(leaving));
    }

    private static final int EVENTS_KEPT_IN_TEST = 200;

    private static LiveEvents liveEvents(NodeRelay relay) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("relay", relay);
        return new LiveEvents(beans.getBeanProvider(NodeRelay.class), beans.getBeanProvider(ParleyMetrics.class));
    }
}
