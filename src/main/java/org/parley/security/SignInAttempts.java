package org.parley.security;

import org.parley.base.service.RateLimits;
import org.parley.base.service.TextRules;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Password guessing is throttled: wrong passwords are counted per user name and per address, and once either
 * has used up its allowance ({@code parley.limits.sign-in-failures-*}) every sign-in for it is refused, even
 * with the right password, until the allowance has grown back. Signing in gives the account's allowance back.
 */
@Component
class SignInAttempts {

    /** Longer than any user name (at most 32 characters). */
    private static final int MAX_KEY_LENGTH = 64;

    private final RateLimits limits;

    SignInAttempts(RateLimits limits) {
        this.limits = limits;
    }

    /** Refuses with {@link org.parley.base.service.TooManyAttemptsException} when either allowance is used up. */
    void requireAllowed(String username, String address) {
        limits.signInFailuresPerAddress().check(address);
        limits.signInFailuresPerAccount().check(accountKey(username));
    }

    @EventListener
    void wrongPassword(AuthenticationFailureBadCredentialsEvent failure) {
        limits.signInFailuresPerAccount()
                .count(accountKey(failure.getAuthentication().getName()));
        limits.signInFailuresPerAddress().count(addressOf(failure.getAuthentication()));
    }

    @EventListener
    void signedIn(AuthenticationSuccessEvent success) {
        limits.signInFailuresPerAccount()
                .forget(accountKey(success.getAuthentication().getName()));
    }

    /**
     * The user name as counted: lower-cased, and cut to a length no user name has, so that a guesser posting huge
     * names cannot make the counts hold much memory.
     */
    private static String accountKey(String username) {
        String key = TextRules.searchKey(username);
        return key.length() > MAX_KEY_LENGTH ? key.substring(0, MAX_KEY_LENGTH) : key;
    }

    private static String addressOf(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details
                        && details.getRemoteAddress() != null
                ? details.getRemoteAddress()
                : "";
    }
}
