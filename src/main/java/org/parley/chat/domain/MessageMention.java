package org.parley.chat.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;

/** A person a group message names ("@ann"): a reference by id, so a new display name shows in old messages too. */
@Entity
@Table(name = "message_mention")
@IdClass(MessageMention.Key.class)
public class MessageMention {

    public record Key(Long messageId, Long userId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "message_id")
    private Long messageId;

    @Id
    @Column(name = "user_id")
    private Long userId;

    @Column(name = "conversation_id", nullable = false)
    private Long conversationId;

    protected MessageMention() {}

    public MessageMention(long messageId, long userId, long conversationId) {
        this.messageId = messageId;
        this.userId = userId;
        this.conversationId = conversationId;
    }

    public Long getMessageId() {
        return messageId;
    }

    public Long getUserId() {
        return userId;
    }
}
