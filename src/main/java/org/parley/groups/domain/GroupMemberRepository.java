package org.parley.groups.domain;

import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface GroupMemberRepository extends JpaRepository<GroupMember, Long> {

    Optional<GroupMember> findByGroupIdAndUserId(long groupId, long userId);

    List<GroupMember> findByGroupId(long groupId);

    List<GroupMember> findByUserId(long userId);

    /** The longest-serving members of a group in a role, other than {@code userId} (a group's next owner). */
    List<GroupMember> findByGroupIdAndRoleAndUserIdNotOrderByJoinedAtAscIdAsc(
            long groupId, GroupMember.Role role, long userId, org.springframework.data.domain.Limit limit);

    List<GroupMember> findByUserIdAndGroupIdIn(long userId, Collection<Long> groupIds);

    @Query("select m.userId from GroupMember m where m.groupId = :groupId and m.role in ('OWNER', 'ADMIN')")
    List<Long> administratorIds(@Param("groupId") long groupId);

    /** Whether two people are both members of a group that allows temporary conversations. */
    @Query("""
            select count(a) > 0 from GroupMember a, GroupMember b, ChatGroup g
            where a.userId = :first and b.userId = :second and b.groupId = a.groupId and g.id = a.groupId
            and g.temporaryChatsAllowed = true""")
    boolean shareGroupAllowingTemporaryChats(@Param("first") long first, @Param("second") long second);

    /** The acting administrator's row, locked, so that two admins acting at once are serialised. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select m from GroupMember m where m.groupId = :groupId and m.userId = :userId")
    Optional<GroupMember> lockMembership(@Param("groupId") long groupId, @Param("userId") long userId);
}
