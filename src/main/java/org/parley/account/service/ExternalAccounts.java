package org.parley.account.service;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.parley.account.domain.ExternalIdentity;
import org.parley.account.domain.ExternalIdentityRepository;
import org.parley.account.domain.UserAccount;
import org.parley.account.domain.UserAccountRepository;
import org.parley.base.service.InvalidInputException;
import org.parley.base.service.SignedInUser;
import org.parley.base.service.TextRules;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts of people who sign in with the company's identity provider (OpenID Connect) or directory (LDAP). Called
 * by the sign-in itself, once the provider has checked who the person is; nothing here is reachable from a view.
 */
@Service
@Transactional
public class ExternalAccounts {

    private final ExternalIdentityRepository identities;
    private final UserAccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final PeopleSearchIndex searchIndex;
    private final Clock clock;

    ExternalAccounts(
            ExternalIdentityRepository identities,
            UserAccountRepository accounts,
            PasswordEncoder passwordEncoder,
            PeopleSearchIndex searchIndex,
            Clock clock) {
        this.identities = identities;
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.searchIndex = searchIndex;
        this.clock = clock;
    }

    /**
     * The account this identity signs in to, made on its first sign-in from what the provider says of the person.
     * The link is the provider's issuer and subject, never a name: a provider's "alice" is not the "alice" who
     * registered here (she gets "alice2"). A disabled account comes back disabled, for the sign-in to refuse.
     */
    public SignedInUser signIn(ExternalSignIn who) {
        if (isBlank(who.issuer()) || isBlank(who.subject())) {
            throw new IllegalArgumentException("An identity needs its issuer and subject");
        }
        UserAccount account = identities
                .findByIssuerAndSubject(who.issuer(), who.subject())
                .flatMap(identity -> accounts.findById(identity.getUserId()))
                .orElseGet(() -> firstSignIn(who));
        return new SignedInUser(
                account.getId(), account.getUsername(), account.getPasswordHash(), !account.isDisabled());
    }

    private UserAccount firstSignIn(ExternalSignIn who) {
        String username = freeUsername(who);
        String displayName = displayName(who.displayName()).orElse(username);
        // Nobody knows this password: such a person signs in with their provider only (until an administrator
        // gives them one).
        UserAccount account =
                new UserAccount(username, displayName, UnknownPasswords.hash(passwordEncoder), clock.instant());
        account.setEmail(email(who.email()));
        accounts.saveAndFlush(account);
        identities.save(new ExternalIdentity(who.issuer(), who.subject(), account.getId(), clock.instant()));
        searchIndex.index(account);
        return account;
    }

    /** The first of the provider's suggestions that makes a user name, numbered if somebody has it already. */
    private String freeUsername(ExternalSignIn who) {
        String emailName = who.email() == null ? null : who.email().replaceFirst("@.*$", "");
        String base = Stream.of(who.preferredUsername(), emailName, who.displayName())
                .map(ExternalAccounts::asUsername)
                .flatMap(Optional::stream)
                .findFirst()
                .orElse("user");
        // Every name that could be taken, in one query (a base no longer than 28 characters keeps its start under
        // any number added up to 9999).
        Set<String> taken = Set.copyOf(
                accounts.usernameKeysLike(TextRules.prefixPattern(base.substring(0, Math.min(base.length(), 28)))));
        for (int n = 1; ; n++) {
            String suffix = n == 1 ? "" : String.valueOf(n);
            String candidate = base.substring(0, Math.min(base.length(), 32 - suffix.length())) + suffix;
            if (AccountService.USERNAME.matcher(candidate).matches()
                    && !taken.contains(TextRules.searchKey(candidate))) {
                return candidate;
            }
        }
    }

    /** A suggestion made into a user name: spaces become dots, characters user names cannot have are left out. */
    private static Optional<String> asUsername(String suggestion) {
        if (suggestion == null) {
            return Optional.empty();
        }
        String name = suggestion.strip().replaceAll("\\s+", ".").replaceAll("[^\\p{IsHan}A-Za-z0-9._-]", "");
        name = name.substring(0, Math.min(name.length(), 30));
        return AccountService.USERNAME.matcher(name).matches() ? Optional.of(name) : Optional.empty();
    }

    private static Optional<String> displayName(String suggestion) {
        if (suggestion == null || suggestion.isBlank()) {
            return Optional.empty();
        }
        String name = suggestion.strip();
        try {
            return Optional.of(TextRules.requireName(
                    name.substring(0, Math.min(name.length(), AccountService.MAX_DISPLAY_NAME_LENGTH)),
                    "Display name",
                    AccountService.MAX_DISPLAY_NAME_LENGTH));
        } catch (InvalidInputException unusable) {
            return Optional.empty();
        }
    }

    private static String email(String email) {
        return email == null || email.isBlank() || email.length() > 254
                ? null
                : email.strip().toLowerCase(Locale.ROOT);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
