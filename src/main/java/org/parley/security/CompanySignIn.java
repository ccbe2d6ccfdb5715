package org.parley.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.parley.account.service.ExternalAccounts;
import org.parley.account.service.ExternalSignIn;
import org.parley.account.service.SignInOptions;
import org.parley.account.ui.LoginView;
import org.parley.base.service.SignedInUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.ldap.core.DirContextOperations;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.authentication.builders.AuthenticationManagerBuilder;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.ldap.DefaultSpringSecurityContextSource;
import org.springframework.security.ldap.authentication.BindAuthenticator;
import org.springframework.security.ldap.authentication.LdapAuthenticationProvider;
import org.springframework.security.ldap.search.FilterBasedLdapUserSearch;
import org.springframework.security.ldap.userdetails.UserDetailsContextMapper;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.stereotype.Component;

/**
 * The ways in that {@link SignInOptions} says this server offers: passwords kept here, the company directory (LDAP,
 * a bind as the person), and OpenID Connect providers. Whichever way, the person ends up as a {@link SignedInUser} of
 * the Parley account linked to them ({@link ExternalAccounts}), made on their first sign-in.
 */
@Component
class CompanySignIn {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(CompanySignIn.class);

    private final SignInOptions options;
    private final ExternalAccounts externalAccounts;
    private final UserDetailsService localAccounts;
    private final PasswordEncoder passwordEncoder;
    private final DirectorySettings directory;

    /** Where the directory is and how people are found in it (README, "Signing in with the company's accounts"). */
    record DirectorySettings(
            String url,
            String userDnPattern,
            String userSearchBase,
            String userSearchFilter,
            String managerDn,
            String managerPassword,
            String displayNameAttribute) {}

    CompanySignIn(
            SignInOptions options,
            ExternalAccounts externalAccounts,
            UserDetailsService localAccounts,
            PasswordEncoder passwordEncoder,
            @Value("${parley.ldap.url:}") String url,
            @Value("${parley.ldap.user-dn-pattern:uid={0},ou=people}") String userDnPattern,
            @Value("${parley.ldap.user-search-base:}") String userSearchBase,
            @Value("${parley.ldap.user-search-filter:}") String userSearchFilter,
            @Value("${parley.ldap.manager-dn:}") String managerDn,
            @Value("${parley.ldap.manager-password:}") String managerPassword,
            @Value("${parley.ldap.display-name-attribute:displayName}") String displayNameAttribute) {
        this.options = options;
        this.externalAccounts = externalAccounts;
        this.localAccounts = localAccounts;
        this.passwordEncoder = passwordEncoder;
        this.directory = new DirectorySettings(
                url, userDnPattern, userSearchBase, userSearchFilter, managerDn, managerPassword, displayNameAttribute);
    }

    /**
     * What checks the sign-in form's password: the directory first (a person there whose name is also a local
     * account's still gets in as themselves), then the passwords kept here; with neither, no password signs in.
     * Added to the filter chain's own providers (beside those for the stay-signed-in cookie and OpenID Connect),
     * and instead of Spring's application-wide one, which would check passwords kept here whatever the settings say.
     */
    void passwords(HttpSecurity http) {
        http.getSharedObject(AuthenticationManagerBuilder.class).parentAuthenticationManager(null);
        if (options.directory()) {
            http.authenticationProvider(directoryProvider());
        }
        if (options.localPasswords()) {
            DaoAuthenticationProvider local = new DaoAuthenticationProvider(localAccounts);
            local.setPasswordEncoder(passwordEncoder);
            http.authenticationProvider(local);
        }
        if (!options.passwordForm()) {
            http.authenticationProvider(new NoPasswords());
        }
    }

    /** Refuses every password: where people sign in with their identity provider only. */
    private static final class NoPasswords implements AuthenticationProvider {
        @Override
        public Authentication authenticate(Authentication attempt) {
            throw new BadCredentialsException("No password signs in here");
        }

        @Override
        public boolean supports(Class<?> type) {
            return UsernamePasswordAuthenticationToken.class.isAssignableFrom(type);
        }
    }

