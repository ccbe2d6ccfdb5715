package org.parley.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import org.parley.account.service.AccountService;
import org.parley.account.service.UserSummary;
import org.parley.account.service.internal.AccountDirectory;
import org.parley.base.service.SignedInUser;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Creates users with unique names (tests share one database, also on MariaDB) and runs code as one of
 * them, the way a forged caller would reach a service: signed in, but as someone else.
 */
@Component
public class TestUsers {

    public static final String PASSWORD = "correct horse battery";

    /** The server administrator the tests' settings name (parley.administrators). */
    public static final String ADMINISTRATOR = "test-boss";

    private final AccountService accounts;
    private final AccountDirectory directory;

    public TestUsers(AccountService accounts, AccountDirectory directory) {
        this.accounts = accounts;
        this.directory = directory;
    }

    /** {@link #ADMINISTRATOR}, "Test Boss", registered once per database. */
    public UserSummary administrator() {
        Long id = directory.idsByUsername(List.of(ADMINISTRATOR)).get(ADMINISTRATOR);
        if (id == null) {
            try {
                return accounts.register(ADMINISTRATOR, "Test Boss", PASSWORD, newAddress());
            } catch (RuntimeException registeredMeanwhile) {
                id = directory.idsByUsername(List.of(ADMINISTRATOR)).get(ADMINISTRATOR);
            }
        }
        return directory.summaries(List.of(id)).get(id);
    }

    /** Registers a user whose user name starts with {@code prefix} and is unique across runs. */
    public UserSummary create(String prefix) {
        String username = uniqueName(prefix);
        String displayName = Character.toUpperCase(prefix.charAt(0)) + prefix.substring(1) + " Tester";
        return accounts.register(username, displayName, PASSWORD, TestUsers.newAddress());
    }

    /**
     * Fresh users by prefix (as {@link #create}), keyed by prefix in the order given, registered side by
     * side: hashing their passwords is most of what setting up a test costs.
     */
    public Map<String, UserSummary> createAll(Iterable<String> prefixes) {
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            Map<String, CompletableFuture<UserSummary>> pending = new LinkedHashMap<>();
            for (String prefix : prefixes) {
                pending.put(prefix, CompletableFuture.supplyAsync(() -> create(prefix), executor));
            }
            Map<String, UserSummary> created = new LinkedHashMap<>();
            pending.forEach((prefix, user) -> created.put(prefix, user.join()));
            return created;
        }
    }

    /** {@link #createAll(Iterable)} for the prefixes given. */
    public Map<String, UserSummary> createAll(String... prefixes) {
        return createAll(List.of(prefixes));
    }

    /** An address of its own for each registration, as if each test's people came from their own computers. */
    public static String newAddress() {
        return "10." + ThreadLocalRandom.current().nextInt(256) + "."
                + ThreadLocalRandom.current().nextInt(256) + "."
                + ThreadLocalRandom.current().nextInt(1, 255);
    }

    public static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static Authentication authentication(UserSummary user) {
        SignedInUser principal = new SignedInUser(user.id(), user.username(), "n/a");
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
    }

    /** Runs {@code action} signed in as {@code user}, then restores whoever was signed in before. */
    public static <T> T as(UserSummary user, Callable<T> action) {
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication(user));
        SecurityContextHolder.setContext(context);
        try {
            return action.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    public static void run(UserSummary user, Runnable action) {
        as(user, () -> {
            action.run();
            return null;
        });
    }
}
