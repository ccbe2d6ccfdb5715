package org.parley.account.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.parley.account.domain.UserAccount;
import org.parley.account.domain.UserAccountRepository;
import org.parley.account.service.internal.PersonGrams;
import org.parley.base.service.TermIndexes;
import org.parley.base.service.TextRules;
import org.springframework.data.domain.Limit;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * People search's gram index (person_gram, see {@link PersonGrams}): written with the account when it is created or
 * renamed; read by {@link #search} when it can answer faster than walking the name index: a query of three or more
 * characters whose rarest gram few people have (a full user name, a typo, a rare name). People registered before the
 * index existed get their grams from a chore, a batch at a time, on one node at a time; until it is done, search
 * walks the name index.
 */
@Component
class PeopleSearchIndex {

    static final String LOCK = "people-search-backfill";
    /** A gram more people have than this is common: walking the name index in order fills a page sooner. */
    static final int MOST_CANDIDATES = 2_000;
    /** At most this many of a query's grams are counted to find its rarest (spread over the query). */
    private static final int GRAMS_COUNTED = 6;

    private static final int BATCH = 1_000;

    private final JdbcTemplate jdbc;
    private final UserAccountRepository accounts;
    private final TransactionTemplate tx;
    /** Once the backfill is done it stays done: people are indexed as they register from then on. */
    private volatile boolean complete;

    PeopleSearchIndex(JdbcTemplate jdbc, UserAccountRepository accounts, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.tx = new TransactionTemplate(transactions);
    }

    /** The person can no longer be found (their account is deleted), in the caller's transaction. */
    void remove(long userId) {
        jdbc.update("delete from person_gram where user_id = ?", userId);
    }

    /** Writes the person's grams afresh, in the caller's transaction (registration, a new display name). */
    void index(UserAccount account) {
        jdbc.update("delete from person_gram where user_id = ?", account.getId());
        insert(List.of(account));
    }

    /**
     * The ids of the people other than {@code excludedId} whose user name or display name key contains {@code key},
     * after {@code afterKey} in user-name order, at most {@code limit}; or null when the index cannot answer faster
     * than the name index (a query shorter than a gram, only common grams, or the backfill still running).
     */
    List<Long> search(String key, String afterKey, long excludedId, int limit) {
        Set<Long> grams = PersonGrams.ofQuery(key);
        if (grams.isEmpty() || !complete()) {
            return null;
        }
        Long rarest = rarest(grams);
        if (rarest == null) {
            return List.of(); // a gram nobody has: nobody matches
        }
        if (rarest == Long.MIN_VALUE) {
            return null;
        }
        String pattern = TextRules.containsPattern(key);
        return jdbc.queryForList(
                "select u.id from person_gram g join user_account u on u.id = g.user_id where g.gram = ?"
                        + " and (u.username_key like ? escape '!' or u.display_name_key like ? escape '!')"
                        + " and u.username_key > ? and u.id <> ? order by u.username_key limit ?",
                Long.class,
                rarest,
                pattern,
                pattern,
                afterKey,
                excludedId,
                limit);
    }

    /**
     * The gram of these that the fewest people have, counting each up to just past {@link #MOST_CANDIDATES} in one
     * statement: null when one of them nobody has, {@code Long.MIN_VALUE} when all are common.
     */
    private Long rarest(Set<Long> grams) {
        List<Long> counted = spread(new ArrayList<>(grams));
        Map<Long, Long> counts = TermIndexes.cappedCounts(jdbc, "person_gram", "gram", counted, MOST_CANDIDATES + 1);
        if (counts.size() < counted.size()) {
            return null;
        }
        Map.Entry<Long, Long> fewest =
                counts.entrySet().stream().min(Map.Entry.comparingByValue()).orElseThrow();
        return fewest.getValue() > MOST_CANDIDATES ? Long.MIN_VALUE : fewest.getKey();
    }

    /** Up to {@link #GRAMS_COUNTED} of the grams, from the start to the end of the query. */
    private static List<Long> spread(List<Long> grams) {
        if (grams.size() <= GRAMS_COUNTED) {
            return grams;
        }
        List<Long> some = new ArrayList<>(GRAMS_COUNTED);
        for (int i = 0; i < GRAMS_COUNTED; i++) {
            some.add(grams.get(i * (grams.size() - 1) / (GRAMS_COUNTED - 1)));
        }
        return some;
    }

    private boolean complete() {
        if (!complete) {
            Long below = jdbc.queryForObject("select done_below from person_gram_backfill where id = 1", Long.class);
            complete = below != null && below <= 1;
        }
        return complete;
    }

    private void insert(List<UserAccount> people) {
        List<Object[]> rows = new ArrayList<>();
        for (UserAccount person : people) {
            PersonGrams.of(person.getUsernameKey(), person.getDisplayNameKey())
                    .forEach(gram -> rows.add(new Object[] {gram, person.getId()}));
        }
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("insert into person_gram (gram, user_id) values (?, ?)", rows);
        }
    }

    @Scheduled(
            initialDelayString = "${parley.search.backfill-every:PT5S}",
            fixedDelayString = "${parley.search.backfill-every:PT5S}")
    @SchedulerLock(name = LOCK, lockAtMostFor = "PT10M")
    public void run() {
        TermIndexes.workFor(Duration.ofSeconds(3), this::indexNextBatch);
    }

    /** Indexes the next older batch of people; false when everyone is indexed. */
    boolean indexNextBatch() {
        Boolean more = tx.execute(status -> {
            Long below = jdbc.queryForObject(
                    "select done_below from person_gram_backfill where id = 1 for update", Long.class);
            if (below == null || below <= 1) {
                return false;
            }
            List<UserAccount> batch = accounts.findByIdLessThanOrderByIdDesc(below, Limit.of(BATCH));
            long next = batch.isEmpty() ? 0 : batch.getLast().getId();
            if (!batch.isEmpty()) {
                jdbc.update(
                        "delete from person_gram where user_id between ? and ?",
                        next,
                        batch.getFirst().getId());
                insert(batch);
            }
            jdbc.update("update person_gram_backfill set done_below = ? where id = 1", next);
            return next > 1;
        });
        return Boolean.TRUE.equals(more);
    }
}
