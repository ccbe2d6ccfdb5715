package org.parley.account.service;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.parley.account.domain.UserAccount;
import org.parley.account.domain.UserAccountRepository;
import org.parley.base.service.NotAllowedException;
import org.parley.base.service.Phrase;
import org.parley.base.service.TextRules;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who runs the server: the people named in {@code parley.administrators} (user names, comma-separated, any case;
 * the way to have a first one) and those another administrator made one. A disabled account is nobody's
 * administrator. Read from the database at each call: a change holds at once, on every node.
 */
@Service
@Transactional(readOnly = true)
public class ServerAdministrators {

    private final UserAccountRepository accounts;
    private final Set<String> namedInSettings;

    ServerAdministrators(UserAccountRepository accounts, @Value("${parley.administrators:}") String namedInSettings) {
        this.accounts = accounts;
        this.namedInSettings = Arrays.stream(namedInSettings.split(","))
                .map(String::trim)
                .filter(name -> !name.isEmpty())
                .map(TextRules::searchKey)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Whether {@code userId} is a server administrator now. */
    public boolean isAdministrator(long userId) {
        return accounts.findById(userId).map(this::isAdministrator).orElse(false);
    }

    public boolean isAdministrator(UserAccount account) {
        return !account.isDisabled() && (account.isAdministrator() || namedInSettings(account));
    }

    /** Named in the settings: an administrator whom no administrator can unmake (change the settings instead). */
    public boolean namedInSettings(UserAccount account) {
        return namedInSettings.contains(account.getUsernameKey());
    }

    /** Refuses anyone but a server administrator. */
    public void requireAdministrator(long userId) {
        if (!isAdministrator(userId)) {
            throw new NotAllowedException(Phrase.of("account.refusal.administrators-only"));
        }
    }
}
