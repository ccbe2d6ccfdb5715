package org.parley.account.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface UserAccountRepository extends JpaRepository<UserAccount, Long> {

    Optional<UserAccount> findByUsernameKey(String usernameKey);

    List<UserAccount> findByUsernameKeyIn(Collection<String> usernameKeys);

    boolean existsByUsernameKey(String usernameKey);

    /** The user names (lower case) matching a LIKE pattern escaped with '!' (TextRules.prefixPattern). */
    @Query("select u.usernameKey from UserAccount u where u.usernameKey like :pattern escape '!'")
    List<String> usernameKeysLike(@Param("pattern") String pattern);

    List<UserAccount> findByIdIn(Collection<Long> ids);

    /** Those of these users who send read receipts: one query. */
    @Query("select u.id from UserAccount u where u.id in :ids and u.readReceipts = true")
    List<Long> findReadReceiptSenders(@Param("ids") Collection<Long> ids);

    /**
     * The ids of users whose user name or display name contains the pattern, ordered by user name, starting after
     * {@code afterKey} (keyset paging). Only ids: the lower-case name columns and the id are all in
     * ix_user_account_search, which gives the order too (user names are unique, so adding the display name to the
     * order changes nothing but the index chosen), so the database tests every name without reading a row.
     */
    @Query("""
            select u.id from UserAccount u
            where (u.usernameKey like :pattern escape '!' or u.displayNameKey like :pattern escape '!')
              and u.usernameKey > :afterKey and u.id <> :excludedId
            order by u.usernameKey, u.displayNameKey""")
    List<Long> searchIds(
            @Param("pattern") String pattern,
            @Param("afterKey") String afterKey,
            @Param("excludedId") long excludedId,
            Limit limit);

    /** The next batch of people below {@code id}, newest first (people search's backfill). */
    List<UserAccount> findByIdLessThanOrderByIdDesc(long id, Limit limit);
}
