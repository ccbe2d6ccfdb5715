package org.parley.groups.ui;

import org.parley.groups.domain.ChatGroup;
import org.parley.groups.domain.GroupMember;

/** The words the group views use for policies and roles, kept in one place. */
final class GroupLabels {

    private GroupLabels() {}

    static String policy(ChatGroup.JoinPolicy policy) {
        return switch (policy) {
            case OPEN -> "Open";
            case APPROVAL -> "Approval";
            case INVITATION -> "Invitation only";
        };
    }

    static String policyHint(ChatGroup.JoinPolicy policy) {
        return switch (policy) {
            case OPEN -> "Anyone can join at once";
            case APPROVAL -> "An administrator approves each request";
            case INVITATION -> "Only administrators add people";
        };
    }

    static String role(GroupMember.Role role) {
        return switch (role) {
            case OWNER -> "Owner";
            case ADMIN -> "Admin";
            case MEMBER -> "Member";
        };
    }
}
