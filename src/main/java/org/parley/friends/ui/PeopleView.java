package org.parley.friends.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
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
@PermitAll
public class PeopleView extends Div implements HasDynamicTitle {

    static final int PAGE = 20;

    private final FriendService friends;
    final TextField search = new TextField();
    private final Div results = new Div();
    final Button more = new Button(getTranslation("friends.people.more"));
    private final List<PersonResult> shown = new ArrayList<>();
    private boolean hasMore;

    public PeopleView(FriendService friends, LiveEvents liveEvents, CurrentUser currentUser) {
        this.friends = friends;
        addClassNames("page", "people-page");
        search.setPlaceholder(getTranslation("friends.people.placeholder"));
        search.setAriaLabel(getTranslation("friends.people.search"));
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
                new ViewHeader(getTranslation("navigation.people"), getTranslation("friends.people.subtitle")),
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
                    getTranslation("friends.people.start"),
                    getTranslation("friends.people.start-detail")));
        } else if (shown.isEmpty()) {
            results.add(new EmptyState(
                    VaadinIcon.SEARCH,
                    getTranslation("friends.people.none"),
                    getTranslation(
                            "friends.people.none-detail", search.getValue().strip())));
        }
        for (PersonResult person : shown) {
            results.add(new PersonRow(person, null, friends, this::refreshShown));
        }
        more.setVisible(hasMore && !shown.isEmpty());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("friends.people.title");
    }
}
