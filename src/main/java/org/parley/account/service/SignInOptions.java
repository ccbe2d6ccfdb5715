package org.parley.account.service;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Service;

/**
 * How people sign in to this server, as its settings say: with a password kept here ({@code
 * parley.sign-in.local-passwords}, on unless a company turns it off), with the company directory ({@code
 * parley.ldap.url}), and with each OpenID Connect provider configured under {@code
 * spring.security.oauth2.client.registration}. The sign-in and registration pages show what this says.
 */
@Service
public class SignInOptions {

    /** Where the browser goes to sign in with a provider (Spring Security's authorization request address). */
    public static final String PROVIDER_PATH = "oauth2/authorization/";

    /** An identity provider people can sign in with: the name on its button and where that button leads. */
    public record Provider(String name, String path) implements Serializable {}

    private final List<Provider> providers;
    private final boolean localPasswords;
    private final boolean directory;

    SignInOptions(
            ObjectProvider<ClientRegistrationRepository> registrations,
            @Value("${parley.sign-in.local-passwords:true}") boolean localPasswords,
            @Value("${parley.ldap.url:}") String directoryUrl) {
        this.localPasswords = localPasswords;
        this.directory = !directoryUrl.isBlank();
        List<Provider> found = new ArrayList<>();
        if (registrations.getIfAvailable() instanceof Iterable<?> all) {
            for (Object each : all) {
                if (each instanceof ClientRegistration registration
                        && registration.getScopes().contains("openid")) {
                    found.add(new Provider(
                            registration.getClientName(), PROVIDER_PATH + registration.getRegistrationId()));
                }
            }
        }
        this.providers = List.copyOf(found);
    }

    /** The OpenID Connect providers, each a "Sign in with …" button. */
    public List<Provider> providers() {
        return providers;
    }

    /** Whether passwords kept here sign people in, and whether people may register here. */
    public boolean localPasswords() {
        return localPasswords;
    }

    /** Whether the company directory checks passwords. */
    public boolean directory() {
        return directory;
    }

    /** Whether the sign-in page asks for a user name and password (kept here or in the directory). */
    public boolean passwordForm() {
        return localPasswords || directory;
    }
}
