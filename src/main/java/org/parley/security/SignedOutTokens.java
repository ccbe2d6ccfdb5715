package org.parley.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stay-signed-in cookies signed out with ({@link StayingSignedIn}): such a cookie needs nothing stored to be
 * checked, so signing out keeps its signature here until it expires, and a copy replayed later opens nothing.
 */
@Component
class SignedOutTokens {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    SignedOutTokens(JdbcTemplate jdbc, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    void signedOut(String signature, Instant expiresAt) {
        try {
            transactions.executeWithoutResult(status -> jdbc.update(
                    "insert into signed_out_token (signature, expires_at) values (?, ?)",
                    signature,
                    Timestamp.from(expiresAt)));
        } catch (DataIntegrityViolationException alreadySignedOut) {
            // signed out with it in another tab too
        }
    }

    boolean isSignedOut(String signature) {
        Integer found = transactions.execute(status -> jdbc.queryForObject(
                "select count(*) from signed_out_token where signature = ?", Integer.class, signature));
        return found != null && found > 0;
    }

    /** What has expired needs no keeping: the cookie is refused for its age. */
    @Scheduled(initialDelay = 5, fixedDelay = 60, timeUnit = TimeUnit.MINUTES)
    @SchedulerLock(name = "signed-out-token-sweep")
    void forgetExpired() {
        transactions.executeWithoutResult(status ->
                jdbc.update("delete from signed_out_token where expires_at < ?", Timestamp.from(clock.instant())));
    }
}
