package org.parley.chat.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.messages.MessageInput;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadFormat;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.server.streams.UploadEvent;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.BiConsumer;
import org.parley.base.service.UserFacingException;
import org.parley.base.ui.FileSizes;
import org.parley.base.ui.Toasts;
import org.parley.chat.service.AttachmentService;
import tools.jackson.databind.JsonNode;

/**
 * Where a message is written: the text box and the paper clip for files and pictures (or files dropped anywhere
 * on the conversation). It sends through its owner ({@code send}: text and the browser-made id); a file goes up
 * on its own request, and the stored message arrives by push like any other.
 */
class Composer extends Div {

    final MessageInput input = new MessageInput();
    final Upload upload = new Upload();
    private final AttachmentService attachments;
    private final Runnable refused;

    /**
     * {@code send} gets each submitted text with the id its browser made for it; {@code refused} runs (in the tab)
     * after an upload was turned away, so that the conversation can show whether it still takes anything.
     */
    Composer(AttachmentService attachments, BiConsumer<String, String> send, Runnable refused) {
        this.attachments = attachments;
        this.refused = refused;
        addClassName("composer");
        input.addClassName("message-input");
        input.setTestId("message-input");
        // The browser names each message it sends with an id it makes (CLIENT_ID_EXPRESSION): a submit that
        // reaches the server twice (a retry after a lost response or a reconnect) is stored and shown once.
        input.getElement()
                .addEventListener("submit", submit -> {
                    JsonNode data = submit.getEventData();
                    send.accept(
                            data.path(ChatView.TEXT_KEY).asString(""),
                            data.path(ChatView.CLIENT_ID_EXPRESSION).asString(null));
                })
                .addEventData(ChatView.TEXT_KEY)
                .addEventData(ChatView.CLIENT_ID_EXPRESSION);
        configureUpload();
        add(upload, input);
    }

    /** Ready for this conversation: what may be sent in it, and how large. */
    void prepareFor(long conversationId) {
        AttachmentService.UploadRules rules = attachments.uploadRules(conversationId);
        upload.setUploadHandler(event -> receive(event, conversationId));
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, rules.maxBytes()));
        UploadI18N i18n = new UploadI18N();
        i18n.setError(new UploadI18N.Error()
                .setIncorrectFileType("only pictures (PNG, JPEG, GIF or WebP) can be sent in a group.")
                .setFileIsTooBig("too large: at most " + FileSizes.of(rules.maxBytes()) + ".")
                .setTooManyFiles("at most 10 files at once."));
        upload.setI18n(i18n);
        if (rules.picturesOnly()) {
            upload.setAcceptedFileTypes("image/png", "image/jpeg", "image/gif", "image/webp");
            upload.getUploadButton().getElement().setAttribute("aria-label", "Send pictures");
        } else {
            upload.setAcceptedFileTypes();
            upload.getUploadButton().getElement().setAttribute("aria-label", "Send a file");
        }
        upload.getElement()
                .setProperty(
                        "title",
                        rules.picturesOnly()
                                ? "Pictures up to " + FileSizes.of(rules.maxBytes())
                                : "Files up to " + FileSizes.of(rules.maxBytes()));
    }

    /** Whether anything can be sent now (muted, no longer friends, removed: not). */
    void allowSending(boolean allowed) {
        input.setEnabled(allowed);
        upload.setEnabled(allowed);
    }

    /** Puts a message that was not sent back into the field, to send again or copy. */
    void giveBack(String text) {
        input.getElement().executeJs("this.value = $0", text);
    }

    void focus() {
        input.getElement().callJsFunction("focus");
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

    private void configureUpload() {
        upload.addClassName("attach");
        upload.setTestId("attach");
        upload.setUploadFormat(UploadFormat.RAW);
        upload.setDropAllowed(true);
        upload.setMaxFiles(10);
        Button attach = new Button(VaadinIcon.PAPERCLIP.create());
        attach.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        attach.setAriaLabel("Send a file");
        attach.setTooltipText("Send a file or picture (or drop it here)");
        upload.setUploadButton(attach);
        upload.setDropLabel(new Span("Drop to send"));
        // The file list is progress only: each finished file shows up as a message.
        upload.addAllFinishedListener(finished -> upload.clearFileList());
        upload.addFileRejectedListener(
                rejected -> Toasts.error(rejected.getFileName() + ": " + rejected.getErrorMessage()));
    }

    /** Runs on the upload's own request, outside the UI lock; the stored message arrives by push. */
    private void receive(UploadEvent event, long conversationId) throws IOException {
        try (InputStream content = event.getInputStream()) {
            attachments.upload(conversationId, event.getFileName(), event.getContentType(), content);
        } catch (UserFacingException refusal) {
            event.reject(refusal.getMessage());
            // Like a refused message: say why, and show at once whether this conversation still takes any.
            event.getUI().access(() -> {
                Toasts.error(refusal.getMessage());
                refused.run();
            });
        }
    }
}
