package org.parley.base.service;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What Parley's search indexes in the database share (message terms, people's name grams): a table of
 * (term hash, owner) rows, read through its rarest terms, and filled for older rows by a backfill chore.
 */
public final class TermIndexes {

    private TermIndexes() {}

    /**
     * How many rows of {@code table} hold each term, each counted only up to {@code cap}: one statement, index only.
     * A term no row holds is absent from the answer.
     */
    public static Map<Long, Long> cappedCounts(
            JdbcTemplate jdbc, String table, String termColumn, Collection<Long> terms, int cap) {
        if (terms.isEmpty()) {
            return Map.of();
        }
        String sql = terms.stream()
                .map(term ->
                        "(select " + termColumn + " from " + table + " where " + termColumn + " = ? limit " + cap + ")")
                .collect(Collectors.joining(
                        " union all ", "select " + termColumn + ", count(*) from (", ") t group by " + termColumn));
        Map<Long, Long> counts = new HashMap<>();
        jdbc.query(
                sql,
                row -> {
                    counts.put(row.getLong(1), row.getLong(2));
                },
                List.copyOf(terms).toArray());
        return counts;
    }

    /** A backfill chore's turn: batches for at most {@code budget}; the next turn carries on where this one stopped. */
    public static void workFor(Duration budget, BooleanSupplier nextBatch) {
        long until = System.nanoTime() + budget.toNanos();
        while (System.nanoTime() < until && nextBatch.getAsBoolean()) {
            // next batch
        }
    }
}
