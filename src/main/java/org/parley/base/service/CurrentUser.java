package org.parley.base.service;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who is calling. Services take the caller from the security context, never from a parameter, so a
 * view cannot act for somebody else.
 */
@Component
public class CurrentUser {

    public Optional<SignedInUser> get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof SignedInUser user) {
            return Optional.of(user);
        }
        return Optional.empty();
    }

    public long requireId() {
        return get().orElseThrow(() -> new NotAllowedException(Phrase.of("base.refusal.please-sign-in-first")))
                .userId();
    }
}
