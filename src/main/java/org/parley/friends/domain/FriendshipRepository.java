package org.parley.friends.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface FriendshipRepository extends JpaRepository<Friendship, Long> {

    Optional<Friendship> findByUserLowAndUserHigh(long userLow, long userHigh);

    @Query("select f from Friendship f where f.userLow = :userId or f.userHigh = :userId")
    List<Friendship> findAllOf(@Param("userId") long userId);

    @Query("""
            select f from Friendship f
            where (f.userLow = :userId and f.userHigh in :others) or (f.userHigh = :userId and f.userLow in :others)""")
    List<Friendship> findBetween(@Param("userId") long userId, @Param("others") Collection<Long> others);
}
