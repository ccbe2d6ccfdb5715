package org.parley.groups.domain;

import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface GroupAdminLogRepository extends JpaRepository<GroupAdminLogEntry, Long> {

    List<GroupAdminLogEntry> findByGroupId(long groupId);

    /** Newest first, before {@code beforeId} (keyset). */
    @Query("select e from GroupAdminLogEntry e where e.groupId = :groupId and e.id < :beforeId order by e.id desc")
    List<GroupAdminLogEntry> page(@Param("groupId") long groupId, @Param("beforeId") long beforeId, Limit limit);
}
