package org.parley.account.service;

import org.parley.account.domain.ExternalIdentityRepository;
import org.parley.account.domain.UserAccount;
import org.parley.account.domain.UserAccountRepository;
import org.parley.account.domain.UserAvatarRepository;
import org.parley.base.service.InvalidInputException;
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
    private final MyAccount myAccount;
    private final AccountService accountService;

    AccountClosing(
            UserAccountRepository accounts,
            UserAvatarRepository avatars,
            ExternalIdentityRepository identities,
            PeopleSearchIndex searchIndex,
            PasswordEncoder passwordEncoder,
            MyAccount myAccount,
            AccountService accountService) {
        this.accounts = accounts;
        this.avatars = avatars;
        this.identities = identities;
        this.searchIndex = searchIndex;
        this.passwordEncoder = passwordEncoder;
        this.myAccount = myAccount;
        this.accountService = accountService;
    }

    /** What the caller types to confirm: a person whose password is the company's does not know one kept here. */
    @Transactional(readOnly = true)
    public Confirmation howToConfirm() {
        return accountService.signsInWithPasswordKeptHere() ? Confirmation.PASSWORD : Confirmation.USER_NAME;
    }

    /**
     * Closes the caller's account if {@code confirmation} confirms it (see {@link #howToConfirm()}): names, picture,
     * address and password gone, no sign-in possible, not found by search, its company identity unlinked (signing in
     * with it again makes a new account). Refused, nothing changes.
     */
    public void closeMyAccount(String confirmation) {
        UserAccount me = myAccount.require();
        Confirmation how = howToConfirm();
        boolean confirmed = confirmation != null
                && switch (how) {
                    case PASSWORD -> passwordEncoder.matches(confirmation, me.getPasswordHash());
                    case USER_NAME -> TextRules.searchKey(confirmation).equals(me.getUsernameKey());
                };
        if (!confirmed) {
            throw new InvalidInputException(Phrase.of(
                    how == Confirmation.PASSWORD
                            ? "account.refusal.the-current-password-is-wrong"
                            : "account.refusal.type-your-user-name"));
        }
        avatars.deleteById(me.getId());
        identities.deleteAllOf(me.getId());
        searchIndex.remove(me.getId());
        me.delete(UnknownPasswords.hash(passwordEncoder));
        accounts.flush();
    }
}
