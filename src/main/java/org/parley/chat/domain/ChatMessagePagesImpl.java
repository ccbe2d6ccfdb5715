package org.parley.chat.domain;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.hibernate.dialect.MySQLDialect;
import org.hibernate.engine.spi.SessionFactoryImplementor;

/**
 * The page query, with one database-specific turn: MariaDB's optimizer reads a page deep in a long history as
 * "every message of the conversation newer than the cursor" (a ref lookup on the conversation id, filtering the
 * rest) instead of seeking to the cursor in the same index. In the benchmark (a 1,000,000-message conversation)
 * a page halfway back read 500,050 rows and took about a second; told to use the index as a range, it reads 50.
 */
class ChatMessagePagesImpl implements ChatMessagePages {

    private static final String MARIADB_PAGE = "select * from chat_message force index (ix_message_conversation)"
            + " where conversation_id = ?1 and id < ?2 order by id desc limit ?3";

    private static final String MARIADB_PAGE_AFTER = "select * from chat_message force index (ix_message_conversation)"
            + " where conversation_id = ?1 and id > ?2 order by id limit ?3";

    @PersistenceContext
    private EntityManager entityManager;

    private volatile Boolean mariaDb;

    @Override
    @SuppressWarnings("unchecked")
    public List<ChatMessage> pageBefore(long conversationId, long beforeId, int limit) {
        if (isMariaDb()) {
            return entityManager
                    .createNativeQuery(MARIADB_PAGE, ChatMessage.class)
                    .setParameter(1, conversationId)
                    .setParameter(2, beforeId)
                    .setParameter(3, limit)
                    .getResultList();
        }
        return entityManager
                .createQuery(
                        "select m from ChatMessage m where m.conversationId = :conversationId"
                                + " and m.id < :beforeId order by m.id desc",
                        ChatMessage.class)
                .setParameter("conversationId", conversationId)
                .setParameter("beforeId", beforeId)
                .setMaxResults(limit)
                .getResultList();
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<ChatMessage> pageAfter(long conversationId, long afterId, int limit) {
        if (isMariaDb()) {
            return entityManager
                    .createNativeQuery(MARIADB_PAGE_AFTER, ChatMessage.class)
                    .setParameter(1, conversationId)
                    .setParameter(2, afterId)
                    .setParameter(3, limit)
                    .getResultList();
        }
        return entityManager
                .createQuery(
                        "select m from ChatMessage m where m.conversationId = :conversationId"
                                + " and m.id > :afterId order by m.id",
                        ChatMessage.class)
                .setParameter("conversationId", conversationId)
                .setParameter("afterId", afterId)
                .setMaxResults(limit)
                .getResultList();
    }

    private boolean isMariaDb() {
        if (mariaDb == null) {
            // MariaDBDialect extends MySQLDialect; FORCE INDEX is the same in both.
            mariaDb = entityManager
                            .getEntityManagerFactory()
                            .unwrap(SessionFactoryImplementor.class)
                            .getJdbcServices()
                            .getDialect()
                    instanceof MySQLDialect;
        }
        return mariaDb;
    }
}
