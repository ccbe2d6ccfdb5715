package org.parley.groups.ui;

import com.vaadin.flow.i18n.I18NProvider;
import java.util.Locale;
import org.parley.groups.domain.ChatGroup;
import org.parley.groups.domain.GroupMember;

/** The words the group views use for policies and roles, kept in one place. */
final class GroupLabels {

    private GroupLabels() {}

    static String policy(ChatGroup.JoinPolicy policy) {
        return I18NProvider.translate("groups.policy." + key(policy));
    }

    static String policyHint(ChatGroup.JoinPolicy policy) {
        return I18NProvider.translate("groups.policy." + key(policy) + "-hint");
    }

    static String role(GroupMember.Role role) {
        return I18NProvider.translate("groups.role." + role.name().toLowerCase(Locale.ROOT));
    }

    private static String key(ChatGroup.JoinPolicy policy) {
        return policy.name().toLowerCase(Locale.ROOT);
    }
}
