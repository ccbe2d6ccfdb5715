package org.parley.friends.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface UserBlockRepository extends JpaRepository<UserBlock, Long> {

    Optional<UserBlock> findByBlockerIdAndBlockedId(long blockerId, long blockedId);

    boolean existsByBlockerIdAndBlockedId(long blockerId, long blockedId);

    List<UserBlock> findByBlockerIdOrderByIdDesc(long blockerId);

    /** Every block {@code userId} made or is under: one statement. */
    @org.springframework.data.jpa.repository.Modifying
    @Query("delete from UserBlock b where b.blockerId = :userId or b.blockedId = :userId")
    int deleteAllOf(@Param("userId") long userId);

    @Query("""
            select b from UserBlock b
            where (b.blockerId = :userId and b.blockedId in :others) or (b.blockedId = :userId and b.blockerId in :others)""")
    List<UserBlock> findBetween(@Param("userId") long userId, @Param("others") Collection<Long> others);
}
