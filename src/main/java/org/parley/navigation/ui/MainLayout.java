package org.parley.navigation.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.avatar.AvatarVariant;
import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import org.parley.account.service.AccountService;
import org.parley.account.service.UserSummary;
import org.parley.account.ui.ColorSchemes;
import org.parley.account.ui.OnlinePresence;
import org.parley.account.ui.ProfileView;
import org.parley.account.ui.UserAvatars;
import org.parley.administration.service.AdministrationLists;
import org.parley.administration.ui.AdministrationView;
import org.parley.base.service.CurrentUser;
import org.parley.base.service.LiveEvents;
import org.parley.base.ui.LiveUpdates;
import org.parley.base.ui.Toasts;
import org.parley.base.ui.Words;
import org.parley.chat.service.ConversationNotifications;
import org.parley.chat.service.ConversationOverview;
import org.parley.chat.service.ConversationRead;
import org.parley.chat.service.MessagePosted;
import org.parley.chat.service.NotificationsMuted;
import org.parley.chat.service.ReadMarkers;
import org.parley.chat.ui.BackgroundNotifier;
import org.parley.chat.ui.ChatView;
import org.parley.chat.ui.NotificationChoices;
import org.parley.chat.ui.NotificationPrompt;
import org.parley.chat.ui.TabUnread;
import org.parley.friends.service.FriendService;
import org.parley.friends.service.FriendsChanged;
import org.parley.friends.ui.FriendsView;
import org.parley.friends.ui.PeopleView;
import org.parley.groups.service.GroupChanged;
import org.parley.groups.service.GroupRequests;
import org.parley.groups.service.GroupService;
import org.parley.groups.ui.GroupsView;

