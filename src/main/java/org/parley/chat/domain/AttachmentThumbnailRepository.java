package org.parley.chat.domain;

import org.springframework.data.jpa.repository.JpaRepository;

public interface AttachmentThumbnailRepository extends JpaRepository<AttachmentThumbnail, Long> {}
