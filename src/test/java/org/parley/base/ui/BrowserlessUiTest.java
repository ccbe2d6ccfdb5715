package org.parley.base.ui;

import com.vaadin.browserless.BrowserlessUIContext;
import com.vaadin.browserless.SecuredBrowserlessApplicationContext;
import com.vaadin.browserless.SpringBrowserlessApplicationContext;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.server.ErrorHandler;
import com.vaadin.flow.server.VaadinSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.parley.Application;
import org.parley.account.service.UserSummary;
import org.parley.support.TestUsers;
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
 * <b>Live updates.</b> The browser-less library keeps every session locked by the test thread, the way a
 * request thread would hold it. An event published by one user therefore reaches another user's view
 * through {@code ui.access(...)} only as a <em>queued</em> task: Vaadin runs a session's queue when its
 * lock is released. In a test that happens only as a side effect: {@code find(...)} first runs the
 * active window's queue (the library's "client round trip"), and {@code runPendingSignalsTasks()}
 * briefly unlocks the session (and then waits for signal tasks); {@code roundTrip()} and the testers'
 * actions do not run it. {@link #push} does it on purpose,
 * as the server does when the lock comes free: it runs that window's queued tasks as that window's
 * user, fails the test if one of them throws, and lets the UI collect its changes as if writing the
 * push message. Call it for the receiving window after another user acted, and for the acting window
 * when its own change reaches it through a live event (badges, other tabs).
 */
@SpringBootTest
public abstract class BrowserlessUiTest {

    @Autowired
    protected ApplicationContext applicationContext;

    @Autowired
    protected TestUsers users;

    protected SecuredBrowserlessApplicationContext<Authentication> app;

    @BeforeEach
    void startBrowserlessApplication() {
        app = SpringBrowserlessApplicationContext.createSecured(applicationContext, Application.class);
    }

    @AfterEach
    void stopBrowserlessApplication() {
        if (app != null) {
            app.close();
        }
    }

    /** A new session signed in as {@code user}, with one window open. */
    protected BrowserlessUIContext windowOf(UserSummary user) {
        return app.newUser(TestUsers.authentication(user)).newWindow();
    }

    /** A new session of somebody who has not signed in. */
    protected BrowserlessUIContext anonymousWindow() {
        return app.newUser().newWindow();
    }

    /**
     * Delivers what the server pushed to this window: runs the {@code ui.access} tasks queued for its
     * session (live events from other users), with this window's user signed in, then a round trip.
     */
    protected static void push(BrowserlessUIContext window) {
        window.activate();
        VaadinSession session = window.getUser().getSession();
        // A failing view must fail the test, not turn into a "Something went wrong" toast.
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
        window.roundTrip();
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
        return root.getChildren().map(child -> byTestId(child, testId)).flatMap(Optional::stream).findFirst();
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
     * Runs {@code action} (another user's doing) while {@code receiver}'s tab is idle the way a real
     * tab is between requests: nobody holds its session lock, and its HTTP session carries its user's
     * security context, as Spring Security keeps it after sign-in. Live events then reach the idle tab as
     * they do in production: its {@code ui.access} tasks run at once, in the publishing thread, while
     * the publisher's transaction is completing. {@link #push} models the other case, a tab whose lock
     * is busy, whose tasks run later on their own.
     */
    protected static void whileIdle(BrowserlessUIContext receiver, UserSummary user, Runnable action) {
        VaadinSession session = receiver.getUser().getSession();
        session.getSession().setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY,
                new SecurityContextImpl(TestUsers.authentication(user)));
        ReentrantLock lock = (ReentrantLock) session.getLockInstance();
        int holds = 0;
        while (lock.isHeldByCurrentThread()) {
            lock.unlock();
            holds++;
        }
        try {
            action.run();
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
}
