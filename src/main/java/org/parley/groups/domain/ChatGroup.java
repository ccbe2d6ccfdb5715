package org.parley.groups.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;

/** A group: its conversation, how people get in, and whether only administrators may speak. */
@Entity
@Table(name = "chat_group")
public class ChatGroup {

    public enum JoinPolicy {
        OPEN,
        APPROVAL,
        INVITATION
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 64)
    private String name;

    @Column(name = "name_key", nullable = false, length = 64)
    private String nameKey;

    @Column(length = 500)
    private String description;

    @Column(name = "description_key", length = 500)
    private String descriptionKey;

    @Enumerated(EnumType.STRING)
    @Column(name = "join_policy", nullable = false, length = 16)
    private JoinPolicy joinPolicy;

    @Column(name = "conversation_id", nullable = false)
    private Long conversationId;

    /**
     * Counted in the database by {@link ChatGroupRepository#changeMemberCount}, never written from here:
     * people who join at the same moment are all counted.
     */
    @Column(name = "member_count", nullable = false, updatable = false)
    private int memberCount;

    @Column(name = "muted_all", nullable = false)
    private boolean mutedAll;

    /** Whether members may start temporary (private, non-friend) conversations with each other. */
    @Column(name = "temporary_chats_allowed", nullable = false)
    private boolean temporaryChatsAllowed = true;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** Positive: has a picture (the number is in its address); zero or negative: initials. */
    @Column(name = "avatar_version", nullable = false)
    private int avatarVersion;

    protected ChatGroup() {}

    public ChatGroup(String name, String description, JoinPolicy joinPolicy, long conversationId, Instant createdAt) {
        describe(name, description);
        this.joinPolicy = joinPolicy;
        this.conversationId = conversationId;
        this.createdAt = createdAt;
    }

    public void describe(String name, String description) {
        this.name = name;
        this.nameKey = name.toLowerCase(Locale.ROOT);
        this.description = description;
        this.descriptionKey = description == null ? null : description.toLowerCase(Locale.ROOT);
        if (nameKey.length() > 64) {
            nameKey = nameKey.substring(0, 64);
        }
        if (descriptionKey != null && descriptionKey.length() > 500) {
            descriptionKey = descriptionKey.substring(0, 500);
        }
    }

    public void setJoinPolicy(JoinPolicy joinPolicy) {
        this.joinPolicy = joinPolicy;
    }

    public boolean isTemporaryChatsAllowed() {
        return temporaryChatsAllowed;
    }

    public void setTemporaryChatsAllowed(boolean temporaryChatsAllowed) {
        this.temporaryChatsAllowed = temporaryChatsAllowed;
    }

    public void setMutedAll(boolean mutedAll) {
        this.mutedAll = mutedAll;
    }

    /** What this transaction sees; the stored count changes with {@link ChatGroupRepository#changeMemberCount}. */
    public void membersChanged(int delta) {
        this.memberCount += delta;
    }

    public void avatarChanged(boolean hasAvatar) {
        this.avatarVersion = hasAvatar ? Math.abs(avatarVersion) + 1 : -Math.abs(avatarVersion);
    }

    public int getAvatarVersion() {
        return avatarVersion;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getNameKey() {
        return nameKey;
    }

    public String getDescription() {
        return description;
    }

    public JoinPolicy getJoinPolicy() {
        return joinPolicy;
    }

    public Long getConversationId() {
        return conversationId;
    }

    public int getMemberCount() {
        return memberCount;
    }

    public boolean isMutedAll() {
        return mutedAll;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
