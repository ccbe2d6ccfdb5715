package org.parley.security;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.spring.security.RequestUtil;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.parley.account.ui.LoginView;
import org.parley.base.service.CurrentUser;
import org.parley.base.service.NodeRelay;
import org.parley.base.service.SessionsEnded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * This node's sessions by whose they are, so that {@link SessionsEnded} ends them all at once (an administrator
 * disabled the account or reset its password): each session is signed out at once, whichever way it was signed in
 * (password or stay-signed-in cookie), and each open tab is sent to the sign-in page, which says why. Other nodes
 * hear it through the {@link NodeRelay} and do the same with theirs.
 *
 * <p>The session itself is invalidated only when its tab loads the sign-in page (or after {@link #GRACE}): a tab on
 * long polling is told to move only when it next polls, and a session already gone by then would send it to the
 * plain sign-in page, without the reason.
 */
@Component
class SignedInSessions implements Filter, HttpSessionListener {

    private static final Logger log = LoggerFactory.getLogger(SignedInSessions.class);

    /** The session attribute holding whose the session is (a user id). */
    private static final String WHOSE = SignedInSessions.class.getName();

    /** The session attribute marking a session signed out here, to be invalidated by its next page load. */
    private static final String ENDED = SignedInSessions.class.getName() + ".ended";

    /** How long a signed-out session waits for its tabs to load the sign-in page before it is invalidated anyway. */
    private static final Duration GRACE = Duration.ofSeconds(30);

    private final Map<Long, Set<HttpSession>> byUser = new ConcurrentHashMap<>();
    private final CurrentUser currentUser;
    private final RequestUtil vaadinRequests;
    /** Ends sessions off the publishing thread: it may hold a Vaadin session's lock, and Vaadin forbids taking two. */
    private final ExecutorService ending = Executors.newVirtualThreadPerTaskExecutor();

    SignedInSessions(CurrentUser currentUser, RequestUtil vaadinRequests, ObjectProvider<NodeRelay> relay) {
        this.currentUser = currentUser;
        this.vaadinRequests = vaadinRequests;
        NodeRelay nodes = relay.getIfAvailable();
        if (nodes != null) {
            nodes.listen(SessionsEnded.class, (node, ended) -> end(ended));
        }
    }

    /** Notes whose the request's session is (after Spring Security has said who is signed in). */
    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        HttpSession session = http.getSession(false);
        // Vaadin's own requests (push, server round trips) carry the move to the sign-in page; page loads do not.
        if (session != null && isEnded(session) && !vaadinRequests.isFrameworkInternalRequest(http)) {
            invalidate(session);
        } else if (session != null) {
            currentUser.get().ifPresent(user -> noteOnce(session, user.userId()));
        }
        chain.doFilter(request, response);
    }

    private static boolean isEnded(HttpSession session) {
        try {
            return session.getAttribute(ENDED) != null;
        } catch (IllegalStateException invalidated) {
            return false;
        }
    }

    private void noteOnce(HttpSession session, long userId) {
        try {
            if (session.getAttribute(WHOSE) == null) {
                session.setAttribute(WHOSE, userId);
                byUser.computeIfAbsent(userId, id -> ConcurrentHashMap.newKeySet())
                        .add(session);
            }
        } catch (IllegalStateException invalidated) {
            // signed out during this request
        }
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        if (event.getSession().getAttribute(WHOSE) instanceof Long userId) {
            byUser.computeIfPresent(userId, (id, sessions) -> {
                sessions.remove(event.getSession());
                return sessions.isEmpty() ? null : sessions;
            });
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    void sessionsEnded(SessionsEnded ended) {
        end(ended);
    }

    private void end(SessionsEnded ended) {
        Set<HttpSession> sessions = byUser.remove(ended.userId());
        if (sessions == null) {
            return;
        }
        String signInPage = ended.accountDeleted() ? "login?" + LoginView.DELETED_PARAMETER : "login?ended";
        ending.execute(() -> sessions.forEach(session -> end(session, signInPage)));
    }

    private void end(HttpSession session, String signInPage) {
        try {
            session.removeAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
            session.removeAttribute(WHOSE);
            session.setAttribute(ENDED, Boolean.TRUE);
            for (VaadinSession vaadin : VaadinSession.getAllSessions(session)) {
                vaadin.accessSynchronously(() -> {
                    for (UI ui : List.copyOf(vaadin.getUIs())) {
                        ui.getPage().setLocation(signInPage);
                    }
                });
            }
            CompletableFuture.delayedExecutor(GRACE.toMillis(), TimeUnit.MILLISECONDS, ending)
                    .execute(() -> {
                        if (isEnded(session)) {
                            invalidate(session);
                        }
                    });
        } catch (IllegalStateException alreadyGone) {
            // signed out or expired meanwhile
        } catch (RuntimeException failed) {
            log.warn("A session could not be ended", failed);
            invalidate(session);
        }
    }

    private static void invalidate(HttpSession session) {
        try {
            session.invalidate();
        } catch (IllegalStateException alreadyGone) {
            // invalidated meanwhile
        }
    }
}
