package org.parley.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The headers every response carries, set before anything else writes to it (Vaadin's own pages bypass the
 * headers Spring Security writes when a response is committed, so this does not rely on them). Responses that
 * need a stricter policy, such as served files, set their own over these.
 */
class SecurityHeaders extends OncePerRequestFilter {

    /**
     * What Vaadin's pages work under: its client evaluates the scripts the server sends, and styles components
     * inline. Nothing may frame Parley, no plugins, no other base, forms post only here, pushes connect only here.
     */
    static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
                    + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
                    + "connect-src 'self'; media-src 'self'; worker-src 'self' blob:; frame-ancestors 'none'; "
                    + "object-src 'none'; base-uri 'self'; form-action 'self'";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        if (!staticAsset(request)) {
            // A signed-in page (or its data) is not kept in any cache: not after signing out, not for the next
            // person at the same computer. Built assets are the same for everyone and keep their own headers.
            response.setHeader("Cache-Control", "no-store");
        }
        chain.doFilter(request, response);
    }

    private static boolean staticAsset(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/VAADIN/build/")
                || path.startsWith("/VAADIN/static/")
                || path.startsWith("/styles/")
                || path.startsWith("/scripts/")
                || path.startsWith("/icons/")
                || path.equals("/favicon.ico");
    }
}
