package org.parley.accountdeletion.service;

import org.parley.account.service.AccountClosing;
import org.parley.base.service.CurrentUser;
import org.parley.base.service.SessionsEnded;
import org.parley.friends.service.FriendService;
import org.parley.groups.service.GroupSuccession;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person deletes their own account, all at once or not at all. What they wrote stays where others read it, signed
 * "Deleted user"; one-on-one conversations and the files in them stay for the other person. They leave every group
 * (a group they owned passes on, or goes when nobody else is in it), stop being anyone's friend, and every tab of
 * theirs, on every node, goes to the sign-in page.
 */
@Service
@PreAuthorize("isAuthenticated()")
@Transactional
public class AccountDeletion {

    private final AccountClosing account;
    private final FriendService friends;
    private final GroupSuccession groups;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;

    AccountDeletion(
            AccountClosing account,
            FriendService friends,
            GroupSuccession groups,
            CurrentUser currentUser,
            ApplicationEventPublisher events) {
        this.account = account;
        this.friends = friends;
        this.groups = groups;
        this.currentUser = currentUser;
        this.events = events;
    }

    /** How the caller confirms (their password, or their user name when their password is the company's). */
    @Transactional(readOnly = true)
    public AccountClosing.Confirmation howToConfirm() {
        return account.howToConfirm();
    }

    /** Deletes the caller's own account, if {@code confirmation} confirms it; refused, nothing changes. */
    public void deleteMyAccount(String confirmation) {
        long me = currentUser.requireId();
        // First: a wrong confirmation stops everything before anything is touched.
        account.closeMyAccount(confirmation);
        groups.leaveEveryGroupAsMyAccountIsDeleted();
        friends.endEveryTieAsMyAccountIsDeleted();
        events.publishEvent(new SessionsEnded(me, true));
    }
}
