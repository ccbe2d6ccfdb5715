package org.parley.groups.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.List;
import org.parley.base.service.CurrentUser;
import org.parley.base.service.LiveEvents;
import org.parley.base.ui.Actions;
import org.parley.base.ui.Badges;
import org.parley.base.ui.EmptyState;
import org.parley.base.ui.LiveUpdates;
import org.parley.base.ui.Toasts;
import org.parley.base.ui.ViewHeader;
import org.parley.groups.domain.ChatGroup;
import org.parley.groups.service.GroupChanged;
import org.parley.groups.service.GroupResult;
import org.parley.groups.service.GroupService;
import org.parley.groups.service.GroupSummary;
import org.parley.groups.service.Standing;

/** Find groups, ask to join them, create one; your own groups when not searching. Kept live. */
@Route("groups")
@PageTitle("Groups · Parley")
@PermitAll
public class GroupsView extends Div {

    static final int PAGE = 20;

    private final GroupService groups;
    final TextField search = new TextField();
    final Div results = new Div();
    final Button more = new Button("Show more");
    private final List<GroupResult> shown = new ArrayList<>();
    private boolean hasMore;

    public GroupsView(GroupService groups, LiveEvents liveEvents, CurrentUser currentUser) {
        this.groups = groups;
        addClassNames("page", "groups-page");
        Button create = new Button("New group", VaadinIcon.PLUS.create(), click -> openCreateDialog());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setTestId("group-create");
        search.setPlaceholder("Search groups by name or description");
        search.setAriaLabel("Search groups");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setValueChangeTimeout(250);
        search.setWidthFull();
        search.setTestId("group-search");
        search.addValueChangeListener(change -> runSearch());
        results.addClassName("list");
        results.setTestId("group-results");
        more.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        more.addClickListener(click -> loadMore());
        add(new ViewHeader("Groups", "Find groups to join, or start your own.", create), search, results, more);
        render();
        LiveUpdates.bind(this, liveEvents, currentUser.requireId(), event -> {
            if (event instanceof GroupChanged) {
                refresh();
            }
        });
    }

    private void runSearch() {
        shown.clear();
        loadMore();
    }

    private void loadMore() {
        GroupSummary after = shown.isEmpty() ? null : shown.getLast().group();
        List<GroupResult> page = groups.search(search.getValue(), after, PAGE + 1);
        hasMore = page.size() > PAGE;
        shown.addAll(hasMore ? page.subList(0, PAGE) : page);
        render();
    }

    private void refresh() {
        if (search.getValue().isBlank()) {
            render();
            return;
        }
        int count = Math.max(shown.size(), 1);
        shown.clear();
        shown.addAll(groups.search(search.getValue(), null, count));
        render();
    }

    private void render() {
        results.removeAll();
        more.setVisible(false);
        if (search.getValue().isBlank()) {
            List<GroupSummary> mine = groups.myGroups();
            if (mine.isEmpty()) {
                results.add(new EmptyState(
                        VaadinIcon.GROUP,
                        "You are in no groups yet",
                        "Search for a group above, or create one with New group."));
            }
            mine.forEach(g -> results.add(row(new GroupResult(g, Standing.MEMBER, null))));
            return;
        }
        if (shown.isEmpty()) {
            results.add(new EmptyState(
                    VaadinIcon.SEARCH,
                    "No groups found",
                    "No group's name or description contains “"
                            + search.getValue().strip() + "”."));
        }
        shown.forEach(result -> results.add(row(result)));
        more.setVisible(hasMore);
    }

