package org.parley.groups.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface GroupBanRepository extends JpaRepository<GroupBan, Long> {

    Optional<GroupBan> findByGroupIdAndUserId(long groupId, long userId);

    boolean existsByGroupIdAndUserId(long groupId, long userId);

    List<GroupBan> findByUserIdAndGroupIdIn(long userId, Collection<Long> groupIds);

    List<GroupBan> findByGroupIdOrderByIdDesc(long groupId);
}
