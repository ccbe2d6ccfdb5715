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
import org.parley.base.ui.UploadWords;
import org.parley.base.ui.Words;
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
                    getTranslation("groups.settings.leave"),
                    VaadinIcon.SIGN_OUT,
                    "group-leave",
                    getTranslation("groups.settings.leave-question", group.name()),
                    getTranslation("groups.settings.leave-detail"),
                    getTranslation("groups.settings.leave-confirm"),
                    () -> groups.leave(groupId)));
        }
        if (powers.delete()) {
            add(danger(
                    getTranslation("groups.settings.delete"),
                    VaadinIcon.TRASH,
                    "group-delete",
                    getTranslation("groups.settings.delete-question", group.name()),
                    getTranslation("groups.settings.delete-detail"),
                    getTranslation("groups.settings.delete-confirm"),
                    () -> groups.delete(groupId)));
        }
    }

    private Select<ChatGroup.JoinPolicy> joinPolicy(GroupSummary group) {
        Select<ChatGroup.JoinPolicy> policy = new Select<>();
        policy.setLabel(getTranslation("groups.who-can-join"));
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
        Checkbox muteAll = new Checkbox(getTranslation("groups.settings.mute-all"), group.mutedAll());
        muteAll.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                acts.act(() -> groupSettings.muteAll(groupId, e.getValue()));
            }
        });
        muteAll.setTestId("group-mute-all");
        return muteAll;
    }

    private Checkbox temporaryChats(GroupSummary group) {
        Checkbox temporaryChats =
                new Checkbox(getTranslation("groups.settings.temporary"), group.temporaryChatsAllowed());
        temporaryChats.setHelperText(getTranslation("groups.settings.temporary-help"));
        temporaryChats.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                acts.act(() -> groupSettings.setTemporaryChatsAllowed(groupId, e.getValue()));
            }
        });
        temporaryChats.setTestId("group-temporary-chats");
        return temporaryChats;
    }

    private ComboBox<UserSummary> addPerson() {
        ComboBox<UserSummary> addPerson = new ComboBox<>(getTranslation("groups.settings.add"));
        addPerson.setPlaceholder(getTranslation("groups.settings.add-placeholder"));
        addPerson.setItemLabelGenerator(u -> Words.of(u.shownName()) + " (" + u.handle() + ")");
        addPerson.setItems(query -> accounts.searchOthers(query.getFilter().orElse(""), null, query.getLimit()).stream()
                .skip(query.getOffset() > 0 ? Long.MAX_VALUE : 0));
        addPerson.setWidthFull();
        addPerson.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                UserSummary person = e.getValue();
                if (acts.act(() -> groups.addMember(groupId, person.id()))) {
                    Toasts.success(getTranslation("groups.settings.added", Words.of(person.shownName())));
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
                ui.access(() -> Toasts.success(getTranslation("groups.settings.picture-updated")));
            } catch (UserFacingException refused) {
                ui.access(() -> Toasts.error(Words.of(refused)));
            }
        });
        UploadWords.forOnePicture(picture, accounts.avatarMaxBytes());
        picture.setUploadButton(
                new Button(getTranslation("groups.settings.upload-picture"), VaadinIcon.UPLOAD.create()));
        picture.setDropLabelIcon(new Span());
        picture.setDropLabel(new Span(getTranslation("groups.settings.picture-kinds")));
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
