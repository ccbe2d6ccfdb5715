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

    boolean existsByUsernameKey(String usernameKey);

    List<UserAccount> findByIdIn(Collection<Long> ids);

    /** Those of these users who send read receipts: one query. */
    @Query("select u.id from UserAccount u where u.id in :ids and u.readReceipts = true")
    List<Long> findReadReceiptSenders(@Param("ids") Collection<Long> ids);

    /**
     * Users whose user name or display name contains the pattern, ordered by user name, starting after
     * {@code afterKey} (keyset paging). Both columns are indexed lower-case copies.
     */
    @Query("""
            select u from UserAccount u
            where (u.usernameKey like :pattern escape '!' or u.displayNameKey like :pattern escape '!')
              and u.usernameKey > :afterKey and u.id <> :excludedId
            order by u.usernameKey""")
    List<UserAccount> search(
            @Param("pattern") String pattern,
            @Param("afterKey") String afterKey,
            @Param("excludedId") long excludedId,
            Limit limit);
}
