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
import com.vaadin.flow.router.HasDynamicTitle;
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
import org.parley.groups.service.GroupRequests;
import org.parley.groups.service.GroupResult;
import org.parley.groups.service.GroupService;
import org.parley.groups.service.GroupSummary;
import org.parley.groups.service.Standing;

/** Find groups, ask to join them, create one; your own groups when not searching. Kept live. */
@Route("groups")
@PermitAll
public class GroupsView extends Div implements HasDynamicTitle {

    static final int PAGE = 20;

    private final GroupService groups;
    private final GroupRequests requests;
    final TextField search = new TextField();
    final Div results = new Div();
    final Button more = new Button(getTranslation("friends.people.more"));
    private final List<GroupResult> shown = new ArrayList<>();
    private boolean hasMore;

    public GroupsView(GroupService groups, GroupRequests requests, LiveEvents liveEvents, CurrentUser currentUser) {
        this.groups = groups;
        this.requests = requests;
        addClassNames("page", "groups-page");
        Button create = new Button(getTranslation("groups.new"), VaadinIcon.PLUS.create(), click -> openCreateDialog());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setTestId("group-create");
        search.setPlaceholder(getTranslation("groups.search.placeholder"));
        search.setAriaLabel(getTranslation("groups.search"));
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
        add(
                new ViewHeader(getTranslation("navigation.groups"), getTranslation("groups.subtitle"), create),
                search,
                results,
                more);
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
                        getTranslation("groups.mine.empty"),
                        getTranslation("groups.mine.empty-detail")));
            }
            mine.forEach(g -> results.add(row(new GroupResult(g, Standing.MEMBER, null))));
            return;
        }
        if (shown.isEmpty()) {
            results.add(new EmptyState(
                    VaadinIcon.SEARCH,
                    getTranslation("groups.search.none"),
                    getTranslation(
                            "groups.search.none-detail", search.getValue().strip())));
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
        Span facts =
                new Span(getTranslation("groups.facts", group.memberCount(), GroupLabels.policy(group.joinPolicy())));
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
                        getTranslation("groups.open"),
                        VaadinIcon.CHAT,
                        ButtonVariant.LUMO_PRIMARY,
                        () -> UI.getCurrent().navigate("chat/" + group.conversationId())));
            case BANNED -> actions.add(Badges.of(getTranslation("groups.banned"), "error"));
            case REQUEST_PENDING ->
                actions.add(
                        Badges.of(getTranslation("groups.request-pending"), null),
                        Actions.small(getTranslation("base.cancel"), null, ButtonVariant.LUMO_TERTIARY, () -> {
                            requests.cancelJoinRequest(result.requestId());
                            refresh();
                        }));
            case NONE -> {
                switch (group.joinPolicy()) {
                    case OPEN ->
                        actions.add(Actions.small(
                                getTranslation("groups.join"), VaadinIcon.PLUS, ButtonVariant.LUMO_PRIMARY, () -> {
                                    groups.join(group.id(), null);
                                    Toasts.success(getTranslation("groups.joined", group.name()));
                                    UI.getCurrent().navigate("chat/" + group.conversationId());
                                }));
                    case APPROVAL ->
                        actions.add(Actions.small(
                                getTranslation("groups.ask"),
                                VaadinIcon.PLUS,
                                ButtonVariant.LUMO_PRIMARY,
                                () -> openAskDialog(group)));
                    case INVITATION ->
                        actions.add(Badges.of(GroupLabels.policy(ChatGroup.JoinPolicy.INVITATION), null));
                }
            }
        }
        row.add(main, actions);
        return row;
    }

    private void openAskDialog(GroupSummary group) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("groups.ask-title", group.name()));
        TextArea message = new TextArea(getTranslation("groups.ask-message"));
        message.setMaxLength(GroupService.MAX_MESSAGE_LENGTH);
        message.setWidthFull();
        message.setTestId("join-message");
        Button send = new Button(getTranslation("friends.request.send"), click -> {
            groups.join(group.id(), message.getValue());
            dialog.close();
            Toasts.success(getTranslation("groups.asked"));
            refresh();
        });
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.setTestId("join-send");
        dialog.add(message);
        dialog.getFooter().add(new Button(getTranslation("base.cancel"), click -> dialog.close()), send);
        dialog.open();
    }

    private void openCreateDialog() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("groups.new"));
        TextField name = new TextField(getTranslation("groups.name"));
        name.setMaxLength(GroupService.MAX_NAME_LENGTH);
        name.setRequired(true);
        name.setWidthFull();
        name.setTestId("group-name");
        TextArea description = new TextArea(getTranslation("groups.description"));
        description.setMaxLength(GroupService.MAX_DESCRIPTION_LENGTH);
        description.setWidthFull();
        description.setTestId("group-description");
        RadioButtonGroup<ChatGroup.JoinPolicy> policy = new RadioButtonGroup<>(getTranslation("groups.who-can-join"));
        policy.setItems(ChatGroup.JoinPolicy.values());
        policy.setItemLabelGenerator(p -> GroupLabels.policy(p) + " — " + GroupLabels.policyHint(p));
        policy.setValue(ChatGroup.JoinPolicy.APPROVAL);
        policy.addClassName("vertical-radio");
        policy.setTestId("group-policy");
        Button create = new Button(getTranslation("groups.create"), click -> {
            GroupSummary created = groups.create(name.getValue(), description.getValue(), policy.getValue());
            dialog.close();
            Toasts.success(getTranslation("groups.created", created.name()));
            UI.getCurrent().navigate("chat/" + created.conversationId());
        });
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setTestId("group-create-confirm");
        Div form = new Div(name, description, policy);
        form.addClassName("dialog-form");
        dialog.add(form);
        dialog.getFooter().add(new Button(getTranslation("base.cancel"), click -> dialog.close()), create);
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("groups.title");
    }
}
