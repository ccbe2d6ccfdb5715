package org.parley.account.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.avatar.AvatarVariant;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.PermitAll;
import java.io.InputStream;
import org.parley.account.domain.ColorSchemeChoice;
import org.parley.account.service.AccountService;
import org.parley.account.service.UserSummary;
import org.parley.base.service.UserFacingException;
import org.parley.base.ui.Toasts;
import org.parley.base.ui.ViewHeader;

@Route("profile")
@PageTitle("Profile · Parley")
@PermitAll
public class ProfileView extends Div {

    private final AccountService accounts;
    private final Div avatarBox = new Div();
    final TextField displayName = new TextField("Display name");
    final PasswordField currentPassword = new PasswordField("Current password");
    final PasswordField newPassword = new PasswordField("New password");
    final Upload avatarUpload;
    final Button removeAvatar = new Button("Remove picture");
    final RadioButtonGroup<Boolean> temporaryChats = new RadioButtonGroup<>("Temporary conversations");
    final RadioButtonGroup<Boolean> readReceipts = new RadioButtonGroup<>("Read receipts");
    final RadioButtonGroup<ColorSchemeChoice> colorScheme = new RadioButtonGroup<>("Colours");

    public ProfileView(AccountService accounts) {
        this.accounts = accounts;
        addClassNames("page", "profile-page");
        UserSummary me = accounts.me();

        avatarBox.addClassName("profile-avatar");
        // Streamed to the service, which cuts it at the limit: never read whole into memory here.
        avatarUpload = new Upload((UploadHandler) event -> {
            UI ui = event.getUI();
            try (InputStream content = event.getInputStream()) {
                UserSummary updated = accounts.changeAvatar(content, event.getFileSize());
                ui.access(() -> {
                    showAvatar(updated);
                    Toasts.success("Your picture is updated.");
                });
            } catch (UserFacingException e) {
                ui.access(() -> Toasts.error(e.getMessage()));
            } finally {
                ui.access(() -> avatarUploadClear());
            }
        });
        avatarUpload.setAcceptedFileTypes("image/png", "image/jpeg", "image/gif", "image/webp");
        avatarUpload.setMaxFileSize((int) accounts.avatarMaxBytes());
        avatarUpload.setMaxFiles(1);
        avatarUpload.setUploadButton(new Button("Upload a picture", VaadinIcon.UPLOAD.create()));
        avatarUpload.setDropLabelIcon(new Span());
        avatarUpload.setDropLabel(
                new Span("PNG, JPEG, GIF or WebP, up to " + accounts.avatarMaxBytes() / (1024 * 1024) + " MB"));
        avatarUpload.addFileRejectedListener(rejected -> Toasts.error(rejected.getErrorMessage()));
        avatarUpload.setTestId("avatar-upload");
        removeAvatar.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        removeAvatar.addClickListener(click -> {
            showAvatar(accounts.removeAvatar());
            Toasts.success("Your picture is removed; your initials show instead.");
        });
        showAvatar(me);

        displayName.setValue(me.displayName());
        displayName.setMaxLength(AccountService.MAX_DISPLAY_NAME_LENGTH);
        displayName.setTestId("profile-display-name");
        Button saveName = new Button("Save name", click -> {
            showAvatar(accounts.changeDisplayName(displayName.getValue()));
            Toasts.success("Your display name is saved.");
        });
        saveName.setTestId("profile-save-name");
        saveName.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        newPassword.setHelperText("At least " + AccountService.MIN_PASSWORD_LENGTH + " characters");
        Button savePassword = new Button("Change password", click -> {
            accounts.changePassword(currentPassword.getValue(), newPassword.getValue());
            currentPassword.clear();
            newPassword.clear();
            Toasts.success("Your password is changed.");
        });
        savePassword.setTestId("profile-save-password");

        Div nameCard = card("Name", new FormLayout(displayName), saveName);
        Div passwordCard = card("Password", formOf(currentPassword, newPassword), savePassword);
        temporaryChats.setItems(true, false);
        temporaryChats.setItemLabelGenerator(
                accepts -> accepts ? "Members of my groups can start one" : "Nobody can start one");
        temporaryChats.setHelperText("A temporary conversation is a private chat with someone who is not your "
                + "friend, started from a group you share. Friends can always write to you.");
        temporaryChats.setValue(accounts.acceptsTemporaryChats());
        temporaryChats.setTestId("profile-temporary-chats");
        temporaryChats.addValueChangeListener(change -> {
            if (change.isFromClient() && change.getValue() != null) {
                accounts.setAcceptsTemporaryChats(change.getValue());
                Toasts.success(
                        change.getValue()
                                ? "Members of your groups can start temporary conversations with you."
                                : "Nobody can start a temporary conversation with you now.");
            }
        });

        readReceipts.setItems(true, false);
        readReceipts.setItemLabelGenerator(sends -> sends ? "Send and see them" : "Neither send nor see them");
        readReceipts.setHelperText("In one-on-one conversations, \"Seen\" under your message tells you the other "
                + "person has read it. Receipts pass only between two people who both send them.");
        readReceipts.setValue(accounts.sendsReadReceipts());
        readReceipts.setTestId("profile-read-receipts");
        readReceipts.addValueChangeListener(change -> {
            if (change.isFromClient() && change.getValue() != null) {
                accounts.setSendsReadReceipts(change.getValue());
                Toasts.success(
                        change.getValue()
                                ? "You send read receipts and see other people's."
                                : "You send no read receipts and see none.");
            }
        });

        colorScheme.setItems(ColorSchemeChoice.values());
        colorScheme.setItemLabelGenerator(ColorSchemes::label);
        colorScheme.setHelperText("Dark is easier on the eyes at night; \"as my system\" follows your device.");
        colorScheme.setValue(accounts.colorScheme());
        colorScheme.setTestId("profile-color-scheme");
        colorScheme.addValueChangeListener(change -> {
            if (change.isFromClient() && change.getValue() != null) {
                accounts.chooseColorScheme(change.getValue());
                ColorSchemes.apply(UI.getCurrent().getPage(), change.getValue());
            }
        });

        Div pictureCard = card("Picture", avatarBox, avatarUpload, removeAvatar);
        Div privacyCard = card("Privacy", temporaryChats, readReceipts);
        Div lookCard = card("Appearance", colorScheme);
        Div cards = new Div(pictureCard, nameCard, passwordCard, privacyCard, lookCard);
        cards.addClassName("card-grid");
        add(new ViewHeader("Your profile", "Signed in as @" + me.username()), cards);
    }

    private void avatarUploadClear() {
        avatarUpload.clearFileList();
    }

    private void showAvatar(UserSummary me) {
        avatarBox.removeAll();
        Avatar avatar = UserAvatars.avatar(me, AvatarVariant.LUMO_XLARGE);
        avatar.setTestId("profile-avatar");
        Span name = new Span(me.displayName());
        name.addClassName("identity-name");
        avatarBox.add(avatar, name);
        removeAvatar.setVisible(me.avatarUrl() != null);
    }

    private static FormLayout formOf(com.vaadin.flow.component.Component... fields) {
        FormLayout form = new FormLayout(fields);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        return form;
    }

    private static Div card(String title, com.vaadin.flow.component.Component... content) {
        Div card = new Div(new H3(title));
        card.add(content);
        card.addClassName("card");
        return card;
    }
}
