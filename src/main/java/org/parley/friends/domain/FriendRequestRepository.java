package org.parley.friends.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface FriendRequestRepository extends JpaRepository<FriendRequest, Long> {

    Optional<FriendRequest> findByPendingKey(String pendingKey);

    List<FriendRequest> findByRecipientIdAndStatusOrderByCreatedAtDesc(long recipientId, FriendRequest.Status status);

    List<FriendRequest> findBySenderIdAndStatusOrderByCreatedAtDesc(long senderId, FriendRequest.Status status);

    Optional<FriendRequest> findFirstBySenderIdAndRecipientIdAndStatusOrderByAnsweredAtDesc(
            long senderId, long recipientId, FriendRequest.Status status);

    long countByRecipientIdAndStatus(long recipientId, FriendRequest.Status status);

    /** Every pending request {@code userId} sent or received. */
    @Query(
            "select r from FriendRequest r where r.status = 'PENDING' and (r.senderId = :userId or r.recipientId = :userId)")
    List<FriendRequest> findPendingOf(@Param("userId") long userId);

    /** Pending requests between {@code userId} and any of {@code others}, in either direction. */
    @Query("""
            select r from FriendRequest r where r.status = 'PENDING' and
              ((r.senderId = :userId and r.recipientId in :others) or (r.recipientId = :userId and r.senderId in :others))""")
    List<FriendRequest> findPendingBetween(@Param("userId") long userId, @Param("others") Collection<Long> others);
}
