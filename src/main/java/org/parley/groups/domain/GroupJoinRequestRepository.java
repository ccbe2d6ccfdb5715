package org.parley.groups.domain;

import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface GroupJoinRequestRepository extends JpaRepository<GroupJoinRequest, Long> {

    Optional<GroupJoinRequest> findByPendingKey(String pendingKey);

    /** The request, locked: of two administrators answering it at once, the second finds it answered. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from GroupJoinRequest r where r.id = :id")
    Optional<GroupJoinRequest> lockById(@Param("id") long id);

    List<GroupJoinRequest> findByGroupIdAndStatusOrderByIdAsc(long groupId, GroupJoinRequest.Status status);

    long countByGroupIdAndStatus(long groupId, GroupJoinRequest.Status status);

    List<GroupJoinRequest> findByGroupId(long groupId);

    /** Requests waiting in every group the user administers: one query for the navigation badge. */
    @Query("""
            select count(r) from GroupJoinRequest r, GroupMember m
            where r.status = 'PENDING' and m.groupId = r.groupId and m.userId = :userId and m.role in ('OWNER', 'ADMIN')""")
    long countPendingForAdministrator(@Param("userId") long userId);

    List<GroupJoinRequest> findByUserIdAndStatusAndGroupIdIn(
            long userId, GroupJoinRequest.Status status, Collection<Long> groupIds);
}
