package org.parley.chat.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.messages.MessageInput;
import com.vaadin.flow.component.messages.MessageInputI18n;
import com.vaadin.flow.component.upload.Upload;
import java.util.List;
import java.util.function.LongFunction;
import org.parley.account.service.UserSummary;
import org.parley.base.ui.Words;
import org.parley.chat.service.AttachmentService;
import org.parley.chat.service.ChatMessageView;
import org.parley.chat.service.Quote;
import tools.jackson.databind.JsonNode;

/**
 * Where a message is written: the text box and the paper clip for files and pictures (or files dropped anywhere
 * on the conversation). It sends through its owner ({@code send}: the conversation, the text and the browser-made
 * id); a file goes up on its own request, and the stored message arrives by push like any other.
 * <p>
 * The outbox: each submitted text stays in the browser's localStorage under its id (per person) until the server
 * has stored or refused it ({@link #sent}). A page that reloads with texts still there (its node died while they
 * were on their way) sends them again with the same ids: stored once, whether or not the first try got through.
 * <p>
 * A reply: {@link #replyTo} shows what is being answered above the text box until the reply is sent or cancelled;
 * the outbox keeps the original's id with the text.
 */
class Composer extends Div {

    /** A fresh random id: a UUID where the browser has one (https or localhost), else time and randomness. */
    static final String NEW_ID = "(window.crypto && crypto.randomUUID) ? crypto.randomUUID()"
            + " : (Date.now().toString(36) + Math.random().toString(36).slice(2))";

    /** Made once per page; {@code $0}: this person's outbox key. Sends what is left from before at once. */
    private static final String OUTBOX = """
            const newId = () => %s;
            const outbox = window.parleyOutbox = window.parleyOutbox || {
              read() {
                try { return JSON.parse(localStorage.getItem(this.key) || '[]'); } catch (e) { return []; }
              },
              write(entries) {
                try { localStorage.setItem(this.key, JSON.stringify(entries)); } catch (e) { /* private mode */ }
              },
              pend(element, text) {
                const id = newId();
                const conversation = element.getAttribute('data-conversation');
                const replyTo = element.getAttribute('data-reply-to');
                if (this.key && conversation) {
                  const dayAgo = Date.now() - 86400000;
                  const entries = this.read().filter(e => e.at > dayAgo);
                  entries.push({id, text, conversation, replyTo, at: Date.now()});
                  this.write(entries);
                }
                return id;
              },
              ack(id) { if (this.key) this.write(this.read().filter(e => e.id !== id)); }
            };
            outbox.key = $0;
            for (const e of outbox.read()) {
              this.dispatchEvent(new CustomEvent('parley-resend', {detail: e}));
            }
            """.formatted(NEW_ID);

    /** Sends a text to a conversation under the id its browser made for it, answering {@code replyToId} (or none). */
    @FunctionalInterface
    interface Sender {
        void send(long conversationId, String text, String clientId, Long replyToId);
    }

    final MessageInput input = new MessageInput();
    final Upload upload = new Upload();
    private final AttachmentUpload attachment;
    private final MentionPicker mentions;
    private final Div replyBanner = new Div();
    private final Span replyText = new Span();
    private final String draftsKey;
    private Long conversationId;
    /** The message being answered, or null. */
    private Quote replyingTo;

