package org.parley.account.service.internal;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.parley.account.domain.TemporaryChats;
import org.parley.account.domain.UserAccount;
import org.parley.account.domain.UserAccountRepository;
import org.parley.account.service.UserSummary;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Facts about any user, for services that have already decided the caller may know them. Nothing here checks a
 * caller, so views may not use it (ArchitectureTest); they ask the user-facing services, which do.
 */
@Service
@Transactional(readOnly = true)
public class AccountDirectory {

    private final UserAccountRepository accounts;

    AccountDirectory(UserAccountRepository accounts) {
        this.accounts = accounts;
    }

    /** Summaries for many users in one query, keyed by id. */
    public Map<Long, UserSummary> summaries(Collection<Long> userIds) {
        if (userIds.isEmpty()) {
            return Map.of();
        }
        return accounts.findByIdIn(userIds).stream()
                .map(UserSummary::of)
                .collect(Collectors.toMap(UserSummary::id, Function.identity()));
    }

    /** The ids of the people with these user names (any case), keyed by lower-case user name: one query. */
    public Map<String, Long> idsByUsername(Collection<String> usernames) {
        if (usernames.isEmpty()) {
            return Map.of();
        }
        return accounts
                .findByUsernameKeyIn(usernames.stream()
                        .map(name -> name.toLowerCase(java.util.Locale.ROOT))
                        .toList())
                .stream()
                .collect(Collectors.toMap(UserAccount::getUsernameKey, UserAccount::getId));
    }

    /** Those of these users who send (and so see) read receipts: one query. */
    public Set<Long> readReceiptSenders(Collection<Long> userIds) {
        return userIds.isEmpty() ? Set.of() : Set.copyOf(accounts.findReadReceiptSenders(userIds));
    }

    /** Whether someone who is not their friend may write to {@code userId} through a shared group. */
    public boolean acceptsTemporaryChats(long userId) {
        return accounts.findById(userId)
                .map(u -> u.getTemporaryChats() == TemporaryChats.SHARED_GROUPS)
                .orElse(false);
    }
}
