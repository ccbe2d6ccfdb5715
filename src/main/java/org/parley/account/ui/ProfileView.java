package org.parley.account.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.avatar.AvatarVariant;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.PermitAll;
import java.io.InputStream;
import org.parley.account.domain.ColorSchemeChoice;
import org.parley.account.domain.LanguageChoice;
import org.parley.account.service.AccountService;
import org.parley.account.service.UserSummary;
import org.parley.base.service.UserFacingException;
import org.parley.base.ui.Toasts;
import org.parley.base.ui.UploadWords;
import org.parley.base.ui.ViewHeader;
import org.parley.base.ui.Words;

@Route("profile")
@PermitAll
public class ProfileView extends Div implements HasDynamicTitle {

    private final AccountService accounts;
    private final Div avatarBox = new Div();
    final TextField displayName = new TextField(getTranslation("account.display-name"));
    final PasswordField currentPassword = new PasswordField(getTranslation("account.profile.current-password"));
    final PasswordField newPassword = new PasswordField(getTranslation("account.profile.new-password"));
    final Upload avatarUpload;
    final Button removeAvatar = new Button(getTranslation("account.profile.remove-picture"));
    final RadioButtonGroup<Boolean> temporaryChats =
            new RadioButtonGroup<>(getTranslation("account.profile.temporary"));
    final RadioButtonGroup<Boolean> readReceipts = new RadioButtonGroup<>(getTranslation("account.profile.receipts"));
    final RadioButtonGroup<LanguageChoice> language =
            new RadioButtonGroup<>(getTranslation("account.profile.language"));
    final RadioButtonGroup<ColorSchemeChoice> colorScheme =
            new RadioButtonGroup<>(getTranslation("account.profile.colours"));

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
                    Toasts.success(getTranslation("account.profile.picture-updated"));
                });
            } catch (UserFacingException e) {
                ui.access(() -> Toasts.error(Words.of(e)));
            } finally {
                ui.access(() -> avatarUploadClear());
            }
        });
        UploadWords.forOnePicture(avatarUpload, accounts.avatarMaxBytes());
        avatarUpload.setUploadButton(
                new Button(getTranslation("account.profile.upload-picture"), VaadinIcon.UPLOAD.create()));
        avatarUpload.setDropLabelIcon(new Span());
        avatarUpload.setDropLabel(
                new Span(getTranslation("account.profile.picture-kinds", accounts.avatarMaxBytes() / (1024 * 1024))));
        avatarUpload.setTestId("avatar-upload");
        removeAvatar.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        removeAvatar.addClickListener(click -> {
            showAvatar(accounts.removeAvatar());
            Toasts.success(getTranslation("account.profile.picture-removed"));
        });
        showAvatar(me);

        displayName.setValue(me.displayName());
        displayName.setMaxLength(AccountService.MAX_DISPLAY_NAME_LENGTH);
        displayName.setTestId("profile-display-name");
        Button saveName = new Button(getTranslation("account.profile.save-name"), click -> {
            showAvatar(accounts.changeDisplayName(displayName.getValue()));
            Toasts.success(getTranslation("account.profile.name-saved"));
        });
        saveName.setTestId("profile-save-name");
        saveName.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        newPassword.setHelperText(getTranslation("account.password-help", AccountService.MIN_PASSWORD_LENGTH));
        Button savePassword = new Button(getTranslation("account.profile.change-password"), click -> {
            accounts.changePassword(currentPassword.getValue(), newPassword.getValue());
            currentPassword.clear();
            newPassword.clear();
            Toasts.success(getTranslation("account.profile.password-changed"));
        });
        savePassword.setTestId("profile-save-password");

        Div nameCard = card(getTranslation("account.profile.name"), new FormLayout(displayName), saveName);
        Div passwordCard = card(getTranslation("account.password"), formOf(currentPassword, newPassword), savePassword);
        // Someone who signs in with the company's accounts has no password here to change.
        passwordCard.setVisible(accounts.signsInWithPasswordKeptHere());
        temporaryChats.setItems(true, false);
        temporaryChats.setItemLabelGenerator(
                accepts -> getTranslation(accepts ? "account.profile.temporary-yes" : "account.profile.temporary-no"));
        temporaryChats.setHelperText(getTranslation("account.profile.temporary-help"));
        temporaryChats.setValue(accounts.acceptsTemporaryChats());
        temporaryChats.setTestId("profile-temporary-chats");
        temporaryChats.addValueChangeListener(change -> {
            if (change.isFromClient() && change.getValue() != null) {
                accounts.setAcceptsTemporaryChats(change.getValue());
                Toasts.success(getTranslation(
                        change.getValue()
                                ? "account.profile.temporary-yes-saved"
                                : "account.profile.temporary-no-saved"));
            }
        });

        readReceipts.setItems(true, false);
        readReceipts.setItemLabelGenerator(
                sends -> getTranslation(sends ? "account.profile.receipts-yes" : "account.profile.receipts-no"));
        readReceipts.setHelperText(getTranslation("account.profile.receipts-help"));
        readReceipts.setValue(accounts.sendsReadReceipts());
        readReceipts.setTestId("profile-read-receipts");
        readReceipts.addValueChangeListener(change -> {
            if (change.isFromClient() && change.getValue() != null) {
                accounts.setSendsReadReceipts(change.getValue());
                Toasts.success(getTranslation(
                        change.getValue()
                                ? "account.profile.receipts-yes-saved"
                                : "account.profile.receipts-no-saved"));
            }
        });

        colorScheme.setItems(ColorSchemeChoice.values());
        colorScheme.setItemLabelGenerator(ColorSchemes::label);
        colorScheme.setHelperText(getTranslation("account.profile.colours-help"));
        colorScheme.setValue(accounts.colorScheme());
        colorScheme.setTestId("profile-color-scheme");
        colorScheme.addValueChangeListener(change -> {
            if (change.isFromClient() && change.getValue() != null) {
                accounts.chooseColorScheme(change.getValue());
                ColorSchemes.apply(UI.getCurrent().getPage(), change.getValue());
            }
        });

        language.setItems(LanguageChoice.values());
        language.setItemLabelGenerator(
                choice -> getTranslation("account.language." + choice.name().toLowerCase()));
        language.setValue(accounts.language());
        language.setTestId("profile-language");
        language.addValueChangeListener(change -> {
            if (change.isFromClient() && change.getValue() != null) {
                accounts.chooseLanguage(change.getValue());
                // Every word on the page changes: the simplest true way is to load it again.
                UI.getCurrent().getPage().reload();
            }
        });

        Div pictureCard = card(getTranslation("account.profile.picture"), avatarBox, avatarUpload, removeAvatar);
        Div privacyCard = card(getTranslation("account.profile.privacy"), temporaryChats, readReceipts);
        Div lookCard = card(getTranslation("account.profile.appearance"), colorScheme, language);
        // A plain link: the browser downloads the zip as it is written (PersonalDataController), nothing waits here.
        Anchor download = new Anchor(PERSONAL_DATA_PATH, getTranslation("account.profile.download-data"));
        download.getElement().setAttribute("download", true);
        download.getElement().setAttribute("router-ignore", true);
        download.setTestId("profile-download-data");
        Paragraph whatsIn = new Paragraph(getTranslation("account.profile.download-data-detail"));
        whatsIn.addClassName("card-hint");
        // Its own page (accountdeletion.ui), which says what deleting keeps and what it removes before it asks.
        Anchor delete = new Anchor(DELETE_ACCOUNT_PATH, getTranslation("account.profile.delete-account"));
        delete.addClassName("danger-link");
        delete.setTestId("profile-delete-account");
        Div dataCard = card(getTranslation("account.profile.your-data"), whatsIn, download, delete);
        Div cards = new Div(pictureCard, nameCard, passwordCard, privacyCard, lookCard, dataCard);
        cards.addClassName("card-grid");
        add(
                new ViewHeader(
                        getTranslation("account.profile.heading"),
                        getTranslation("account.profile.signed-in-as", me.username())),
                cards);
    }

    /** Where a person deletes their account (accountdeletion.ui's view; a path, so account depends on nothing there). */
    public static final String DELETE_ACCOUNT_PATH = "profile/delete-account";

    /** Where a person downloads their own data (served by chat.ui's PersonalDataController). */
    public static final String PERSONAL_DATA_PATH = "my-data.zip";

    @Override
    public String getPageTitle() {
        return getTranslation("account.profile.title");
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
