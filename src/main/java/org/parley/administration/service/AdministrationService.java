package org.parley.administration.service;

import java.security.SecureRandom;
import java.time.Clock;
import org.parley.account.domain.UserAccount;
import org.parley.account.domain.UserAccountRepository;
import org.parley.account.service.ServerAdministrators;
import org.parley.administration.domain.ServerAdminLogEntry;
import org.parley.administration.domain.ServerAdminLogEntry.Action;
import org.parley.administration.domain.ServerAdminLogRepository;
import org.parley.base.service.CurrentUser;
import org.parley.base.service.InvalidInputException;
import org.parley.base.service.NotAllowedException;
import org.parley.base.service.Phrase;
import org.parley.base.service.SessionsEnded;
import org.parley.groups.service.GroupDeletion;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What server administrators do to accounts and groups (the Administration view), each act checked here against
 * the caller ({@link ServerAdministrators}) and written to the administrators' log. Lists are in
 * {@link AdministrationLists}.
 */
@Service
@PreAuthorize("isAuthenticated()")
@Transactional
public class AdministrationService {

    /** Long enough to be safe, short enough to read out over the phone; no look-alike characters. */
    private static final String PASSWORD_ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private static final int RESET_PASSWORD_LENGTH = 16;

    private final UserAccountRepository accounts;
    private final ServerAdminLogRepository log;
    private final ServerAdministrators administrators;
    private final GroupDeletion groupDeletion;
    private final PasswordEncoder passwords;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    AdministrationService(
            UserAccountRepository accounts,
            ServerAdminLogRepository log,
            ServerAdministrators administrators,
            GroupDeletion groupDeletion,
            PasswordEncoder passwords,
            CurrentUser currentUser,
            ApplicationEventPublisher events,
            Clock clock) {
        this.accounts = accounts;
        this.log = log;
        this.administrators = administrators;
        this.groupDeletion = groupDeletion;
        this.passwords = passwords;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Disables {@code userId}'s account: they cannot sign in, every session of theirs ends and their open tabs go
     * to the sign-in page at once; what they wrote stays. Not one's own (someone must be left to undo it).
     */
    public void disable(long userId) {
        long me = requireAdministrator();
        UserAccount account = requireAccount(userId);
        if (userId == me) {
            throw new NotAllowedException(Phrase.of("administration.refusal.not-yourself"));
        }
        if (account.isDisabled()) {
            return;
        }
        account.setDisabled(true);
        write(me, Action.DISABLED, account);
        events.publishEvent(new SessionsEnded(userId));
    }

    /** Lets a disabled person sign in again. */
    public void enable(long userId) {
        long me = requireAdministrator();
        UserAccount account = requireAccount(userId);
        if (!account.isDisabled()) {
            return;
        }
        account.setDisabled(false);
        write(me, Action.ENABLED, account);
    }

    /**
     * Gives {@code userId} a new random password, returned once for the administrator to hand over; their sessions
     * end (whoever knew the old one is out).
     */
    public String resetPassword(long userId) {
        long me = requireAdministrator();
        UserAccount account = requireAccount(userId);
        StringBuilder password = new StringBuilder(RESET_PASSWORD_LENGTH);
        for (int i = 0; i < RESET_PASSWORD_LENGTH; i++) {
            password.append(PASSWORD_ALPHABET.charAt(random.nextInt(PASSWORD_ALPHABET.length())));
        }
        account.setPasswordHash(passwords.encode(password));
        write(me, Action.PASSWORD_RESET, account);
        events.publishEvent(new SessionsEnded(userId));
        return password.toString();
    }

    /** Makes {@code userId} a server administrator. */
    public void makeAdministrator(long userId) {
        long me = requireAdministrator();
        UserAccount account = requireAccount(userId);
        if (account.isDisabled()) {
            throw new InvalidInputException(Phrase.of("administration.refusal.disabled-cannot-administer"));
        }
        if (account.isAdministrator()) {
            return;
        }
        account.setAdministrator(true);
        write(me, Action.MADE_ADMINISTRATOR, account);
    }

    /**
     * Takes the role from {@code userId}, unless the settings name them (the settings would give it back) or it is
     * the caller (someone must be left).
     */
    public void unmakeAdministrator(long userId) {
        long me = requireAdministrator();
        UserAccount account = requireAccount(userId);
        if (userId == me) {
            throw new NotAllowedException(Phrase.of("administration.refusal.not-yourself"));
        }
        if (administrators.namedInSettings(account)) {
            throw new NotAllowedException(Phrase.of("administration.refusal.named-in-settings", account.getUsername()));
        }
        if (!account.isAdministrator()) {
            return;
        }
        account.setAdministrator(false);
        write(me, Action.UNMADE_ADMINISTRATOR, account);
    }

    /** Deletes any group (see {@link GroupDeletion#deleteAsServerAdministrator}). */
    public void deleteGroup(long groupId) {
        long me = requireAdministrator();
        String name = groupDeletion.deleteAsServerAdministrator(groupId);
        log.save(new ServerAdminLogEntry(clock.instant(), me, Action.GROUP_DELETED, null, groupId, name));
    }

    /** What a server administrator may do to {@code account} now: what the view offers, and nothing else. */
    static PersonPowers powers(long me, UserAccount account, ServerAdministrators administrators) {
        boolean self = account.getId() == me;
        boolean bySettings = administrators.namedInSettings(account);
        return new PersonPowers(
                !self && !account.isDisabled(),
                account.isDisabled(),
                true,
                !account.isDisabled() && !account.isAdministrator() && !bySettings,
                !self && account.isAdministrator() && !bySettings);
    }

    long requireAdministrator() {
        long me = currentUser.requireId();
        administrators.requireAdministrator(me);
        return me;
    }

    private UserAccount requireAccount(long userId) {
        return accounts.findById(userId)
                .orElseThrow(() -> new NotAllowedException(Phrase.of("administration.refusal.no-such-person")));
    }

    private void write(long me, Action action, UserAccount account) {
        log.save(new ServerAdminLogEntry(clock.instant(), me, action, account.getId(), null, account.getUsername()));
    }
}
