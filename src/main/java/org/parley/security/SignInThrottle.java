package org.parley.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.parley.base.service.TooManyAttemptsException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Stops a sign-in before its password is checked when {@link SignInAttempts} refuses it, and sends the browser
 * back to the sign-in page, which says how long to wait.
 */
class SignInThrottle extends OncePerRequestFilter {

    /** The sign-in page's parameter carrying the seconds to wait. */
    static final String WAIT_PARAMETER = "throttled";

    private final SignInAttempts attempts;

    SignInThrottle(SignInAttempts attempts) {
        this.attempts = attempts;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !"POST".equals(request.getMethod()) || !SameSiteSignIn.LOGIN.equals(path);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            attempts.requireAllowed(request.getParameter("username"), request.getRemoteAddr());
        } catch (TooManyAttemptsException refused) {
            response.sendRedirect(request.getContextPath() + SameSiteSignIn.LOGIN + "?" + WAIT_PARAMETER + "="
                    + Math.max(1, refused.retryAfter().toSeconds()));
            return;
        }
        chain.doFilter(request, response);
    }
}
