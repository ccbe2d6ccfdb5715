package org.parley.groups.ui;

import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.i18n.I18NProvider;
import java.time.Duration;
import java.util.Set;
import org.parley.account.service.UserSummary;
import org.parley.base.ui.Actions;
import org.parley.base.ui.Words;
import org.parley.groups.service.GroupMemberView;
import org.parley.groups.service.GroupModeration;
import org.parley.groups.service.MemberAction;

/** The "⋮" menu beside a member: what the service says the caller may do to them, nothing else. */
final class MemberMenu {

    private MemberMenu() {}

    static MenuBar of(GroupMemberView member, long groupId, GroupModeration moderation, PanelActs acts) {
        Set<MemberAction> may = member.callerMay();
        UserSummary user = member.user();
        MenuBar menu = new MenuBar();
        menu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE, MenuBarVariant.LUMO_ICON);
        MenuItem more = menu.addItem(VaadinIcon.ELLIPSIS_DOTS_V.create());
        more.setAriaLabel(I18NProvider.translate("groups.member.actions", Words.of(user.shownName())));
        SubMenu sub = more.getSubMenu();
        if (may.contains(MemberAction.MUTE)) {
            SubMenu mute =
                    sub.addItem(I18NProvider.translate("groups.member.mute")).getSubMenu();
            String title = I18NProvider.translate("groups.member.mute-who", Words.of(user.shownName()));
            mute.addItem(
                    I18NProvider.translate("groups.member.for-10-minutes"),
                    c -> acts.withReason(
                            title, reason -> moderation.mute(groupId, user.id(), Duration.ofMinutes(10), reason)));
            mute.addItem(
                    I18NProvider.translate("groups.member.for-1-hour"),
                    c -> acts.withReason(
                            title, reason -> moderation.mute(groupId, user.id(), Duration.ofHours(1), reason)));
            mute.addItem(
                    I18NProvider.translate("groups.member.for-1-day"),
                    c -> acts.withReason(
                            title, reason -> moderation.mute(groupId, user.id(), Duration.ofDays(1), reason)));
            mute.addItem(
                    I18NProvider.translate("groups.member.until-lifted"),
                    c -> acts.withReason(title, reason -> moderation.mute(groupId, user.id(), null, reason)));
        }
        if (may.contains(MemberAction.UNMUTE)) {
            sub.addItem(
                    I18NProvider.translate("groups.member.lift-mute"),
                    c -> acts.act(() -> moderation.unmute(groupId, user.id())));
        }
        if (may.contains(MemberAction.REMOVE)) {
            sub.addItem(
                    I18NProvider.translate("groups.member.remove"),
                    c -> acts.withReason(
                            I18NProvider.translate("groups.member.remove-who", Words.of(user.shownName())),
                            reason -> moderation.removeMember(groupId, user.id(), reason)));
        }
        if (may.contains(MemberAction.BAN)) {
            sub.addItem(
                    I18NProvider.translate("groups.member.ban"),
                    c -> acts.withReason(
                            I18NProvider.translate("groups.member.ban-who", Words.of(user.shownName())),
                            reason -> moderation.ban(groupId, user.id(), reason)));
        }
        if (may.contains(MemberAction.APPOINT)) {
            sub.addItem(
                    I18NProvider.translate("groups.member.appoint"),
                    c -> acts.act(() -> moderation.appoint(groupId, user.id())));
        }
        if (may.contains(MemberAction.DISMISS)) {
            sub.addItem(
                    I18NProvider.translate("groups.member.dismiss"),
                    c -> acts.act(() -> moderation.dismiss(groupId, user.id())));
        }
        if (may.contains(MemberAction.HAND_OVER)) {
            sub.addItem(
                    I18NProvider.translate("groups.member.hand-over"),
                    c -> Actions.confirm(
                            I18NProvider.translate("groups.member.hand-over-question", Words.of(user.shownName())),
                            I18NProvider.translate("groups.member.hand-over-detail"),
                            I18NProvider.translate("groups.member.hand-over-confirm"),
                            false,
                            () -> acts.act(() -> moderation.handOver(groupId, user.id()))));
        }
        return menu;
    }
}
