package org.parley.base.service;

import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** The principal of a signed-in Parley user: Spring's user plus the account id services key on. */
public class SignedInUser extends User {

    private final long userId;

    public SignedInUser(long userId, String username, String passwordHash) {
        this(userId, username, passwordHash, true);
    }

    /** {@code enabled} false: a disabled account, which Spring Security refuses to sign in (password or cookie). */
    public SignedInUser(long userId, String username, String passwordHash, boolean enabled) {
        super(username, passwordHash, enabled, true, true, true, List.of(new SimpleGrantedAuthority("ROLE_USER")));
        this.userId = userId;
    }

    public long userId() {
        return userId;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SignedInUser that && that.userId == userId;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(userId);
    }
}
