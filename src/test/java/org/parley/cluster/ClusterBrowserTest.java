package org.parley.cluster;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.parley.support.Chromium;
import org.parley.support.TestUsers;

/**
 * Parley on two nodes (issue 12): two JVMs on one database ({@link SharedDatabase}: H2 in server mode, or MariaDB
 * when the suite runs on it), joined by Hazelcast on loopback, behind HAProxy with {@code deploy/haproxy.cfg}
 * ({@link ParleyCluster}). In real Chromium, each person in a browser context of their own, always through the
 * proxy: Ann pinned to node 1 and Bob to node 2 by the proxy's affinity cookie, each pin checked on the nodes
 * themselves (only that node knows the person's session).
 * <ol>
 *   <li>Over WebSocket, then over long polling (a pair of new people each): a friend request, its acceptance, chat
 *       both ways, a join request to Ann's group, its approval — each reaches the other node's open page without
 *       a reload; the group's member panel shows both online, on both nodes.
 *   <li>Then, with both Bobs in their conversation on node 2, node 2 dies ({@code kill -9}) with two messages of
 *       each Bob's on their way: one stored by node 2 whose answer never reached the page, one submitted while
 *       node 2 was already down. Ann keeps writing while Bob's page moves. Bob's page must come back by itself
 *       through the proxy on node 1, still signed in, in the same conversation, showing every message exactly once
 *       and in order — Ann's, also those written while he was moving, and his two (sent again by his page); the
 *       database must hold each exactly once; and both go on talking live.
 * </ol>
 * Node logs, HAProxy's log, each browser's console and screenshots of a failure stay in
 * {@code <build directory>/cluster-test/<time>/}, printed at the start and with any failure.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterBrowserTest {

    private static final Pattern CONVERSATION_URL = Pattern.compile("/chat/(\\d+)");
    private static final String PASSWORD = "two-nodes-one-chat";
    /** How long Bob's page may take to find node 1 after node 2 died, and to show everything there. */
    private static final double FAILOVER_MILLIS = 60_000;
    /** Ann writes one message this often while Bob's page moves. */
    private static final int ANN_INTERVAL_MILLIS = 600;

    private static Path directory;
    /** Ann and Bob of each live test, kept open for the failover test. */
    private static final List<Pair> pairs = new CopyOnWriteArrayList<>();

    private static ParleyCluster cluster;
    private static Playwright playwright;
    private static Browser browser;

    @BeforeAll
    static void startCluster() throws Exception {
        Path buildDirectory = Path.of(ClusterBrowserTest.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI())
                .getParent();
        directory = buildDirectory
                .resolve("cluster-test")
                .resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        Files.createDirectories(directory);
        System.out.println("Cluster test: logs in " + directory);
        long started = System.nanoTime();
        cluster = ParleyCluster.start(directory);
        System.out.printf(
                "Cluster test: two nodes on %s and HAProxy at %s ready in %d s%n",
                cluster.database.kind(),
                cluster.proxyUrl(),
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
        playwright = Playwright.create();
        browser = Chromium.launch(playwright);
        PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
    }

    @AfterAll
    static void stopCluster() throws Exception {
        try {
            for (Pair pair : pairs) {
                pair.ann.close();
                pair.bob.close();
            }
            if (browser != null) {
                browser.close();
            }
            if (playwright != null) {
                playwright.close();
            }
        } finally {
            // The nodes and the proxy are processes of their own: they must stop even if a browser would not.
            if (cluster != null) {
                cluster.close();
            }
        }
    }

    @Order(2)
    @ParameterizedTest(name = "live across nodes, push over {0}")
    @ValueSource(strings = {"websocket", "long-polling"})
    void friend_request_group_approval_chat_and_presence_cross_nodes_live(String transport) throws Exception {
        Pair pair = new Pair(transport);
        pairs.add(pair);
        pair.report(() -> liveAcrossNodes(pair));
        pair.readyForFailover = true;
    }

    /**
     * The administrator the settings name, on node 1, disables Carl, whose tab is on node 2: it goes to the sign-in
     * page at once (the news crossed the nodes), and his password opens nothing there any more.
     */
    @Order(1)
    @Test
    void an_administrator_on_node_1_ends_the_sign_in_of_someone_on_node_2_at_once() throws Exception {
        Path files = Files.createDirectories(directory.resolve("administration"));
        ClusterPerson boss = new ClusterPerson("boss", TestUsers.ADMINISTRATOR, 1, files, browser, cluster, PASSWORD);
        ClusterPerson carl = new ClusterPerson("carl", 2, files, browser, cluster, PASSWORD);
        try {
            boss.registerAndSignIn("websocket");
            carl.registerAndSignIn("long-polling");
            carl.assertSessionOn(2);
            boss.page.navigate(cluster.proxyUrl() + "administration");
            boss.page
                    .locator("[data-testid=administration-people-search] input")
                    .fill(carl.username);
            assertThat(boss.page.locator("[data-testid=administration-people]"))
                    .hasAttribute("data-query", carl.username);
            boss.page
                    .locator("[data-testid=administration-person-" + carl.username + "]")
                    .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Disable"))
                    .click();
            boss.page
                    .getByRole(AriaRole.ALERTDIALOG)
                    .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Disable"))
                    .click();

            carl.page.waitForURL("**/login?ended");
            carl.page.locator("input[name=username]").fill(carl.username);
            carl.page.locator("input[name=password]").fill(PASSWORD);
            carl.page.locator("vaadin-login-form vaadin-button[slot=submit]").click();
            carl.page.waitForURL("**/login?error");
        } catch (Exception | Error failure) {
            boss.screenshot("failure-boss");
            carl.screenshot("failure-carl");
            System.out.println(
                    "Cluster test (administration) failed; logs in " + directory + "\n" + cluster.logTails(60));
            throw failure;
        } finally {
            boss.close();
            carl.close();
        }
    }

    /**
     * One kill for both live tests' people (starting a node again would take most of a minute on two cores): each
     * Bob has his conversation open on node 2, one pushed to over WebSocket, the other over long polling.
     */
    @Order(3)
    @Test
    void node_2_killed_under_bob_who_carries_on_through_node_1_with_no_message_lost_or_doubled() throws Exception {
        List<Pair> ready = pairs.stream().filter(p -> p.readyForFailover).toList();
        assertThat(ready)
                .as("people left by the live tests with their conversation open (they ran first, and passed)")
                .isNotEmpty();
        for (Pair pair : ready) {
            pair.report(() -> {
                // Still where the live test left them: Bob's page held by node 2, Ann's by node 1.
                pair.bob.assertSessionOn(2);
                pair.ann.assertSessionOn(1);
            });
        }

        // Node 2 dies with two messages of each Bob's on their way. The first reaches node 2 and is stored, but
        // its answer never reaches the page (the page's request is cut once node 2 has answered it): it is not
        // acknowledged and must not be stored twice. Then node 2 stops (SIGSTOP: sockets stay open, so the page
        // notices nothing), the second is submitted and cannot get anywhere: it must not be lost. Then kill -9.
        for (Pair pair : ready) {
            pair.report(() -> {
                pair.bobLoadsBeforeKill = pair.bob.loads.get();
                pair.bob.answerDroppedFor(pair.storedUnacknowledged());
                pair.bob.submit(pair.storedUnacknowledged());
                pair.bob.awaitStoredUnacknowledged(pair.storedUnacknowledged());
                assertThat(cluster.database.messageBodies(pair.conversationId))
                        .as("stored by node 2, though Bob's page never heard so")
                        .contains(pair.storedUnacknowledged());
            });
        }
        signal("STOP", cluster.node(2).server().pid());
        for (Pair pair : ready) {
            pair.bob.submit(pair.whileDown());
        }
        cluster.node(2).server().kill9();
        long killed = System.nanoTime();
        System.out.println("Cluster test: node 2 killed");
        for (Pair pair : ready) {
            // From now on the page's requests go through untouched: to the proxy, which finds node 2 dead.
            pair.bob.answerDroppedFor(null);
            pair.conversation.add(pair.storedUnacknowledged());
            pair.conversation.add(pair.whileDown());
        }

        // Each Ann (node 1) keeps writing while her Bob's page moves, and a little after it has reloaded.
        long deadline = killed + TimeUnit.MILLISECONDS.toNanos((long) FAILOVER_MILLIS);
        while (System.nanoTime() < deadline && ready.stream().anyMatch(Pair::annWritesOn)) {
            for (Pair pair : ready) {
                if (pair.annWritesOn()) {
                    String text = "Ann writes on while Bob moves %02d".formatted(pair.annWhileBobMoves.size() + 1);
                    pair.report(() -> pair.ann.send(text, pair.conversation));
                    pair.annWhileBobMoves.add(text);
                    if (pair.bob.loads.get() > pair.bobLoadsBeforeKill) {
                        pair.annAfterReload++;
                    }
                }
            }
            ready.getFirst().ann.page.waitForTimeout(ANN_INTERVAL_MILLIS);
        }

        for (Pair pair : ready) {
            pair.report(() -> bobCarriesOn(pair, killed, deadline));
        }
        assertThat(pairs.stream().filter(p -> !p.readyForFailover).map(p -> p.transport))
                .as("transports whose live test failed, so that their failover was not tried")
                .isEmpty();
    }

    private void liveAcrossNodes(Pair pair) throws Exception {
        ClusterPerson ann = pair.ann;
        ClusterPerson bob = pair.bob;
        String transport = pair.transport;
        // Both register and sign in through the proxy, each on their own node.
        ann.registerAndSignIn(transport);
        bob.registerAndSignIn(transport);
        ann.assertSessionOn(1);
        bob.assertSessionOn(2);

        assertThat(cluster.awaitClusterOf(2, 2, Duration.ofSeconds(30)))
                .as(
                        "node 2 joined node 1 in one Hazelcast cluster (a 'Members {size:2,' line in %s)",
                        cluster.node(2).server().log())
                .isTrue();

        // --- A friend request from node 1 to node 2, accepted on node 2, seen on node 1: all without reload.
        bob.page.navigate(cluster.proxyUrl() + "friends?requests");
        assertThat(bob.page.getByText("No pending requests")).isVisible();
        ann.page.navigate(cluster.proxyUrl() + "people");
        ann.page.locator("[data-testid=people-search] input").fill(bob.username.substring(0, 9));
        Locator bobRow = ann.page.locator("[data-testid=person-" + bob.username + "]");
        assertThat(bobRow).isVisible();
        bobRow.getByText("Add friend").click();
        ann.page.locator("[data-testid=request-note] textarea").fill("Hi Bob, Ann here, on node 1");
        ann.page.locator("[data-testid=request-send]").click();
        assertThat(bobRow.getByText("Request sent")).isVisible();
        Locator request = bob.page.locator("[data-testid=request-list] [data-testid=person-" + ann.username + "]");
        assertThat(request).containsText("Hi Bob, Ann here, on node 1");
        assertThat(bob.page.locator("[data-testid=nav-requests]")).hasText("1");
        request.getByText("Accept").click();
        assertThat(bobRow.getByText("Friend")).isVisible();

        // --- Chat both ways, each message arriving live on the other node.
        bob.page.navigate(cluster.proxyUrl() + "chat");
        bobRow.getByText("Message").click();
        ann.page.waitForURL("**/chat/*");
        pair.conversationId = conversationIdOf(ann.page);
        ann.send("Hello Bob, from node 1 over " + transport, pair.conversation);
        Locator bobsConversationRow = bob.page.locator("[data-testid=conversation-" + ann.username + "]");
        assertThat(bobsConversationRow).isVisible();
        assertThat(bob.page.locator("[data-testid=unread-" + ann.username + "]"))
                .hasText("1");
        bobsConversationRow.click();
        bob.page.waitForURL("**/chat/" + pair.conversationId);
        assertThat(bob.messages().getByText("Hello Bob, from node 1 over " + transport))
                .hasCount(1);
        bob.send("Hi Ann, from node 2", pair.conversation);
        assertThat(ann.messages().getByText("Hi Ann, from node 2")).hasCount(1);
        for (int i = 1; i <= 2; i++) {
            ann.send("Ann to node 2, message " + i, pair.conversation);
        }
        for (int i = 1; i <= 2; i++) {
            assertThat(bob.messages().getByText("Ann to node 2, message " + i)).hasCount(1);
        }

        // --- A group on node 1; Bob asks to join from node 2; Ann approves live; presence across nodes.
        String groupName = "Two nodes " + TestUsers.uniqueName("club");
        ann.page.navigate(cluster.proxyUrl() + "groups");
        ann.page.locator("[data-testid=group-create]").click();
        ann.page.locator("[data-testid=group-name] input").fill(groupName);
        ann.page.locator("[data-testid=group-description] textarea").fill("Across the cluster");
        ann.page.locator("[data-testid=group-create-confirm]").click();
        ann.page.waitForURL("**/chat/*");
        assertThat(ann.page.locator("[data-testid=conversation-header]")).containsText(groupName);
        bob.page.navigate(cluster.proxyUrl() + "groups");
        bob.page.locator("[data-testid=group-search] input").fill(groupName);
        Locator groupRow = bob.page
                .locator("[data-testid=group-results] .person-row")
                .filter(new Locator.FilterOptions().setHasText(groupName));
        assertThat(groupRow).containsText("Approval");
        groupRow.getByText("Ask to join").click();
        bob.page.locator("[data-testid=join-message] textarea").fill("Bob from node 2");
        bob.page.locator("[data-testid=join-send]").click();
        assertThat(groupRow.getByText("Request pending")).isVisible();
        // Ann's open group page (node 1) learns of the request from node 2 at once.
        assertThat(ann.page.locator("[data-testid=group-requests-badge]")).hasText("1");
        ann.page.locator("[data-testid=group-members-button]").click();
        ann.page.locator("#group-requests-tab").click();
        assertThat(ann.page.locator("[data-testid=group-requests]")).containsText("Bob from node 2");
        ann.page.locator("[data-testid=approve-" + bob.username + "]").click();
        assertThat(ann.page.locator("[data-testid=group-requests]")).containsText("No one is waiting");
        ann.page
                .getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Members"))
                .click();
        // Presence: Bob's tab is on node 2, Ann's panel on node 1.
        assertThat(ann.page.locator("[data-testid=group-members]")).containsText("2 of 2 online now");
        assertThat(ann.page.locator("[data-testid=member-" + bob.username + "] .presence-dot.online"))
                .isVisible();
        // Bob's open search (node 2) turns into a membership without reload.
        assertThat(groupRow.getByText("Open")).isVisible();
        assertThat(bob.page.getByText("You are now a member of " + groupName + "."))
                .isVisible();
        groupRow.getByText("Open").click();
        bob.page.waitForURL("**/chat/*");
        ann.page.keyboard().press("Escape");
        List<String> groupChat = new ArrayList<>();
        ann.send("Welcome to the group, Bob", groupChat);
        assertThat(bob.messages().getByText("Welcome to the group, Bob")).hasCount(1);
        bob.send("Glad to be here, Ann", groupChat);
        assertThat(ann.messages().getByText("Glad to be here, Ann")).hasCount(1);
        // And the other way round: Bob's panel (node 2) sees Ann (node 1) online.
        bob.page.locator("[data-testid=group-members-button]").click();
        assertThat(bob.page.locator("[data-testid=group-members]")).containsText("2 of 2 online now");
        assertThat(bob.page.locator("[data-testid=member-" + ann.username + "] .presence-dot.online"))
                .isVisible();
        bob.page.keyboard().press("Escape");

        // --- Both back in their one-on-one conversation, where the failover test finds them.
        ann.page.locator("[data-testid=conversation-" + bob.username + "]").click();
        ann.page.waitForURL("**/chat/" + pair.conversationId);
        bob.page.locator("[data-testid=conversation-" + ann.username + "]").click();
        bob.page.waitForURL("**/chat/" + pair.conversationId);
        assertThat(ann.messages().locator("vaadin-message")).hasCount(pair.conversation.size());
        assertThat(bob.messages().locator("vaadin-message")).hasCount(pair.conversation.size());
        // The push transport asked for was the one used, on both pages.
        assertTransport(transport, ann.webSockets, "Ann");
        assertTransport(transport, bob.webSockets, "Bob");
        assertNothingWentWrong(ann, bob);
    }

    /**
     * After node 2's death: Bob's page is back through the proxy on node 1, signed in, in the same conversation,
     * showing every stored message exactly once; the database holds each message exactly once; both talk live.
     */
    private void bobCarriesOn(Pair pair, long killed, long deadline) throws Exception {
        ClusterPerson ann = pair.ann;
        ClusterPerson bob = pair.bob;
        String transport = pair.transport;
        System.out.printf(
                "Cluster test (%s): Ann wrote %d messages while Bob's page moved; Bob's page reloaded %d time(s)%n",
                transport, pair.annWhileBobMoves.size(), bob.loads.get() - pair.bobLoadsBeforeKill);
        while (bob.loads.get() == pair.bobLoadsBeforeKill && System.nanoTime() < deadline) {
            bob.page.waitForTimeout(200);
        }
        assertThat(bob.loads.get())
                .as(
                        "Bob's page reloaded (from another node) within %d s of node 2's death",
                        (long) FAILOVER_MILLIS / 1000)
                .isGreaterThan(pair.bobLoadsBeforeKill);
        bob.page
                .locator("[data-testid=message-list], vaadin-login-form")
                .first()
                .waitFor(new Locator.WaitForOptions().setTimeout(FAILOVER_MILLIS));
        assertThat(bob.page.url())
                .as("Bob's page after the failover: signed in, in the same conversation")
                .doesNotContain("/login")
                .contains("/chat/" + pair.conversationId)
                .startsWith(cluster.proxyUrl());
        // Waits until the page shows as many messages as were sent; if it never does, the checks below say which.
        AssertionError countNeverReached = null;
        try {
            assertThat(bob.messages().locator("vaadin-message"))
                    .hasCount(
                            pair.conversation.size(),
                            new LocatorAssertions.HasCountOptions().setTimeout(FAILOVER_MILLIS));
            System.out.printf(
                    "Cluster test (%s): Bob's page showed all %d messages %d ms after the kill%n",
                    transport, pair.conversation.size(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killed));
        } catch (AssertionError notReached) {
            countNeverReached = notReached;
        }

        // Stored exactly once each: nothing lost (Bob's two were sent again from his page), nothing doubled.
        List<String> stored = cluster.database.messageBodies(pair.conversationId);
        assertThat(stored)
                .as("messages stored in the conversation")
                .containsExactlyInAnyOrderElementsOf(pair.conversation);
        assertThat(stored)
                .as("Ann's messages stored in the order she wrote them")
                .containsSubsequence(pair.annWhileBobMoves);

        // Shown exactly once each, on both pages, in the stored order.
        assertShowsExactly(bob, stored);
        if (countNeverReached != null) {
            throw countNeverReached;
        }
        assertShowsExactly(ann, stored);
        assertThat(bob.page.locator("[data-testid=message-input]")).isEnabled();
        // Bob's page is now held by node 1, signed in by the remember-me cookie.
        bob.assertSessionOn(1);

        // Both on node 1 now: live both ways.
        bob.send("Bob back on node 1", pair.conversation);
        assertThat(ann.messages().getByText("Bob back on node 1")).hasCount(1);
        ann.send("Ann sees you, Bob", pair.conversation);
        assertThat(bob.messages().getByText("Ann sees you, Bob")).hasCount(1);
        assertThat(ann.messages().locator("vaadin-message")).hasCount(pair.conversation.size());
        assertThat(bob.messages().locator("vaadin-message")).hasCount(pair.conversation.size());
        // Nothing went wrong on the way (e.g. a message sent again and refused by the database as a duplicate).
        assertNothingWentWrong(ann, bob);
    }

    /** No node logged an error (such as a message sent again and refused as a duplicate), no page broke the CSP. */
    private static void assertNothingWentWrong(ClusterPerson ann, ClusterPerson bob) throws Exception {
        assertThat(cluster.loggedErrors()).as("errors logged by the nodes").isEmpty();
        assertThat(ann.policyViolations)
                .as("Content-Security-Policy violations (Ann)")
                .isEmpty();
        assertThat(bob.policyViolations)
                .as("Content-Security-Policy violations (Bob)")
                .isEmpty();
    }

    /** The page's conversation shows each stored message exactly once, and nothing else, in the stored order. */
    private static void assertShowsExactly(ClusterPerson person, List<String> stored) {
        List<String> shown = person.messages().locator("vaadin-message").allInnerTexts();
        assertThat(shown).as("messages on %s's page", person.name).hasSameSizeAs(stored);
        List<Integer> order = new ArrayList<>();
        for (String body : stored) {
            List<Integer> where = new ArrayList<>();
            for (int i = 0; i < shown.size(); i++) {
                if (shown.get(i).contains(body)) {
                    where.add(i);
                }
            }
            assertThat(where)
                    .as("where \"%s\" shows on %s's page (%s)", body, person.name, shown)
                    .hasSize(1);
            order.add(where.getFirst());
        }
        assertThat(order)
                .as("where each stored message shows on %s's page: in the stored order", person.name)
                .isSorted();
    }

    private static void assertTransport(String transport, List<String> sockets, String who) {
        List<String> push = sockets.stream().filter(u -> u.contains("v-r=push")).toList();
        if (transport.equals("long-polling")) {
            assertThat(push)
                    .as("no push WebSocket on %s's page when long polling is forced", who)
                    .isEmpty();
        } else {
            assertThat(push).as("push over a WebSocket on %s's page", who).isNotEmpty();
        }
    }

    private static long conversationIdOf(Page page) {
        Matcher id = CONVERSATION_URL.matcher(page.url());
        assertThat(id.find()).as("a conversation in " + page.url()).isTrue();
        return Long.parseLong(id.group(1));
    }

    private static void signal(String signal, long pid) throws Exception {
        new ProcessBuilder("kill", "-" + signal, Long.toString(pid))
                .inheritIO()
                .start()
                .waitFor();
    }

    /** What {@code step} does, as one person pair's step: on failure, screenshots and where the logs are. */
    @FunctionalInterface
    private interface Step {
        void run() throws Exception;
    }

    /** Ann (node 1) and Bob (node 2) of one push transport, and their one-on-one conversation. */
    private static final class Pair {
        final String transport;
        final ClusterPerson ann;
        final ClusterPerson bob;
        final List<String> conversation = new ArrayList<>();
        final List<String> annWhileBobMoves = new ArrayList<>();
        long conversationId;
        boolean readyForFailover;
        int bobLoadsBeforeKill;
        int annAfterReload;

        Pair(String transport) throws IOException {
            this.transport = transport;
            Path files = Files.createDirectories(directory.resolve(transport));
            this.ann = new ClusterPerson("ann", 1, files, browser, cluster, PASSWORD);
            this.bob = new ClusterPerson("bob", 2, files, browser, cluster, PASSWORD);
        }

        String storedUnacknowledged() {
            return "Bob stored by node 2 but never acknowledged over " + transport;
        }

        String whileDown() {
            return "Bob submitted while node 2 was down over " + transport;
        }

        /** Until Bob's page has reloaded and Ann wrote 3 more, at most 25 (the conversation opens at 50). */
        boolean annWritesOn() {
            return annAfterReload < 3 && annWhileBobMoves.size() < 25;
        }

        void report(Step step) throws Exception {
            try {
                step.run();
            } catch (Exception | Error failure) {
                ann.screenshot("failure-ann");
                bob.screenshot("failure-bob");
                System.out.println("Cluster test (" + transport + ") failed; logs, browser consoles and screenshots in "
                        + directory + "\n" + cluster.logTails(60));
                throw failure;
            }
        }
    }
}
