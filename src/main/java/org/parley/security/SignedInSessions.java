package org.parley.security;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinSession;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.parley.account.ui.LoginView;
import org.parley.base.service.CurrentUser;
import org.parley.base.service.NodeRelay;
import org.parley.base.service.SessionsEnded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * This node's sessions by whose they are, so that {@link SessionsEnded} ends them all at once (an administrator
 * disabled the account or reset its password): each open tab is sent to the sign-in page, then the session is
 * invalidated, whichever way it was signed in (password or stay-signed-in cookie). Other nodes hear it through the
 * {@link NodeRelay} and do the same with theirs.
 */
@Component
class SignedInSessions implements Filter, HttpSessionListener {

    private static final Logger log = LoggerFactory.getLogger(SignedInSessions.class);

    /** The session attribute holding whose the session is (a user id). */
    private static final String WHOSE = SignedInSessions.class.getName();

    private final Map<Long, Set<HttpSession>> byUser = new ConcurrentHashMap<>();
    private final CurrentUser currentUser;
    /** Ends sessions off the publishing thread: it may hold a Vaadin session's lock, and Vaadin forbids taking two. */
    private final ExecutorService ending = Executors.newVirtualThreadPerTaskExecutor();

    SignedInSessions(CurrentUser currentUser, ObjectProvider<NodeRelay> relay) {
        this.currentUser = currentUser;
        NodeRelay nodes = relay.getIfAvailable();
        if (nodes != null) {
            nodes.listen(SessionsEnded.class, (node, ended) -> end(ended));
        }
    }

    /** Notes whose the request's session is (after Spring Security has said who is signed in). */
    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpSession session = ((HttpServletRequest) request).getSession(false);
        if (session != null) {
            currentUser.get().ifPresent(user -> noteOnce(session, user.userId()));
        }
        chain.doFilter(request, response);
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

    private static void end(HttpSession session, String signInPage) {
        try {
            for (VaadinSession vaadin : VaadinSession.getAllSessions(session)) {
                vaadin.accessSynchronously(() -> {
                    for (UI ui : List.copyOf(vaadin.getUIs())) {
                        ui.getPage().setLocation(signInPage);
                    }
                });
            }
            session.invalidate();
        } catch (IllegalStateException alreadyGone) {
            // signed out or expired meanwhile
        } catch (RuntimeException failed) {
            log.warn("A session could not be ended", failed);
        }
    }
}
