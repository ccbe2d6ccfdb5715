package org.parley.account.service;

import org.parley.account.domain.ExternalIdentityRepository;
import org.parley.account.domain.UserAccount;
import org.parley.account.domain.UserAccountRepository;
import org.parley.account.domain.UserAvatarRepository;
import org.parley.base.service.CurrentUser;
import org.parley.base.service.InvalidInputException;
import org.parley.base.service.NotAllowedException;
import org.parley.base.service.Phrase;
import org.parley.base.service.TextRules;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The account's own part of deleting it (the whole of it, ties and groups included, is AccountDeletion's): the
 * owner confirms, and the account keeps only its id, so that what they wrote keeps its sender.
 */
@Service
@PreAuthorize("isAuthenticated()")
@Transactional
public class AccountClosing {

    /** How the owner confirms: their password, or (signing in with the company's accounts) their user name. */
    public enum Confirmation {
        PASSWORD,
        USER_NAME
    }

    private final UserAccountRepository accounts;
    private final UserAvatarRepository avatars;
    private final ExternalIdentityRepository identities;
    private final PeopleSearchIndex searchIndex;
    private final PasswordEncoder passwordEncoder;
    private final CurrentUser currentUser;

    AccountClosing(
            UserAccountRepository accounts,
            UserAvatarRepository avatars,
            ExternalIdentityRepository identities,
            PeopleSearchIndex searchIndex,
            PasswordEncoder passwordEncoder,
            CurrentUser currentUser) {
        this.accounts = accounts;
        this.avatars = avatars;
        this.identities = identities;
        this.searchIndex = searchIndex;
        this.passwordEncoder = passwordEncoder;
        this.currentUser = currentUser;
    }

    /** What the caller types to confirm: a person whose password is the company's does not know one kept here. */
    @Transactional(readOnly = true)
    public Confirmation howToConfirm() {
        return identities.existsByUserId(requireMe().getId()) ? Confirmation.USER_NAME : Confirmation.PASSWORD;
    }

    /**
     * Closes the caller's account if {@code confirmation} confirms it (see {@link #howToConfirm()}): names, picture,
     * address and password gone, no sign-in possible, not found by search, its company identity unlinked (signing in
     * with it again makes a new account). Refused, nothing changes.
     */
    public void closeMyAccount(String confirmation) {
        UserAccount me = requireMe();
        boolean confirmed = switch (howToConfirm()) {
            case PASSWORD -> confirmation != null && passwordEncoder.matches(confirmation, me.getPasswordHash());
            case USER_NAME ->
                confirmation != null
                        && TextRules.searchKey(confirmation.strip()).equals(me.getUsernameKey());
        };
        if (!confirmed) {
            throw new InvalidInputException(Phrase.of(
                    howToConfirm() == Confirmation.PASSWORD
                            ? "account.refusal.the-current-password-is-wrong"
                            : "account.refusal.type-your-user-name"));
        }
        avatars.deleteById(me.getId());
        identities.deleteAllOf(me.getId());
        searchIndex.remove(me.getId());
        me.delete(UnknownPasswords.hash(passwordEncoder));
        accounts.flush();
    }

    private UserAccount requireMe() {
        return accounts.findById(currentUser.requireId())
                .filter(account -> !account.isDeleted())
                .orElseThrow(() -> new NotAllowedException(Phrase.of("account.refusal.your-account-no-longer-exists")));
    }
}
