package org.parley.account.service;

import org.parley.account.domain.UserAccount;
import org.parley.account.domain.UserAccountRepository;
import org.parley.base.service.CurrentUser;
import org.parley.base.service.NotAllowedException;
import org.parley.base.service.Phrase;
import org.springframework.stereotype.Component;

/** The caller's own account, for the account services; a deleted one is nobody's any more. */
@Component
class MyAccount {

    private final UserAccountRepository accounts;
    private final CurrentUser currentUser;

    MyAccount(UserAccountRepository accounts, CurrentUser currentUser) {
        this.accounts = accounts;
        this.currentUser = currentUser;
    }

    UserAccount require() {
        return accounts.findById(currentUser.requireId())
                .filter(account -> !account.isDeleted())
                .orElseThrow(() -> new NotAllowedException(Phrase.of("account.refusal.your-account-no-longer-exists")));
    }
}
