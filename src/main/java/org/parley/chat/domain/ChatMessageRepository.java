package org.parley.chat.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ChatMessageRepository extends JpaRepository<ChatMessage, Long>, ChatMessagePages {

    List<ChatMessage> findByIdIn(Collection<Long> ids);

    /** The sender's message with this client-made id, if any: one lookup on the (sender_id, client_id) index. */
    Optional<ChatMessage> findBySenderIdAndClientId(long senderId, String clientId);
}