    /** "Sign in with …" for each OpenID Connect provider configured; a refused or failed one back on the sign-in page. */
    void singleSignOn(HttpSecurity http) throws Exception {
        if (options.providers().isEmpty()) {
            return;
        }
        OidcUserService fromProvider = new OidcUserService();
        http.oauth2Login(login -> login.loginPage("/login")
                .failureHandler(new ProviderFailed())
                .userInfoEndpoint(userInfo -> userInfo.oidcUserService(request -> linked(fromProvider, request))));
    }

    private OidcUser linked(OidcUserService fromProvider, OidcUserRequest request) {
        OidcUser person = fromProvider.loadUser(request);
        SignedInUser user = externalAccounts.signIn(new ExternalSignIn(
                person.getIdToken().getIssuer().toString(),
                person.getSubject(),
                person.getPreferredUsername(),
                person.getFullName(),
                person.getEmail()));
        return new SignedInWithProvider(enabled(user), person);
    }

    /** A disabled account signs in no way at all. */
    private static SignedInUser enabled(SignedInUser user) {
        if (!user.isEnabled()) {
            throw new DisabledException("Account disabled");
        }
        return user;
    }

    /** Back to the sign-in page, which says it did not work; why is logged, for whoever runs the server. */
    private static final class ProviderFailed extends SimpleUrlAuthenticationFailureHandler {

        ProviderFailed() {
            super("/login?" + LoginView.PROVIDER_FAILED_PARAMETER);
        }

        @Override
        public void onAuthenticationFailure(
                HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
                throws IOException, ServletException {
            log.warn("Signing in with an identity provider failed: {}", failure.getMessage());
            super.onAuthenticationFailure(request, response, failure);
        }
    }

    private LdapAuthenticationProvider directoryProvider() {
        DefaultSpringSecurityContextSource contextSource = new DefaultSpringSecurityContextSource(directory.url());
        if (!directory.managerDn().isBlank()) {
            contextSource.setUserDn(directory.managerDn());
            contextSource.setPassword(directory.managerPassword());
        }
        contextSource.afterPropertiesSet();
        BindAuthenticator bind = new BindAuthenticator(contextSource);
        if (directory.userSearchFilter().isBlank()) {
            bind.setUserDnPatterns(new String[] {directory.userDnPattern()});
        } else {
            bind.setUserSearch(new FilterBasedLdapUserSearch(
                    directory.userSearchBase(), directory.userSearchFilter(), contextSource));
        }
        // All of the person's attributes, and the directory's lasting id for them (an operational attribute).
        bind.setUserAttributes(new String[] {"*", "entryUUID"});
        LdapAuthenticationProvider provider = new LdapAuthenticationProvider(bind);
        provider.setUserDetailsContextMapper(new DirectoryPeople(externalAccounts, directory));
        return provider;
    }

    /** A person the directory knew by their password, as the Parley account linked to their entry. */
    private record DirectoryPeople(ExternalAccounts accounts, DirectorySettings directory)
            implements UserDetailsContextMapper {

        @Override
        public UserDetails mapUserFromContext(
                DirContextOperations entry, String username, java.util.Collection<? extends GrantedAuthority> ignored) {
            // entryUUID lasts when a person is renamed or moved; the entry's name is what every directory has.
            String subject =
                    Optional.ofNullable(entry.getStringAttribute("entryUUID")).orElse(entry.getNameInNamespace());
            String displayName = Optional.ofNullable(entry.getStringAttribute(directory.displayNameAttribute()))
                    .orElse(entry.getStringAttribute("cn"));
            SignedInUser user = accounts.signIn(new ExternalSignIn(
                    directory.url(),
                    subject,
                    Optional.ofNullable(entry.getStringAttribute("uid")).orElse(username),
                    displayName,
                    entry.getStringAttribute("mail")));
            return enabled(user);
        }

        @Override
        public void mapUserToContext(UserDetails user, org.springframework.ldap.core.DirContextAdapter ctx) {
            throw new UnsupportedOperationException("Parley never writes to the directory");
        }
    }
}
