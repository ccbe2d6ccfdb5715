package org.parley.security;

import java.util.Map;
import org.parley.base.service.SignedInUser;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * A Parley user who signed in with an OpenID Connect provider: the same principal as a password sign-in gives (so
 * every service knows the caller the one way), carrying what the provider said for Spring Security's OAuth2 parts.
 */
final class SignedInWithProvider extends SignedInUser implements OidcUser {

    private final OidcUser fromProvider;

    SignedInWithProvider(SignedInUser user, OidcUser fromProvider) {
        super(user.userId(), user.getUsername(), user.getPassword(), user.isEnabled());
        this.fromProvider = fromProvider;
    }

    @Override
    public Map<String, Object> getClaims() {
        return fromProvider.getClaims();
    }

    @Override
    public OidcUserInfo getUserInfo() {
        return fromProvider.getUserInfo();
    }

    @Override
    public OidcIdToken getIdToken() {
        return fromProvider.getIdToken();
    }

    @Override
    public Map<String, Object> getAttributes() {
        return fromProvider.getAttributes();
    }

    /** The Parley user name, as for a password sign-in. */
    @Override
    public String getName() {
        return getUsername();
    }
}
