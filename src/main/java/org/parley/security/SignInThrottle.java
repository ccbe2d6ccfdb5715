package org.parley.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.parley.account.ui.LoginView;
import org.parley.base.service.TooManyAttemptsException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Stops a sign-in before its password is checked when {@link SignInAttempts} refuses it, and sends the browser
 * back to the sign-in page, which says how long to wait.
 */
class SignInThrottle extends OncePerRequestFilter {

    private final SignInAttempts attempts;

    SignInThrottle(SignInAttempts attempts) {
        this.attempts = attempts;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !SameSiteSignIn.isSignIn(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            attempts.requireAllowed(request.getParameter("username"), request.getRemoteAddr());
        } catch (TooManyAttemptsException refused) {
            response.sendRedirect(request.getContextPath() + SameSiteSignIn.LOGIN + "?" + LoginView.THROTTLED_PARAMETER
                    + "=" + Math.max(1, refused.retryAfter().toSeconds()));
            return;
        }
        chain.doFilter(request, response);
    }
}