    private Div row(GroupResult result) {
        GroupSummary group = result.group();
        Div row = new Div();
        row.addClassName("person-row");
        row.setTestId("group-" + group.name().replaceAll("[^A-Za-z0-9_-]", "_"));
        Span name = new Span(group.name());
        name.addClassName("identity-name");
        Span facts = new Span(group.memberCount()
                + (group.memberCount() == 1 ? " member · " : " members · ")
                + GroupLabels.policy(group.joinPolicy()));
        facts.addClassName("identity-handle");
        Div text = new Div(name, facts);
        text.addClassName("identity-text");
        if (group.description() != null) {
            Paragraph description = new Paragraph(group.description());
            description.addClassName("group-description");
            text.add(description);
        }
        Avatar avatar = new Avatar(group.name());
        if (group.avatarUrl() != null) {
            avatar.setImage(group.avatarUrl());
        }
        Div identity = new Div(avatar, text);
        identity.addClassName("identity");
        Div main = new Div(identity);
        main.addClassName("person-main");
        Div actions = new Div();
        actions.addClassName("person-actions");
        switch (result.standing()) {
            case MEMBER ->
                actions.add(Actions.small(
                        "Open",
                        VaadinIcon.CHAT,
                        ButtonVariant.LUMO_PRIMARY,
                        () -> UI.getCurrent().navigate("chat/" + group.conversationId())));
            case BANNED -> actions.add(Badges.of("Banned", "error"));
            case REQUEST_PENDING ->
                actions.add(
                        Badges.of("Request pending", null),
                        Actions.small("Cancel", null, ButtonVariant.LUMO_TERTIARY, () -> {
                            groups.cancelJoinRequest(result.requestId());
                            refresh();
                        }));
            case NONE -> {
                switch (group.joinPolicy()) {
                    case OPEN ->
                        actions.add(Actions.small("Join", VaadinIcon.PLUS, ButtonVariant.LUMO_PRIMARY, () -> {
                            groups.join(group.id(), null);
                            Toasts.success("You joined " + group.name() + ".");
                            UI.getCurrent().navigate("chat/" + group.conversationId());
                        }));
                    case APPROVAL ->
                        actions.add(Actions.small(
                                "Ask to join",
                                VaadinIcon.PLUS,
                                ButtonVariant.LUMO_PRIMARY,
                                () -> openAskDialog(group)));
                    case INVITATION -> actions.add(Badges.of("Invitation only", null));
                }
            }
        }
        row.add(main, actions);
        return row;
    }

    private void openAskDialog(GroupSummary group) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Ask to join " + group.name());
        TextArea message = new TextArea("Message to the administrators (optional)");
        message.setMaxLength(GroupService.MAX_MESSAGE_LENGTH);
        message.setWidthFull();
        message.setTestId("join-message");
        Button send = new Button("Send request", click -> {
            groups.join(group.id(), message.getValue());
            dialog.close();
            Toasts.success("Request sent. You'll see the group here as soon as an administrator approves.");
            refresh();
        });
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.setTestId("join-send");
        dialog.add(message);
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), send);
        dialog.open();
    }

    private void openCreateDialog() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("New group");
        TextField name = new TextField("Name");
        name.setMaxLength(GroupService.MAX_NAME_LENGTH);
        name.setRequired(true);
        name.setWidthFull();
        name.setTestId("group-name");
        TextArea description = new TextArea("Description (optional)");
        description.setMaxLength(GroupService.MAX_DESCRIPTION_LENGTH);
        description.setWidthFull();
        description.setTestId("group-description");
        RadioButtonGroup<ChatGroup.JoinPolicy> policy = new RadioButtonGroup<>("Who can join");
        policy.setItems(ChatGroup.JoinPolicy.values());
        policy.setItemLabelGenerator(p -> GroupLabels.policy(p) + " — " + GroupLabels.policyHint(p));
        policy.setValue(ChatGroup.JoinPolicy.APPROVAL);
        policy.addClassName("vertical-radio");
        policy.setTestId("group-policy");
        Button create = new Button("Create group", click -> {
            GroupSummary created = groups.create(name.getValue(), description.getValue(), policy.getValue());
            dialog.close();
            Toasts.success(created.name() + " is ready. Add people from its Members panel.");
            UI.getCurrent().navigate("chat/" + created.conversationId());
        });
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setTestId("group-create-confirm");
        Div form = new Div(name, description, policy);
        form.addClassName("dialog-form");
        dialog.add(form);
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), create);
        dialog.open();
    }
}
