package org.parley.friends.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import org.parley.account.service.UserSummary;
import org.parley.base.service.CurrentUser;
import org.parley.base.service.LiveEvents;
import org.parley.base.ui.EmptyState;
import org.parley.base.ui.LiveUpdates;
import org.parley.base.ui.ViewHeader;
import org.parley.friends.service.FriendService;
import org.parley.friends.service.FriendsChanged;
import org.parley.friends.service.PendingRequest;
import org.parley.friends.service.PersonResult;
import org.parley.friends.service.Relationship;

/** Your friends, the requests waiting on either side, and whom you blocked; kept live. */
@Route("friends")
@PermitAll
public class FriendsView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final FriendService friends;
    private final TabSheet tabs = new TabSheet();
    private final Tab friendsTab;
    private final Tab requestsTab;
    private final Tab blockedTab;
    final Div friendList = new Div();
    final Div requestList = new Div();
    final Div blockedList = new Div();

    public FriendsView(FriendService friends, LiveEvents liveEvents, CurrentUser currentUser) {
        this.friends = friends;
        addClassNames("page", "friends-page");
        friendList.addClassName("list");
        friendList.setTestId("friend-list");
        requestList.addClassName("list");
        requestList.setTestId("request-list");
        blockedList.addClassName("list");
        blockedList.setTestId("blocked-list");
        friendsTab = tabs.add(getTranslation("friends.tab.friends"), friendList);
        requestsTab = tabs.add(getTranslation("friends.tab.requests"), requestList);
        blockedTab = tabs.add(getTranslation("friends.tab.blocked"), blockedList);
        requestsTab.setId("requests-tab");
        tabs.setWidthFull();
        add(new ViewHeader(getTranslation("friends.heading"), getTranslation("friends.subtitle")), tabs);
        refresh();
        LiveUpdates.bind(this, liveEvents, currentUser.requireId(), event -> {
            if (event instanceof FriendsChanged) {
                refresh();
            }
        });
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (event.getLocation().getQueryParameters().getParameters().containsKey("requests")) {
            tabs.setSelectedTab(requestsTab);
        }
    }

    void refresh() {
        List<UserSummary> all = friends.friends();
        friendList.removeAll();
        if (all.isEmpty()) {
            friendList.add(new EmptyState(
                    VaadinIcon.USERS,
                    getTranslation("friends.empty"),
                    getTranslation("friends.empty-detail"),
                    findPeopleButton()));
        }
        byName(all, getLocale())
                .forEach(user -> friendList.add(row(new PersonResult(user, Relationship.FRIEND, null), null)));
        friendsTab.setLabel(counted("friends.tab.friends", all.size()));

        List<PendingRequest> incoming = friends.incomingRequests();
        List<PendingRequest> outgoing = friends.outgoingRequests();
        requestList.removeAll();
        if (incoming.isEmpty() && outgoing.isEmpty()) {
            requestList.add(new EmptyState(
                    VaadinIcon.ENVELOPE_O,
                    getTranslation("friends.requests.empty"),
                    getTranslation("friends.requests.empty-detail")));
        }
        section(requestList, getTranslation("friends.requests.received"), incoming, Relationship.REQUEST_RECEIVED);
        section(requestList, getTranslation("friends.requests.sent"), outgoing, Relationship.REQUEST_SENT);
        requestsTab.setLabel(counted("friends.tab.requests", incoming.size()));

        List<UserSummary> blocked = friends.blockedUsers();
        blockedList.removeAll();
        if (blocked.isEmpty()) {
            blockedList.add(new EmptyState(
                    VaadinIcon.BAN,
                    getTranslation("friends.blocked.empty"),
                    getTranslation("friends.blocked.empty-detail")));
        }
        blocked.forEach(user -> blockedList.add(row(new PersonResult(user, Relationship.BLOCKED, null), null)));
        blockedTab.setLabel(counted("friends.tab.blocked", blocked.size()));
    }

    /** People in the reader's alphabetical order: in Chinese by pinyin ("安琪", "李娜", "张伟"). */
    static List<UserSummary> byName(List<UserSummary> people, java.util.Locale language) {
        java.text.Collator order = java.text.Collator.getInstance(language);
        return people.stream()
                .sorted(java.util.Comparator.comparing(UserSummary::displayName, order))
                .toList();
    }

    /** A tab's name, with how many it holds when there are any: "Requests (2)". */
    private String counted(String key, int count) {
        return count == 0 ? getTranslation(key) : getTranslation("friends.tab.counted", getTranslation(key), count);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("friends.title");
    }

    private void section(Div list, String title, List<PendingRequest> requests, Relationship relationship) {
        if (requests.isEmpty()) {
            return;
        }
        H4 heading = new H4(title);
        heading.addClassName("list-heading");
        list.add(heading);
        requests.forEach(r -> list.add(row(new PersonResult(r.other(), relationship, r.id()), r.note())));
    }

    private Component row(PersonResult person, String note) {
        return new PersonRow(person, note, friends, this::refresh);
    }

    private Button findPeopleButton() {
        Button button = new Button(
                getTranslation("navigation.people"),
                VaadinIcon.SEARCH.create(),
                click -> UI.getCurrent().navigate(PeopleView.class));
        button.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.LUMO_PRIMARY);
        return button;
    }
}
