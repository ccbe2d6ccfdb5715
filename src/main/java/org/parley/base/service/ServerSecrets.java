package org.parley.base.service;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Secrets shared by every node of one installation, kept in the database ({@code server_secret}): nothing to
 * configure and copy between nodes. The first node that asks for one makes it (256 random bits); a node racing it
 * finds the row taken and reads the winner's.
 */
@Service
public class ServerSecrets {

    private static final SecureRandom random = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    ServerSecrets(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** The secret called {@code name}, made now if this installation has none yet. */
    public String named(String name) {
        String existing = read(name);
        if (existing != null) {
            return existing;
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        try {
            transactions.executeWithoutResult(status -> jdbc.update(
                    "insert into server_secret (name, secret) values (?, ?)",
                    name,
                    HexFormat.of().formatHex(bytes)));
        } catch (DataIntegrityViolationException anotherNodeWasFirst) {
            // read below
        }
        return read(name);
    }

    private String read(String name) {
        List<String> found = transactions.execute(
                status -> jdbc.queryForList("select secret from server_secret where name = ?", String.class, name));
        return found == null || found.isEmpty() ? null : found.getFirst();
    }
}
