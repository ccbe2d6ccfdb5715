package org.parley.administration.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One act of a server administrator, kept for good: who, what, to whom or which group, when. */
@Entity
@Table(name = "server_admin_log")
public class ServerAdminLogEntry {

    public enum Action {
        DISABLED,
        ENABLED,
        PASSWORD_RESET,
        MADE_ADMINISTRATOR,
        UNMADE_ADMINISTRATOR,
        GROUP_DELETED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private Instant at;

    @Column(name = "administrator_id", nullable = false)
    private long administratorId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    private Action action;

    @Column(name = "subject_user_id")
    private Long subjectUserId;

    @Column(name = "subject_group_id")
    private Long subjectGroupId;

    /** The person's user name or the group's name as it was then. */
    @Column(name = "subject_name", nullable = false, length = 64)
    private String subjectName;

    protected ServerAdminLogEntry() {}

    public ServerAdminLogEntry(
            Instant at,
            long administratorId,
            Action action,
            Long subjectUserId,
            Long subjectGroupId,
            String subjectName) {
        this.at = at;
        this.administratorId = administratorId;
        this.action = action;
        this.subjectUserId = subjectUserId;
        this.subjectGroupId = subjectGroupId;
        this.subjectName = subjectName;
    }

    public Long getId() {
        return id;
    }

    public Instant getAt() {
        return at;
    }

    public long getAdministratorId() {
        return administratorId;
    }

    public Action getAction() {
        return action;
    }

    public Long getSubjectUserId() {
        return subjectUserId;
    }

    public Long getSubjectGroupId() {
        return subjectGroupId;
    }

    public String getSubjectName() {
        return subjectName;
    }
}
