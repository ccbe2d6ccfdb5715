package org.parley.groups.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.InputStream;
import org.parley.account.service.AccountService;
import org.parley.account.service.UserSummary;
import org.parley.base.service.UserFacingException;
import org.parley.base.ui.Actions;
import org.parley.base.ui.Toasts;
import org.parley.groups.domain.ChatGroup;
import org.parley.groups.service.GroupPowers;
import org.parley.groups.service.GroupService;
import org.parley.groups.service.GroupSettings;
import org.parley.groups.service.GroupSummary;

/**
 * The group panel's Settings tab: for administrators the group's settings, adding people and its picture; for
 * whoever may, leaving or deleting the group. What is shown is what {@link GroupPowers} allows.
 */
class GroupSettingsTab extends Div {

    private final GroupService groups;
    private final GroupSettings groupSettings;
    private final AccountService accounts;
    private final long groupId;
    private final PanelActs acts;
    /** After leaving or deleting: the panel closes and the person goes back to their chats. */
    private final Runnable gone;

    GroupSettingsTab(
            GroupService groups,
            GroupSettings groupSettings,
            AccountService accounts,
            long groupId,
            PanelActs acts,
            Runnable gone) {
        this.groups = groups;
        this.groupSettings = groupSettings;
        this.accounts = accounts;
        this.groupId = groupId;
        this.acts = acts;
        this.gone = gone;
        addClassName("dialog-form");
    }

    void render(GroupSummary group, GroupPowers powers) {
        removeAll();
        if (powers.administer()) {
            add(joinPolicy(group), muteAll(group), temporaryChats(group), addPerson(), picture());
        }
        if (powers.leave()) {
            add(danger(
                    "Leave group",
                    VaadinIcon.SIGN_OUT,
                    "group-leave",
                    "Leave " + group.name() + "?",
                    "You will stop receiving its messages.",
                    "Leave",
                    () -> groups.leave(groupId)));
        }
        if (powers.delete()) {
            add(danger(
                    "Delete group",
                    VaadinIcon.TRASH,
                    "group-delete",
                    "Delete " + group.name() + "?",
                    "Everyone leaves it at once and it can no longer be found. This cannot be undone.",
                    "Delete",
                    () -> groups.delete(groupId)));
        }
    }

    private Select<ChatGroup.JoinPolicy> joinPolicy(GroupSummary group) {
        Select<ChatGroup.JoinPolicy> policy = new Select<>();
        policy.setLabel("Who can join");
        policy.setItems(ChatGroup.JoinPolicy.values());
        policy.setItemLabelGenerator(p -> GroupLabels.policy(p) + " — " + GroupLabels.policyHint(p));
        policy.setValue(group.joinPolicy());
        policy.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                acts.act(() -> groupSettings.setJoinPolicy(groupId, e.getValue()));
            }
        });
        return policy;
    }

    private Checkbox muteAll(GroupSummary group) {
        Checkbox muteAll = new Checkbox("Mute the whole group (only administrators can write)", group.mutedAll());
        muteAll.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                acts.act(() -> groupSettings.muteAll(groupId, e.getValue()));
            }
        });
        muteAll.setTestId("group-mute-all");
        return muteAll;
    }

    private Checkbox temporaryChats(GroupSummary group) {
        Checkbox temporaryChats = new Checkbox(
                "Members can start temporary conversations with each other", group.temporaryChatsAllowed());
        temporaryChats.setHelperText("Private conversations between members who are not friends. Switched "
                + "off, existing ones stop accepting messages unless the two share another group.");
        temporaryChats.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                acts.act(() -> groupSettings.setTemporaryChatsAllowed(groupId, e.getValue()));
            }
        });
        temporaryChats.setTestId("group-temporary-chats");
        return temporaryChats;
    }

    private ComboBox<UserSummary> addPerson() {
        ComboBox<UserSummary> addPerson = new ComboBox<>("Add a member");
        addPerson.setPlaceholder("Search people by name");
        addPerson.setItemLabelGenerator(u -> u.displayName() + " (@" + u.username() + ")");
        addPerson.setItems(query -> accounts.searchOthers(query.getFilter().orElse(""), null, query.getLimit()).stream()
                .skip(query.getOffset() > 0 ? Long.MAX_VALUE : 0));
        addPerson.setWidthFull();
        addPerson.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                UserSummary person = e.getValue();
                if (acts.act(() -> groups.addMember(groupId, person.id()))) {
                    Toasts.success(person.displayName() + " was added.");
                }
            }
        });
        addPerson.setTestId("group-add-member");
        return addPerson;
    }

    private Upload picture() {
        // Streamed to the service, which cuts it at the limit: never read whole into memory here.
        Upload picture = new Upload((UploadHandler) event -> {
            UI ui = event.getUI();
            try (InputStream content = event.getInputStream()) {
                groupSettings.changeAvatar(groupId, content, event.getFileSize());
                ui.access(() -> Toasts.success("The group's picture is updated."));
            } catch (UserFacingException refused) {
                ui.access(() -> Toasts.error(refused.getMessage()));
            }
        });
        picture.setMaxFileSize((int) accounts.avatarMaxBytes());
        picture.setAcceptedFileTypes("image/png", "image/jpeg", "image/gif", "image/webp");
        picture.setMaxFiles(1);
        picture.setUploadButton(new Button("Upload a group picture", VaadinIcon.UPLOAD.create()));
        picture.setDropLabelIcon(new Span());
        picture.setDropLabel(new Span("PNG, JPEG, GIF or WebP"));
        picture.setTestId("group-avatar-upload");
        return picture;
    }

    /** Leaving or deleting: confirmed first; once done, the panel goes. */
    private Button danger(
            String label,
            VaadinIcon icon,
            String testId,
            String question,
            String consequence,
            String confirm,
            Runnable action) {
        Button button = new Button(
                label,
                icon.create(),
                c -> Actions.confirm(question, consequence, confirm, true, () -> {
                    if (acts.act(action)) {
                        gone.run();
                    }
                }));
        button.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        button.setTestId(testId);
        return button;
    }
}