    /**
     * {@code send} gets each submitted text with the id its browser made for it; {@code refused} runs (in the tab)
     * after an upload was turned away, so that the conversation can show whether it still takes anything;
     * {@code typing} runs every second or two while keys are pressed in the text box.
     */
    Composer(
            AttachmentService attachments,
            long me,
            Sender send,
            Runnable refused,
            Runnable typing,
            LongFunction<List<UserSummary>> mentionable) {
        this.attachment = new AttachmentUpload(upload, attachments, refused);
        this.mentions = new MentionPicker(input, mentionable);
        addClassName("composer");
        input.addClassName("message-input");
        input.setTestId("message-input");
        input.setI18n(new MessageInputI18n()
                .setMessage(getTranslation("chat.composer.message"))
                .setSend(getTranslation("chat.composer.send")));
        // The browser names each message it sends with an id it makes (CLIENT_ID_EXPRESSION): a submit that
        // reaches the server twice (a retry after a lost response or a reconnect) is stored and shown once.
        input.getElement()
                .addEventListener("submit", submit -> {
                    JsonNode data = submit.getEventData();
                    if (conversationId != null) {
                        send.send(
                                conversationId,
                                data.path(ChatView.TEXT_KEY).asString(""),
                                data.path(ChatView.CLIENT_ID_EXPRESSION).asString(null),
                                replyingTo == null ? null : replyingTo.messageId());
                    }
                })
                .addEventData(ChatView.TEXT_KEY)
                .addEventData(ChatView.CLIENT_ID_EXPRESSION);
        input.getElement()
                .addEventListener("parley-resend", resend -> {
                    JsonNode entry = resend.getEventData();
                    try {
                        String replyTo = entry.path("event.detail.replyTo").asString("");
                        send.send(
                                Long.parseLong(
                                        entry.path("event.detail.conversation").asString("")),
                                entry.path("event.detail.text").asString(""),
                                entry.path("event.detail.id").asString(null),
                                replyTo.isEmpty() ? null : Long.valueOf(replyTo));
                    } catch (NumberFormatException notAConversation) {
                        sent(entry.path("event.detail.id").asString(null));
                    }
                })
                .addEventData("event.detail.conversation")
                .addEventData("event.detail.text")
                .addEventData("event.detail.id")
                .addEventData("event.detail.replyTo");
        // The text area's input events reach the message input. The browser sends one at once and then one every
        // 1.5 s while keys are pressed: more than the server's one-a-second limit, so none is dropped on the way.
        input.getElement().addEventListener("input", keys -> typing.run()).throttle(1500);
        input.addAttachListener(attach -> input.getElement().executeJs(OUTBOX, "parley.outbox." + me));
        this.draftsKey = "parley.drafts." + me;
        configureReplyBanner();
        add(replyBanner, upload, input);
    }

    /** Ready for this conversation: what may be sent in it, and how large; in a group, "@" offers its members. */
    void prepareFor(long conversationId, boolean group) {
        this.conversationId = conversationId;
        cancelReply();
        mentions.prepareFor(conversationId, group);
        input.getElement().setAttribute("data-conversation", String.valueOf(conversationId));
        // Drafts: what is typed and not sent stays per conversation in the browser (parley.drafts in
        // scripts/parley.js).
        input.getElement().executeJs("parley.drafts(this, $0, $1)", draftsKey, String.valueOf(conversationId));
        attachment.prepareFor(conversationId);
    }

    /** Whether anything can be sent now (muted, no longer friends, removed: not). */
    void allowSending(boolean allowed) {
        input.setEnabled(allowed);
        upload.setEnabled(allowed);
    }

    /** The server has the message sent under {@code clientId} (stored, or refused and handled): out of the outbox. */
    void sent(String clientId) {
        if (clientId != null) {
            input.getElement().executeJs("window.parleyOutbox && parleyOutbox.ack($0)", clientId);
        }
    }

    /** Puts a message that was not sent back into the field, to send again or copy. */
    void giveBack(String text) {
        input.getElement()
                .executeJs(
                        "this.value = $0; this.parleyDrafts && this.parleyDrafts.save(this.getAttribute('data-conversation'), $0)",
                        text);
    }

    /** The next message sent answers {@code original}: shown above the text box until sent or cancelled. */
    void replyTo(ChatMessageView original) {
        replyingTo = Quote.of(original);
        replyText.setText(getTranslation(
                "chat.composer.replying-to", Words.of(replyingTo.sender().shownName()), Words.of(replyingTo.text())));
        replyBanner.setVisible(true);
        input.getElement().setAttribute("data-reply-to", String.valueOf(replyingTo.messageId()));
        focus();
    }

    /**
     * The reply being written to {@code originalId}, if any, is over: it was stored, or its original was recalled or
     * removed meanwhile and there is nothing left to answer.
     */
    void endReplyTo(Long originalId) {
        if (replyingTo != null && originalId != null && replyingTo.messageId() == originalId) {
            cancelReply();
        }
    }

    private void cancelReply() {
        replyingTo = null;
        replyBanner.setVisible(false);
        input.getElement().removeAttribute("data-reply-to");
    }

    private void configureReplyBanner() {
        replyBanner.addClassName("reply-banner");
        replyBanner.setTestId("reply-banner");
        Button cancel = new Button(VaadinIcon.CLOSE_SMALL.create(), click -> cancelReply());
        cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON, ButtonVariant.LUMO_SMALL);
        cancel.setAriaLabel(getTranslation("chat.composer.cancel-reply"));
        cancel.setTestId("reply-cancel");
        replyBanner.add(replyText, cancel);
        replyBanner.setVisible(false);
    }

    void focus() {
        input.getElement().callJsFunction("focus");
    }
}
