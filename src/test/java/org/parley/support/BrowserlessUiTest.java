package org.parley.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.BrowserlessUIContext;
import com.vaadin.browserless.BrowserlessUserContext;
import com.vaadin.browserless.SecuredBrowserlessApplicationContext;
import com.vaadin.browserless.SpringBrowserlessApplicationContext;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.server.ErrorHandler;
import com.vaadin.flow.server.VaadinSession;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.parley.Application;
import org.parley.account.service.UserSummary;
import org.parley.base.service.LiveEvents;
import org.parley.base.service.UserEvent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/**
 * Browser-less UI tests with several people at once: each {@link #windowOf} is a separate signed-in
 * session with one browser window. Every UI test class extends this, so they all share one cached
 * Spring context (and one database: create fresh users, assert only on your own data).
 * <p>
 * <b>Live updates.</b> Two things stand between one user's action and another user's open view:
 * <ol>
 * <li>{@code LiveEvents} hands events to the recipients' tabs on a background (virtual) thread, after
 * the publishing transaction committed; so the test must wait for that hand-over.</li>
 * <li>The tab handles the event inside {@code ui.access(...)}. The browser-less library keeps every
 * session locked by the test thread, the way a request thread would hold it, so the access is only
 * <em>queued</em>; Vaadin runs a session's queue when its lock is released, which in a test happens only
 * as a side effect: {@code find(...)} first runs the active window's queue (the library's "client round
 * trip") and {@code runPendingSignalsTasks()} briefly unlocks the session; {@code roundTrip()} and the
 * testers' actions do not run it.</li>
 * </ol>
 * {@link #push} does both on purpose: it waits until every event published so far for the window's user
 * has been handed to the tab (by sending a marker event through the same per-user, in-order queue), runs
 * the window's queued tasks as the server does when the lock comes free (as that window's user, failing
 * the test if one throws), and repeats while those tasks set off further events (reading a message
 * publishes "read", which updates the badges). Call it for the receiving window after another user
 * acted, and for the acting window when its own change reaches it through a live event (badges, other
 * tabs).
 */
@SpringBootTest
public abstract class BrowserlessUiTest {

    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(10);

    @Autowired
    protected ApplicationContext applicationContext;

    @Autowired
    protected TestUsers users;

    @Autowired
    private LiveEvents liveEvents;

    protected SecuredBrowserlessApplicationContext<Authentication> app;

    private final Map<BrowserlessUserContext, Long> userIds = new ConcurrentHashMap<>();

    @BeforeEach
    void startBrowserlessApplication() {
        app = SpringBrowserlessApplicationContext.createSecured(applicationContext, Application.class);
    }

    @AfterEach
    void stopBrowserlessApplication() {
        if (app != null) {
            app.close();
        }
        userIds.clear();
    }

    /** A new session signed in as {@code user}, with one window open. */
    protected BrowserlessUIContext windowOf(UserSummary user) {
        BrowserlessUserContext session = app.newUser(TestUsers.authentication(user));
        userIds.put(session, user.id());
        return session.newWindow();
    }

    /** A new session of somebody who has not signed in. */
    protected BrowserlessUIContext anonymousWindow() {
        return app.newUser().newWindow();
    }

    /**
     * Delivers to this window what the server would push to it now: waits for the live events already
     * published for its user, runs the {@code ui.access} tasks they queued, and repeats while those set
     * off more events; then a round trip.
     */
    protected void push(BrowserlessUIContext window) {
        Long userId = userIds.get(window.getUser());
        // Always a second round: tasks already queued before this call may set off events of their own.
        for (int round = 0; round < 10; round++) {
            boolean eventsArrived = userId != null && awaitDelivered(userId);
            runQueuedAccess(window);
            if (userId == null || (round > 0 && !eventsArrived)) {
                window.roundTrip();
                return;
            }
        }
        throw new AssertionError("Live events keep coming for " + window.getUser() + "; an update loop?");
    }

