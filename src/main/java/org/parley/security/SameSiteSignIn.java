package org.parley.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a sign-in form posted from another site (login CSRF: a page elsewhere signing a visitor into the
 * attacker's account, so that what they then write or upload goes there). Vaadin's security configurer leaves the
 * login form without a CSRF token, so the browser's own word decides: {@code Sec-Fetch-Site} must say the post
 * came from this site, and an {@code Origin}, when sent, must be this server. Browsers send at least one of them
 * with every form post; a client that sends neither is not a browser a page could have steered.
 */
class SameSiteSignIn extends OncePerRequestFilter {

    static final String LOGIN = "/login";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !isSignIn(request);
    }

    /** A sign-in form being posted: what the sign-in filters look at, and nothing else. */
    static boolean isSignIn(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return "POST".equals(request.getMethod()) && LOGIN.equals(path);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (fromThisSite(request)) {
            chain.doFilter(request, response);
        } else {
            // Written here, not through the error page (which would only send the visitor to the sign-in page).
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write("Sign-in refused: the form was not sent from this site.\n");
        }
    }

    static boolean fromThisSite(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            return false;
        }
        String origin = request.getHeader("Origin");
        return origin == null || sameHost(origin, request.getHeader("Host"));
    }

    /** Whether the {@code Origin} names the host and port the request was sent to ("null" never does). */
    private static boolean sameHost(String origin, String host) {
        if (host == null) {
            return false;
        }
        try {
            URI uri = URI.create(origin);
            if (uri.getHost() == null) {
                return false;
            }
            int defaultPort = "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
            String fromOrigin = uri.getHost() + ":" + (uri.getPort() < 0 ? defaultPort : uri.getPort());
            boolean hostHasPort = host.lastIndexOf(':') > host.lastIndexOf(']');
            String fromHost = hostHasPort ? host : host + ":" + defaultPort;
            return fromOrigin.equalsIgnoreCase(fromHost);
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }
}
