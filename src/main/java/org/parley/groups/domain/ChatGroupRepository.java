package org.parley.groups.domain;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface ChatGroupRepository extends JpaRepository<ChatGroup, Long> {

    Optional<ChatGroup> findByConversationId(long conversationId);

    /** Adds {@code delta} to the member count in one statement, so that concurrent joins are all counted. */
    @Modifying
    @Query("update ChatGroup g set g.memberCount = g.memberCount + :delta where g.id = :groupId")
    int changeMemberCount(@Param("groupId") long groupId, @Param("delta") int delta);

    List<ChatGroup> findByConversationIdIn(java.util.Collection<Long> conversationIds);

    /** Groups whose name or description contains the pattern, by name then id, after the given key. */
    @Query("""
            select g from ChatGroup g
            where (g.nameKey like :pattern escape '!' or g.descriptionKey like :pattern escape '!')
              and (g.nameKey > :afterName or (g.nameKey = :afterName and g.id > :afterId))
            order by g.nameKey, g.id""")
    List<ChatGroup> search(
            @Param("pattern") String pattern,
            @Param("afterName") String afterName,
            @Param("afterId") long afterId,
            Limit limit);
}
