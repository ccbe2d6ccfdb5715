package org.parley.groups.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface GroupJoinRequestRepository extends JpaRepository<GroupJoinRequest, Long> {

    Optional<GroupJoinRequest> findByPendingKey(String pendingKey);

    List<GroupJoinRequest> findByGroupIdAndStatusOrderByIdAsc(long groupId, GroupJoinRequest.Status status);

    long countByGroupIdAndStatus(long groupId, GroupJoinRequest.Status status);

    List<GroupJoinRequest> findByUserIdAndStatusAndGroupIdIn(long userId, GroupJoinRequest.Status status,
            Collection<Long> groupIds);
}
