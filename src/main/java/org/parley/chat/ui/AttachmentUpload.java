package org.parley.chat.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadFormat;
import com.vaadin.flow.i18n.I18NProvider;
import com.vaadin.flow.server.streams.UploadEvent;
import java.io.IOException;
import java.io.InputStream;
import org.parley.base.service.UserFacingException;
import org.parley.base.ui.FileSizes;
import org.parley.base.ui.Toasts;
import org.parley.base.ui.UploadWords;
import org.parley.base.ui.Words;
import org.parley.chat.service.AttachmentService;

/**
 * The composer's paper clip ({@code upload}): files and pictures for the open conversation (or files dropped anywhere on it), each on its own
 * request; the stored message arrives by push like any other. What it takes, and how large, is what the service
 * says of the conversation (a group takes only pictures).
 * <p>
 * A refused file is announced once, in a toast (which screen readers read as an alert): the upload's own
 * announcements of a refusal ("notes.txt: …", "Upload forbidden") are kept from it.
 */
final class AttachmentUpload {

    /**
     * A file the page refuses (type, size, count) goes to the server as "parley-file-refused" instead of reaching
     * the upload, which would announce it too; a file the server refused (4xx, said in a toast by {@link #receive})
     * leaves the list without the upload's generic "Upload forbidden". Lost connections and server errors keep
     * the upload's own message: nothing else says them.
     */
    private static final String ANNOUNCE_ONCE = """
            const upload = this;
            if (upload.parleyAnnouncesOnce) return;
            upload.parleyAnnouncesOnce = true;
            upload.parentElement.addEventListener('file-reject', e => {
              if (e.target !== upload) return;
              e.stopPropagation();
              upload.dispatchEvent(new CustomEvent('parley-file-refused',
                  {detail: {name: e.detail.file.name, error: e.detail.error}}));
            }, true);
            upload.addEventListener('upload-response', e => {
              const status = e.detail.xhr.status;
              if (status >= 400 && status < 500 && status !== 413) {
                e.preventDefault();
                upload.files = upload.files.filter(f => f !== e.detail.file);
              }
            });
            """;

    private final Upload upload;
    private final Button attach = new Button(VaadinIcon.PAPERCLIP.create());
    private final AttachmentService attachments;
    private final Runnable refused;

    /** Sets up {@code upload}; {@code refused} runs (in the tab) after the server turned a file away. */
    AttachmentUpload(Upload upload, AttachmentService attachments, Runnable refused) {
        this.upload = upload;
        this.attachments = attachments;
        this.refused = refused;
        upload.addClassName("attach");
        upload.setTestId("attach");
        upload.setUploadFormat(UploadFormat.RAW);
        upload.setDropAllowed(true);
        upload.setMaxFiles(10);
        attach.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        upload.setUploadButton(attach);
        upload.setDropLabel(new Span(I18NProvider.translate("chat.upload.drop")));
        // The file list is progress only: each finished file shows up as a message.
        upload.addAllFinishedListener(finished -> upload.clearFileList());
        upload.getElement()
                .addEventListener(
                        "parley-file-refused",
                        event -> Toasts.error(
                                event.getEventData().path("event.detail.name").asString("")
                                        + ": "
                                        + event.getEventData()
                                                .path("event.detail.error")
                                                .asString("")))
                .addEventData("event.detail.name")
                .addEventData("event.detail.error");
        upload.addAttachListener(attached -> upload.getElement().executeJs(ANNOUNCE_ONCE));
    }

    /** Ready for this conversation: what may be sent in it, and how large. */
    void prepareFor(long conversationId) {
        AttachmentService.UploadRules rules = attachments.uploadRules(conversationId);
        upload.setUploadHandler(event -> receive(event, conversationId));
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, rules.maxBytes()));
        upload.setI18n(UploadWords.of(
                I18NProvider.translate("chat.upload.too-big", FileSizes.of(rules.maxBytes())),
                I18NProvider.translate("chat.upload.only-pictures"),
                I18NProvider.translate("chat.upload.too-many")));
        if (rules.picturesOnly()) {
            upload.setAcceptedFileTypes("image/png", "image/jpeg", "image/gif", "image/webp");
            attach.setAriaLabel(I18NProvider.translate("chat.upload.pictures"));
            attach.setTooltipText(I18NProvider.translate("chat.upload.pictures-detail"));
        } else {
            upload.setAcceptedFileTypes();
            attach.setAriaLabel(I18NProvider.translate("chat.upload.file"));
            attach.setTooltipText(I18NProvider.translate("chat.upload.file-detail"));
        }
        upload.getElement()
                .setProperty(
                        "title",
                        rules.picturesOnly()
                                ? I18NProvider.translate("chat.upload.pictures-up-to", FileSizes.of(rules.maxBytes()))
                                : I18NProvider.translate("chat.upload.files-up-to", FileSizes.of(rules.maxBytes())));
    }

    /**
     * Files dragged anywhere over {@code pane} make the upload cover it (class "dropping"), so the drop lands on
     * the upload itself; a drop beside it would otherwise make the browser open the file.
     */
    static void acceptDropsOn(Div pane) {
        pane.getElement().executeJs("""
                const pane = this;
                let depth = 0;
                const carriesFiles = e => e.dataTransfer && Array.from(e.dataTransfer.types).includes('Files');
                const stop = () => { depth = 0; pane.classList.remove('dropping'); };
                pane.addEventListener('dragenter', e => {
                  if (carriesFiles(e) && pane.querySelector('vaadin-upload.attach:not([disabled])')) {
                    depth++;
                    pane.classList.add('dropping');
                  }
                });
                pane.addEventListener('dragleave', e => { if (carriesFiles(e) && --depth <= 0) stop(); });
                pane.addEventListener('dragover', e => { if (carriesFiles(e)) e.preventDefault(); });
                pane.addEventListener('drop', e => { if (carriesFiles(e)) e.preventDefault(); stop(); });
                """);
    }

    /** Runs on the upload's own request, outside the UI lock; the stored message arrives by push. */
    private void receive(UploadEvent event, long conversationId) throws IOException {
        try (InputStream content = event.getInputStream()) {
            attachments.upload(conversationId, event.getFileName(), event.getContentType(), content);
        } catch (UserFacingException refusal) {
            event.reject(Words.of(refusal));
            // Like a refused message: say why, and show at once whether this conversation still takes any.
            event.getUI().access(() -> {
                Toasts.error(Words.of(refusal));
                refused.run();
            });
        }
    }
}
