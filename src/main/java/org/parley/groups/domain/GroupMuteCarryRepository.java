package org.parley.groups.domain;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface GroupMuteCarryRepository extends JpaRepository<GroupMuteCarry, GroupMuteCarry.Key> {
    List<GroupMuteCarry> findByGroupId(long groupId);
}
