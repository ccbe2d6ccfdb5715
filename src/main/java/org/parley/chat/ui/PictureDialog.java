package org.parley.chat.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.icon.VaadinIcon;
import org.parley.base.ui.FileSizes;
import org.parley.chat.service.AttachmentView;

/** The full picture behind a preview, with its size and a download link. */
class PictureDialog extends Dialog {

    PictureDialog(AttachmentView picture) {
        addClassName("picture-dialog");
        setHeaderTitle(picture.fileName());
        Image image = new Image(picture.pictureUrl(), picture.fileName());
        image.addClassName("full-picture");
        image.setTestId("full-picture");
        add(image);
        Anchor download = new Anchor(
                picture.downloadUrl(),
                getTranslation(
                        "chat.picture.download",
                        FileSizes.of(picture.sizeBytes())
                                + (picture.width() == null ? "" : ", " + picture.width() + " × " + picture.height())));
        download.getElement().setAttribute("download", "");
        download.setRouterIgnore(true);
        download.setTestId("picture-download");
        Button close = new Button(VaadinIcon.CLOSE.create(), click -> close());
        close.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        close.setAriaLabel(getTranslation("base.close"));
        getHeader().add(close);
        getFooter().add(download);
    }
}
