package org.parley.groups.domain;

import org.springframework.data.jpa.repository.JpaRepository;

public interface GroupAvatarRepository extends JpaRepository<GroupAvatar, Long> {}
