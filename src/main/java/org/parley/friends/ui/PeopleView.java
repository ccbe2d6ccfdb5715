package org.parley.friends.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.List;
import org.parley.base.service.CurrentUser;
import org.parley.base.service.LiveEvents;
import org.parley.base.ui.EmptyState;
import org.parley.base.ui.LiveUpdates;
import org.parley.base.ui.ViewHeader;
import org.parley.friends.service.FriendService;
import org.parley.friends.service.FriendsChanged;
import org.parley.friends.service.PersonResult;

/** Find people by name and befriend them. */
@Route("people")
@PageTitle("Find people · Parley")
@PermitAll
public class PeopleView extends Div {

    static final int PAGE = 20;

    private final FriendService friends;
    final TextField search = new TextField();
    private final Div results = new Div();
    final Button more = new Button("Show more");
    private final List<PersonResult> shown = new ArrayList<>();
    private boolean hasMore;

    public PeopleView(FriendService friends, LiveEvents liveEvents, CurrentUser currentUser) {
        this.friends = friends;
        addClassNames("page", "people-page");
        search.setPlaceholder("Search by name or user name");
        search.setAriaLabel("Search people");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setValueChangeTimeout(250);
        search.setWidthFull();
        search.setTestId("people-search");
        search.addValueChangeListener(change -> runSearch());
        results.addClassName("list");
        results.setTestId("people-results");
        more.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        more.addClickListener(click -> loadMore());
        more.setTestId("people-more");
        add(
                new ViewHeader("Find people", "Search everyone on Parley and send a friend request."),
                search,
                results,
                more);
        render();
        LiveUpdates.bind(this, liveEvents, currentUser.requireId(), event -> {
            if (event instanceof FriendsChanged) {
                refreshShown();
            }
        });
    }

    private void runSearch() {
        shown.clear();
        loadMore();
    }

    private void loadMore() {
        String after = shown.isEmpty() ? null : shown.getLast().user().username();
        List<PersonResult> page = friends.searchPeople(search.getValue(), after, PAGE + 1);
        hasMore = page.size() > PAGE;
        shown.addAll(hasMore ? page.subList(0, PAGE) : page);
        render();
    }

    /** Re-reads the people already listed, so their status and actions stay true. */
    private void refreshShown() {
        if (shown.isEmpty()) {
            return;
        }
        int count = shown.size();
        List<PersonResult> fresh = friends.searchPeople(search.getValue(), null, count);
        shown.clear();
        shown.addAll(fresh);
        render();
    }

    private void render() {
        results.removeAll();
        if (search.getValue().isBlank()) {
            results.add(new EmptyState(
                    VaadinIcon.USERS,
                    "Find your people",
                    "Type a name or user name above to find someone to chat with."));
        } else if (shown.isEmpty()) {
            results.add(new EmptyState(
                    VaadinIcon.SEARCH,
                    "Nobody found",
                    "No one's name or user name contains “" + search.getValue().strip() + "”."));
        }
        for (PersonResult person : shown) {
            results.add(new PersonRow(person, null, friends, this::refreshShown));
        }
        more.setVisible(hasMore && !shown.isEmpty());
    }
}
