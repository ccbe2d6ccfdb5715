package org.parley.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.authentication.rememberme.InvalidCookieException;
import org.springframework.security.web.authentication.rememberme.TokenBasedRememberMeServices;

/**
 * Keeps a person signed in when their session is gone because the node holding it is (several nodes behind a
 * proxy: the page reconnects to another node, which has no session for it). Every sign-in gets a signed cookie of
 * its own, {@value #COOKIE}: user name, expiry and an HMAC made with the installation's shared key and the
 * password's hash, so any node can check it, and a new password voids every one. It lives as long as the browser
 * session, like the session cookie (closing the browser signs out as before), and at most {@link #VALIDITY}.
 * Signing out deletes it and keeps its signature in {@link SignedOutTokens}, so a copy opens nothing afterwards.
 * Hash-based rather than stored tokens: a stored token changes on every use, and the several tabs of one browser
 * reconnecting at once would look like a stolen cookie and be signed out.
 */
final class StayingSignedIn extends TokenBasedRememberMeServices {

    static final String COOKIE = "parley-remember-me";
    static final Duration VALIDITY = Duration.ofDays(14);

    private final SignedOutTokens signedOut;

    StayingSignedIn(String key, UserDetailsService users, SignedOutTokens signedOut) {
        super(key, users, RememberMeTokenAlgorithm.SHA256);
        this.signedOut = signedOut;
        setCookieName(COOKIE);
        setAlwaysRemember(true);
        setTokenValiditySeconds((int) VALIDITY.toSeconds());
        setCookieCustomizer(cookie -> cookie.setAttribute("SameSite", "Lax"));
    }

    @Override
    protected UserDetails processAutoLoginCookie(
            String[] cookieTokens, HttpServletRequest request, HttpServletResponse response) {
        if (cookieTokens.length > 0 && signedOut.isSignedOut(signature(cookieTokens))) {
            throw new InvalidCookieException("Signed out with this cookie");
        }
        return super.processAutoLoginCookie(cookieTokens, request, response);
    }

    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        String cookie = extractRememberMeCookie(request);
        if (cookie != null && !cookie.isEmpty()) {
            try {
                String[] tokens = decodeCookie(cookie);
                if (tokens.length >= 3) {
                    signedOut.signedOut(signature(tokens), Instant.ofEpochMilli(Long.parseLong(tokens[1])));
                }
            } catch (InvalidCookieException | NumberFormatException unreadable) {
                // nothing that could sign anyone in
            }
        }
        super.logout(request, response, authentication);
    }

    /** The cookie's last part: its HMAC, different for every sign-in. */
    private static String signature(String[] tokens) {
        return tokens[tokens.length - 1];
    }

    /** The token inside expires after {@link #VALIDITY}; the cookie itself with the browser session. */
    @Override
    protected void setCookie(String[] tokens, int maxAge, HttpServletRequest request, HttpServletResponse response) {
        super.setCookie(tokens, maxAge == 0 ? 0 : -1, request, response);
    }
}