    /**
     * Whether live events published for the window's user so far have woken the window (queued work for it), without
     * running that work.
     */
    protected boolean woken(BrowserlessUIContext window) {
        awaitDelivered(userIds.get(window.getUser()));
        return !window.getUser().getSession().getPendingAccessQueue().isEmpty();
    }

    /** A no-op event that marks a point in a user's event queue; fleeting, so it wakes no tab itself. */
    private record Marker(long userId, UUID id) implements UserEvent {
        @Override
        public Collection<Long> recipients() {
            return List.of(userId);
        }

        @Override
        public boolean fleeting() {
            return true;
        }
    }

    /**
     * Waits until everything published for the user so far has been handed to their tabs (events reach
     * each user in publication order, so once a marker sent now arrives, all earlier ones have). Answers
     * whether any real event was among them.
     */
    private boolean awaitDelivered(long userId) {
        Marker marker = new Marker(userId, UUID.randomUUID());
        CompletableFuture<Void> arrived = new CompletableFuture<>();
        AtomicBoolean others = new AtomicBoolean();
        Runnable unsubscribe = liveEvents.subscribe(userId, event -> {
            if (event.equals(marker)) {
                arrived.complete(null);
            } else if (!(event instanceof Marker)) {
                others.set(true);
            }
        });
        try {
            applicationContext.publishEvent(marker); // outside a transaction: goes to LiveEvents at once
            arrived.get(DELIVERY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError(
                    "Live events for user " + userId + " were not delivered within " + DELIVERY_TIMEOUT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (ExecutionException e) {
            throw new AssertionError(e);
        } finally {
            unsubscribe.run();
        }
        return others.get();
    }

    /** Runs the window's queued {@code ui.access} tasks as its user; a failing view fails the test. */
    private static void runQueuedAccess(BrowserlessUIContext window) {
        window.activate();
        VaadinSession session = window.getUser().getSession();
        // Not the app's handler: that would turn a failure into a "Something went wrong" toast.
        ErrorHandler appHandler = session.getErrorHandler();
        List<Throwable> failures = new ArrayList<>();
        session.setErrorHandler(error -> failures.add(error.getThrowable()));
        try {
            session.getService().runPendingAccessTasks(session);
        } finally {
            session.setErrorHandler(appHandler);
        }
        if (!failures.isEmpty()) {
            AssertionError failed = new AssertionError("A pushed update failed in the view", failures.getFirst());
            failures.stream().skip(1).forEach(failed::addSuppressed);
            throw failed;
        }
    }

    /**
     * Makes {@code window} the one the next action happens in, and returns it. Needed before the typed
     * {@code test(TextField)}, {@code test(MessageInput)}, {@code test(Button)}... overloads: unlike
     * {@code navigate} and {@code find}, they do not switch to their window, so with several users the
     * action would otherwise run in the last window used, as that window's user.
     */
    protected static BrowserlessUIContext in(BrowserlessUIContext window) {
        window.activate();
        return window;
    }

    /**
     * The text of the badge with this test id, or empty when the badge is hidden (a count of zero).
     * Looks through the whole window, hidden components included, since {@code find} only sees visible ones.
     */
    protected static Optional<String> badge(BrowserlessUIContext window, String testId) {
        window.activate();
        return byTestId(window.getUI(), testId).filter(BrowserlessUiTest::shown).map(BrowserlessUiTest::textOf);
    }

    /** The component with this test id anywhere under {@code root}, visible or not. */
    protected static Optional<Component> byTestId(Component root, String testId) {
        if (testId.equals(root.getTestId())) {
            return Optional.of(root);
        }
        return root.getChildren()
                .map(child -> byTestId(child, testId))
                .flatMap(Optional::stream)
                .findFirst();
    }

    /** Whether a person could see the component: it and all its parents are visible. */
    protected static boolean shown(Component component) {
        for (Component c = component; c != null; c = c.getParent().orElse(null)) {
            if (!c.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Runs {@code action} (another user's doing) while {@code receiver}'s tab is idle the way a real tab
     * is between requests: nobody holds its session lock, and its HTTP session carries its user's
     * security context, as Spring Security keeps it after sign-in. Live events then reach the idle tab as
     * they do in production: its {@code ui.access} tasks run at once, in the thread that delivers the
     * event. Waits (lock still free) until the events for {@code user} have been delivered.
     * {@link #push} models the other case, a tab whose lock is busy and whose tasks run afterwards.
     */
    protected void whileIdle(BrowserlessUIContext receiver, UserSummary user, Runnable action) {
        VaadinSession session = receiver.getUser().getSession();
        session.getSession()
                .setAttribute(
                        HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY,
                        new SecurityContextImpl(TestUsers.authentication(user)));
        ReentrantLock lock = (ReentrantLock) session.getLockInstance();
        int holds = 0;
        while (lock.isHeldByCurrentThread()) {
            lock.unlock();
            holds++;
        }
        try {
            action.run();
            for (int round = 0; round < 10 && awaitDelivered(user.id()); round++) {
                // the tab's own reactions may set off more events; let those arrive too
            }
        } finally {
            for (int i = 0; i < holds; i++) {
                lock.lock();
            }
        }
    }

    /** The texts of the notifications currently open in this window. */
    protected static List<String> notifications(BrowserlessUIContext window) {
        window.activate();
        return window.find(Notification.class).all().stream()
                .filter(Notification::isOpened)
                .map(n -> window.test(n).getText())
                .toList();
    }

    /** All visible text inside a component, as a person reads it (text nodes joined by spaces). */
    protected static String textOf(Component component) {
        StringBuilder text = new StringBuilder();
        collectText(component.getElement(), text);
        return text.toString().replaceAll("\\s+", " ").strip();
    }

    private static void collectText(Element element, StringBuilder into) {
        if (element.isTextNode()) {
            into.append(element.getText()).append(' ');
            return;
        }
        if (!element.isVisible()) {
            return;
        }
        element.getChildren().forEach(child -> collectText(child, into));
    }

    /** The path of the view the window shows ("chat/12"), as in the browser's address bar. */
    protected static String location(BrowserlessUIContext window) {
        return window.getUI().getInternals().getActiveViewLocation().getPath();
    }

    // --- a group's Members panel ----------------------------------------------------------------

    /** Presses Members in the group conversation's header and returns the panel it opens. */
    protected static Dialog openPanel(BrowserlessUIContext window) {
        in(window)
                .test(window.find(Button.class)
                        .withTestId("group-members-button")
                        .single())
                .click();
        window.roundTrip(); // the tab sheet attaches the selected tab's content before the response
        Dialog panel = window.find(Dialog.class).withTestId("group-panel").single();
        assertThat(panel.isOpened()).isTrue();
        return panel;
    }

    /** Closes the panel as its user would (Close); a closed panel is detached and watches nobody's presence. */
    protected void closePanel(BrowserlessUIContext window, Dialog panel) {
        in(window)
                .test(window.find(Button.class).from(panel).withText("Close").single())
                .click();
        window.roundTrip();
        assertThat(panel.isOpened()).isFalse();
    }

    /** Runs the window's queued tasks until the panel's online summary ("2 of 3 online now") fits. */
    protected void awaitPresence(BrowserlessUIContext window, Dialog panel, Predicate<String> expected) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!expected.test(onlineSummary(panel))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Presence did not settle in the panel: " + onlineSummary(panel));
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            push(window);
        }
    }

    /** The line above the panel's members: "2 of 3 online now". */
    protected static String onlineSummary(Dialog panel) {
        return textOf(byTestId(panel, "group-members")
                .orElseThrow()
                .getChildren()
                .findFirst()
                .orElseThrow());
    }

    /** Selects the panel's tab whose label starts with {@code label} ("Requests" matches "Requests (2)"). */
    protected static void selectTab(BrowserlessUIContext window, Dialog panel, String label) {
        window.activate();
        TabSheet tabs = window.find(TabSheet.class).from(panel).single();
        int index = IntStream.range(0, tabs.getTabCount())
                .filter(i -> tabs.getTabAt(i).getLabel().startsWith(label))
                .findFirst()
                .orElseThrow();
        in(window).test(tabs).select(index);
        window.roundTrip();
    }
}