/**
 * The frame around every signed-in page: navigation with live badges (unread messages, friend
 * requests waiting), who is signed in, and sign-out. Incoming requests and answers pop up as toasts.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    private final FriendService friends;
    private final TabUnread unread;
    private long shownUnread = -1;
    private final long me;
    private final Badge unreadBadge = new Badge();
    private final Badge requestBadge = new Badge();
    private final Badge groupRequestBadge = new Badge();
    private final GroupService groups;
    private final GroupRequests groupRequests;
    private final Span pageTitle = new Span();
    private final BackgroundNotifier notifier;

    /** Parley's page scripts (src/main/resources/META-INF/resources/scripts/parley.js), served as they are. */
    public static final String PAGE_SCRIPTS = "context://scripts/parley.js";

    public MainLayout(
            ReadMarkers readMarkers,
            FriendService friends,
            GroupService groups,
            GroupRequests groupRequests,
            AccountService accounts,
            OnlinePresence presence,
            LiveEvents liveEvents,
            CurrentUser currentUser,
            AuthenticationContext authentication,
            ConversationNotifications notifications,
            ConversationOverview overview,
            AdministrationLists administration) {
        this.groups = groups;
        this.groupRequests = groupRequests;
        this.friends = friends;
        this.me = currentUser.requireId();
        // The page's own scripts, once per page (before any executeJs that calls them).
        UI.getCurrent().getPage().addJavaScript(PAGE_SCRIPTS);
        ColorSchemes.apply(UI.getCurrent().getPage(), accounts.colorScheme());
        setPrimarySection(Section.DRAWER);

        var logo = VaadinIcon.CHAT.create();
        logo.addClassName("brand-icon");
        Span name = new Span("Parley");
        name.addClassName("brand-name");
        Div brand = new Div(logo, name);
        brand.addClassName("brand");

        SideNav nav = new SideNav();
        nav.addClassName("main-nav");
        SideNavItem chats =
                new SideNavItem(getTranslation("navigation.chats"), ChatView.class, VaadinIcon.COMMENTS.create());
        chats.setMatchNested(true);
        chats.setSuffixComponent(unreadBadge);
        SideNavItem people =
                new SideNavItem(getTranslation("navigation.people"), PeopleView.class, VaadinIcon.SEARCH.create());
        SideNavItem friendsItem =
                new SideNavItem(getTranslation("navigation.friends"), FriendsView.class, VaadinIcon.USERS.create());
        friendsItem.setSuffixComponent(requestBadge);
        SideNavItem groupsItem =
                new SideNavItem(getTranslation("navigation.groups"), GroupsView.class, VaadinIcon.GROUP.create());
        groupsItem.setSuffixComponent(groupRequestBadge);
        SideNavItem profile =
                new SideNavItem(getTranslation("navigation.profile"), ProfileView.class, VaadinIcon.USER.create());
        nav.addItem(chats, people, friendsItem, groupsItem, profile);
        if (administration.amAdministrator()) {
            nav.addItem(new SideNavItem(
                    getTranslation("navigation.administration"), AdministrationView.class, VaadinIcon.COG.create()));
        }
        groupRequestBadge.getElement().getThemeList().add("error pill small");
        groupRequestBadge.setTestId("nav-group-requests");
        unreadBadge.getElement().getThemeList().add("primary pill small");
        unreadBadge.setTestId("nav-unread");
        requestBadge.getElement().getThemeList().add("error pill small");
        requestBadge.setTestId("nav-requests");

        UserSummary user = accounts.me();
        presence.markOnline(this, user.id());
        Div who = UserAvatars.identity(user);
        who.getChildren()
                .findFirst()
                .ifPresent(avatar ->
                        ((com.vaadin.flow.component.avatar.Avatar) avatar).addThemeVariants(AvatarVariant.LUMO_SMALL));
        Button signOut = new Button(
                getTranslation("navigation.sign-out"), VaadinIcon.SIGN_OUT.create(), click -> authentication.logout());
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        signOut.setTestId("sign-out");
        Button notificationChoices = new Button(
                getTranslation("navigation.notifications"),
                VaadinIcon.BELL_O.create(),
                click -> new NotificationChoices().open());
        notificationChoices.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        notificationChoices.setTestId("notification-choices");
        Div account = new Div(who, new Div(notificationChoices, signOut));
        account.addClassName("drawer-account");

        addToDrawer(brand, new Scroller(nav), new NotificationPrompt(), account);
        pageTitle.addClassName("navbar-title");
        DrawerToggle drawerToggle = new DrawerToggle();
        drawerToggle.setAriaLabel(getTranslation("navigation.toggle"));
        addToNavbar(drawerToggle, pageTitle);

        unread = TabUnread.of(UI.getCurrent(), readMarkers);
        unread.onChange(this::showUnread);
        showUnread();
        // The tab's title leads with the unread total, "(3) Chats · Parley", read off the Chats badge in the page.
        unreadBadge.getElement().executeJs("parley.unreadInTitle(this)");
        notifier = new BackgroundNotifier(this, notifications, overview, me);

        // Subscribed before the counts are read: an event committed in between waits, and is taken in after.
        LiveUpdates.bind(this, liveEvents, me, event -> {
            switch (event) {
                case MessagePosted posted -> {
                    unread.apply(posted);
                    notifier.posted(posted);
                }
                case NotificationsMuted muted -> notifier.mutedChanged(muted);
                case ConversationRead read -> unread.apply(read);
                case FriendsChanged changed -> {
                    refreshBadges();
                    announce(changed);
                }
                case GroupChanged changed -> {
                    // Joined, left or removed: which conversations count may have changed.
                    unread.reload();
                    notifier.groupsChanged();
                    refreshBadges();
                    announce(changed);
                }
                default -> {}
            }
        });
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        pageTitle.setText(
                switch (getContent()) {
                    case ChatView chat -> getTranslation("navigation.chats");
                    case PeopleView people -> getTranslation("navigation.people");
                    case FriendsView friendsView -> getTranslation("navigation.friends");
                    case GroupsView groupsView -> getTranslation("navigation.groups");
                    case ProfileView profile -> getTranslation("navigation.profile");
                    case AdministrationView administrationView -> getTranslation("navigation.administration");
                    case null, default -> "";
                });
        // Friend and group requests may have changed on another page (answering one there, say).
        refreshBadges();
    }

    /** The Chats badge follows the tab's unread counts, in memory: no query per message. */
    private void showUnread() {
        long total = unread.counts().total();
        if (total != shownUnread) {
            shownUnread = total;
            show(unreadBadge, total);
        }
    }

    private void refreshBadges() {
        show(requestBadge, friends.incomingRequestCount());
        show(groupRequestBadge, groupRequests.pendingRequestsForMe());
    }

    private static void show(Badge badge, long count) {
        badge.setText(count > 99 ? "99+" : String.valueOf(count));
        badge.setVisible(count > 0);
    }

    /** Tells a person at once what administrators decided about them. */
    private void announce(GroupChanged changed) {
        if (changed.subjectUserId() == null || changed.subjectUserId() != me) {
            return;
        }
        String group = groups.group(changed.groupId()).name();
        switch (changed.kind()) {
            case JOINED -> Toasts.success(getTranslation("navigation.group.joined", group));
            case REJECTED -> Toasts.info(getTranslation("navigation.group.rejected", group));
            case REMOVED -> Toasts.info(getTranslation("navigation.group.removed", group));
            case BANNED -> Toasts.error(getTranslation("navigation.group.banned", group));
            case MUTED -> Toasts.error(getTranslation("navigation.group.muted", group));
            case UNMUTED -> Toasts.success(getTranslation("navigation.group.unmuted", group));
            default -> {}
        }
    }

    private void announce(FriendsChanged changed) {
        if (changed.actor().id() == me) {
            return;
        }
        String who = Words.of(changed.actor().shownName());
        switch (changed.kind()) {
            case REQUEST_SENT -> Toasts.info(getTranslation("navigation.friend.request", who));
            case REQUEST_ACCEPTED -> Toasts.success(getTranslation("navigation.friend.accepted", who));
            default -> {}
        }
    }
}
