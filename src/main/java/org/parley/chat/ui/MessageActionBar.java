package org.parley.chat.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.function.Consumer;
import org.parley.base.ui.Words;
import org.parley.chat.service.ChatMessageView;
import org.parley.chat.service.ChatService;
import org.parley.chat.service.MessageActions;
import org.parley.chat.service.MessageChanges;

/**
 * What can be done with a message the reader clicked: Reply, Recall or Edit for their own fresh one, Remove for a
 * group's administrators; the bar offers exactly what {@link MessageChanges#actionsFor} allows, and stays hidden when
 * that is nothing. A click on a reply's quote or on a link is not a pick (the quote leads to its original). The changed message shows at once in this tab, and through the live event in every other.
 */
class MessageActionBar extends Div {

    private final MessageChanges changes;
    private final MessageTimeline timeline;
    private final Span label = new Span();
    private final Consumer<ChatMessageView> reply;
    private final Button replyButton = new Button(getTranslation("chat.actions.reply"));
    private final Button recall = new Button(getTranslation("chat.actions.recall"));
    private final Button edit = new Button(getTranslation("chat.actions.edit"));
    private final Button remove = new Button(getTranslation("chat.actions.remove"));
    private ChatMessageView picked;

    /** {@code reply} starts a reply to the picked message (in the composer). */
    MessageActionBar(MessageChanges changes, MessageTimeline timeline, Consumer<ChatMessageView> reply) {
        this.changes = changes;
        this.timeline = timeline;
        this.reply = reply;
        replyButton.setTestId("message-reply");
        addClassName("message-action-bar");
        setTestId("message-actions");
        recall.setTestId("message-recall");
        edit.setTestId("message-edit");
        remove.setTestId("message-remove");
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
        Button close = new Button(getTranslation("base.cancel"), click -> close());
        close.setTestId("message-actions-cancel");
        for (Button button : new Button[] {replyButton, recall, edit, remove, close}) {
            button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        }
        // A click can arrive after the bar was closed (another message changed it meanwhile): then nothing happens.
        replyButton.addClickListener(click -> {
            if (picked != null) {
                reply.accept(picked);
                close();
            }
        });
        recall.addClickListener(click -> {
            if (picked != null) {
                changed(changes.recall(picked.id()));
            }
        });
        remove.addClickListener(click -> {
            if (picked != null) {
                changed(changes.remove(picked.id()));
            }
        });
        edit.addClickListener(click -> {
            if (picked != null) {
                openEditor(picked);
            }
        });
        add(label, replyButton, recall, edit, remove, close);
        setVisible(false);
        timeline.list
                .getElement()
                .addEventListener(
                        "click",
                        click -> clicked(click.getEventData()
                                .path(TimelineScripts.CLICKED_INDEX)
                                .asInt(-1)))
                .setFilter("!event.target.closest('blockquote, a')")
                .addEventData(TimelineScripts.CLICKED_INDEX);
        // From the keyboard: the list's arrow keys move between messages, Enter picks the one in focus.
        timeline.list
                .getElement()
                .addEventListener("keydown", enter -> {
                    clicked(enter.getEventData()
                            .path(TimelineScripts.CLICKED_INDEX)
                            .asInt(-1));
                    focusFirstAction();
                })
                .setFilter("event.key === 'Enter' && event.target.localName === 'vaadin-message'")
                .addEventData(TimelineScripts.CLICKED_INDEX);
    }

    /** Another conversation was opened: nothing is picked. */
    void close() {
        picked = null;
        timeline.highlight(null);
        setVisible(false);
    }

    /** A message changed (here or elsewhere): if it is the picked one, what may be done with it may have too. */
    void messageChanged(ChatMessageView message) {
        if (picked != null && picked.id() == message.id()) {
            close();
        }
    }

    private void clicked(int index) {
        ChatMessageView message = timeline.messageAt(index);
        // The service alone says what may be done (a system line or a recalled message: nothing).
        MessageActions actions = message == null ? MessageActions.NONE : changes.actionsFor(message.id());
        if (!actions.any() || (picked != null && picked.id() == message.id())) {
            close(); // a second click on the same message puts it down again
            return;
        }
        picked = message;
        timeline.highlight(message.id());
        label.setText(
                actions.recall() || actions.edit()
                        ? getTranslation("chat.actions.yours")
                        : getTranslation(
                                "chat.actions.from", Words.of(message.sender().shownName())));
        replyButton.setVisible(actions.reply());
        recall.setVisible(actions.recall());
        edit.setVisible(actions.edit());
        remove.setVisible(actions.remove());
        setVisible(true);
    }

    /** Puts the keyboard on the first action offered, so that Tab and Enter reach the rest. */
    private void focusFirstAction() {
        for (Button button : new Button[] {replyButton, recall, edit, remove}) {
            if (isVisible() && button.isVisible()) {
                button.focus();
                return;
            }
        }
    }

    private void changed(ChatMessageView message) {
        timeline.replace(message);
        close();
    }

    private void openEditor(ChatMessageView message) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("chat.actions.edit-title"));
        TextArea text = new TextArea();
        text.setMaxLength(ChatService.MAX_MESSAGE_LENGTH);
        text.setValue(message.body());
        text.setWidth("min(36rem, 80vw)");
        text.setTestId("message-edit-text");
        Button save = new Button(getTranslation("chat.actions.save"), click -> {
            changed(changes.edit(message.id(), text.getValue()));
            dialog.close();
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setTestId("message-edit-save");
        dialog.add(text);
        dialog.getFooter().add(new Button(getTranslation("base.cancel"), click -> dialog.close()), save);
        dialog.open();
        text.focus();
    }
}
