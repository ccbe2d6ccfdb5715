package org.parley.chat.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.messages.MessageListItem;
import com.vaadin.flow.i18n.I18NProvider;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.parley.base.service.LiveEvents;
import org.parley.base.ui.LiveUpdates;
import org.parley.chat.service.ChatMessageView;
import org.parley.chat.service.ChatService;
import org.parley.chat.service.MessagesSeen;
import org.parley.chat.service.Quote;
import org.parley.chat.service.ReadReceipts;

/**
 * The open conversation's messages: the newest page first, older pages as the reader scrolls up, new ones as
 * they arrive. Messages are keyed by id, so each shows once and in stored order even when pushes and history
 * pages overlap. In a one-on-one conversation where read receipts pass, the last of the reader's own messages the
 * other has read is marked "Seen". A reply shows a quote of what it answers; a click on the quote brings the original
 * into view, loading older pages until it is there. A message far back (a search hit) is shown with its neighbours;
 * newer pages then load as the reader scrolls down, and live messages wait until the newest are reached.
 */
class MessageTimeline {

    /** How many messages a jump to a quoted original loads at a time (the most a history page holds). */
    private static final int JUMP_PAGE = 200;

    /**
     * How far back a jump loads into the list as it is; a message further back is shown with its neighbours instead
     * ({@link #openAround}), and the reader scrolls on from there.
     */
    private static final int MOST_SHOWN = 1_000;

    final ChatMessageList list = new ChatMessageList();
    /** Says each new message from someone else to screen readers, once (filled in the page by parley.chatLook). */
    final Div announcer = new Div();

    final Button loadEarlier = new Button(I18NProvider.translate("chat.timeline.earlier"));
    final Button loadLater = new Button(I18NProvider.translate("chat.timeline.later"));
    private final ChatService chat;
    private final ReadReceipts receipts;
    private final long me;
    private final TreeMap<Long, MessageListItem> shown = new TreeMap<>();
    /** What each shown message is, by id (its text for editing, its sender). */
    private final Map<Long, ChatMessageView> shownMessages = new HashMap<>();

    private final SeenMark seen = new SeenMark();
    private final MessageItems items;

    /** Volatile: read on the publishing thread, to wake only the tabs showing the conversation. */
    private volatile Long conversationId;

    private boolean hasEarlier;
    /** The newest messages are not shown (the list was opened around an old one): live messages wait. */
    private boolean hasLater;

    MessageTimeline(ChatService chat, ReadReceipts receipts, LiveEvents liveEvents, long me) {
        this.chat = chat;
        this.receipts = receipts;
        this.me = me;
        this.items = new MessageItems(me, seen);
        LiveUpdates.bind(
                list,
                liveEvents,
                me,
                event -> event instanceof MessagesSeen receipt
                        && seen.receiptsPass()
                        && receipt.conversationId() == conversationIdOr(-1),
                event -> {
                    seen.readUpTo(((MessagesSeen) event).upToMessageId());
                    seen.apply(shown);
                });
        list.addClassName("message-list");
        list.setTestId("message-list");
        // Vaadin's own announcing (setAnnounceMessages) stays off: the announcer says only messages that arrive,
        // never a page of older ones loaded above.
        announcer.addClassNames("message-announcer", "sr-only");
        announcer.getElement().setAttribute("role", "status");
        announcer.setTestId("message-announcer");
        // Markdown only for links: MessageText escapes everything else a person typed.
        list.setMarkdown(true);
        list.addAttachListener(attach -> {
            list.getElement().executeJs(TimelineScripts.LINKS_OPEN_IN_A_NEW_TAB);
            // In the page's language (its day names and times), which may not be the browser's.
            list.getElement()
                    .executeJs(
                            TimelineScripts.CHAT_LOOK,
                            attach.getUI().getLocale().toLanguageTag(),
                            list.getTranslation("chat.day.today"),
                            list.getTranslation("chat.day.yesterday"));
        });
        // Scrolled near the top: fetch the previous page (debounced).
        list.getElement()
                .addEventListener("scroll", scroll -> loadEarlier())
                .setFilter("element.scrollTop < 60 && element.scrollHeight > element.clientHeight")
                .debounce(250);
        // Scrolled near the bottom of a list opened around an old message: fetch the next newer page.
        list.getElement()
                .addEventListener("scroll", scroll -> loadLater())
                .setFilter("element.scrollHeight - element.scrollTop - element.clientHeight < 60")
                .debounce(250);
        list.addAttachmentClickListener(click -> items.open(click.getAttachment(), list.getElement()));
        list.getElement()
                .addEventListener(
                        "click",
                        click -> showOriginal(click.getEventData()
                                .path(TimelineScripts.CLICKED_INDEX)
                                .asInt(-1)))
                .setFilter("!!event.target.closest('blockquote')")
                .addEventData(TimelineScripts.CLICKED_INDEX);
        loadEarlier.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        loadEarlier.addClassName("load-earlier");
        loadEarlier.addClickListener(click -> loadEarlier());
        loadEarlier.setTestId("load-earlier");
        loadLater.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        loadLater.addClassName("load-later");
        loadLater.addClickListener(click -> loadLater());
        loadLater.setTestId("load-later");
        loadLater.setVisible(false);
    }

    /** Shows the newest page of a conversation (null: none). */
    void open(Long conversationId) {
        this.conversationId = conversationId;
        forgetShown();
        hasEarlier = false;
        hasLater = false;
        seen.reset(null);
        if (conversationId != null) {
            seen.reset(receipts.seenUpTo(conversationId));
            List<ChatMessageView> newest = chat.history(conversationId, null, ChatService.PAGE_SIZE);
            hasEarlier = newest.size() == ChatService.PAGE_SIZE;
            newest.forEach(m -> shown.put(m.id(), item(m)));
            seen.apply(shown);
            list.setItems(shown.values());
            list.getElement().executeJs("this.parleyAtBottom = true"); // opens at the newest (parley.js chatLook)
        }
        loadEarlier.setVisible(hasEarlier);
        loadLater.setVisible(false);
    }

    /** No earlier pages to fetch any more (the reader lost access). */
    void stopPaging() {
        hasEarlier = false;
        loadEarlier.setVisible(false);
    }

    /** Shows a message of the open conversation once, in id order; returns false if it was already shown. */
    boolean add(ChatMessageView message) {
        if (conversationId == null || message.conversationId() != conversationId || shown.containsKey(message.id())) {
            return false;
        }
        if (hasLater) {
            if (message.sender().id() == me && !message.system()) {
                open(conversationId); // one's own message: back to the newest, where it is
                return true;
            }
            return false; // shown once the reader scrolls down to it
        }
        boolean newest = shown.isEmpty() || message.id() > shown.lastKey();
        MessageListItem item = item(message);
        shown.put(message.id(), item);
        Long readByWriting = ReadReceipts.readUpToBySending(message, me);
        if (readByWriting != null) {
            seen.readUpTo(readByWriting);
        }
        seen.apply(shown);
        if (newest) {
            if (message.sender().id() == me && !message.system()) {
                list.getElement().executeJs("this.parleyAtBottom = true"); // one's own message: down to it
            }
            list.addItem(item);
        } else {
            list.setItems(shown.values());
        }
        return true;
    }

    private void loadEarlier() {
        if (conversationId == null || !hasEarlier || shown.isEmpty()) {
            return;
        }
        long firstShown = shown.firstKey();
        List<ChatMessageView> page = chat.history(conversationId, firstShown, ChatService.PAGE_SIZE);
        hasEarlier = page.size() == ChatService.PAGE_SIZE;
        page.forEach(m -> shown.put(m.id(), item(m)));
        showInFront(firstShown);
        loadEarlier.setVisible(hasEarlier);
    }

    /** Sends the page only the messages just loaded before {@code firstShown}, not the whole list again. */
    private void showInFront(long firstShown) {
        seen.apply(shown);
        list.prepend(new ArrayList<>(shown.headMap(firstShown).values()));
    }

    private void loadLater() {
        if (conversationId == null || !hasLater || shown.isEmpty()) {
            return;
        }
        List<ChatMessageView> page = chat.historyAfter(conversationId, shown.lastKey(), ChatService.PAGE_SIZE);
        hasLater = page.size() == ChatService.PAGE_SIZE;
        page.forEach(m -> shown.put(m.id(), item(m)));
        seen.apply(shown);
        list.setItems(shown.values());
        // Read on request, not arriving: the announcer stays quiet (runs before the list's items reach the page).
        list.getElement().executeJs("parley.quietNextItems(this)");
        loadLater.setVisible(hasLater);
    }

    /**
     * Shows the open conversation around one of its messages, a page on either side: older and newer pages load as
     * the reader scrolls. False when the message is not one of this conversation's.
     */
    private boolean openAround(long messageId) {
        List<ChatMessageView> upToIt = chat.history(conversationId, messageId + 1, ChatService.PAGE_SIZE);
        if (upToIt.isEmpty() || upToIt.getLast().id() != messageId) {
            return false;
        }
        List<ChatMessageView> after = chat.historyAfter(conversationId, messageId, ChatService.PAGE_SIZE);
        forgetShown();
        hasEarlier = upToIt.size() == ChatService.PAGE_SIZE;
        hasLater = after.size() == ChatService.PAGE_SIZE;
        upToIt.forEach(m -> shown.put(m.id(), item(m)));
        after.forEach(m -> shown.put(m.id(), item(m)));
        seen.apply(shown);
        list.setItems(shown.values());
        loadEarlier.setVisible(hasEarlier);
        loadLater.setVisible(hasLater);
        return true;
    }

    /** A shown message was recalled, removed or edited: it changes in its place, and so do quotes of it. */
    void replace(ChatMessageView message) {
        if (conversationId == null || message.conversationId() != conversationId) {
            return;
        }
        List<ChatMessageView> changed = new ArrayList<>();
        if (shown.containsKey(message.id())) {
            changed.add(message);
        }
        Quote quote = Quote.of(message);
        shownMessages.values().stream()
                .filter(shownMessage ->
                        shownMessage.replyTo() != null && shownMessage.replyTo().messageId() == message.id())
                .forEach(reply -> changed.add(reply.withReplyTo(quote)));
        if (changed.isEmpty()) {
            return;
        }
        for (ChatMessageView replacement : changed) {
            seen.replaced(shown.put(replacement.id(), item(replacement)));
        }
        seen.apply(shown);
        list.setItems(shown.values());
    }

    /**
     * The reader clicked the quote in the reply at {@code index}: its original comes into view, after loading the
     * older pages up to it if it is not shown yet.
     */
    private void showOriginal(int index) {
        ChatMessageView reply = messageAt(index);
        if (reply != null && reply.replyTo() != null) {
            reveal(reply.replyTo().messageId());
        }
    }

    /**
     * Brings a message of the open conversation into view (a quote's original, a search hit), loading older pages
     * until it is shown — or, when it is far back, showing it with its neighbours — and lights it up. False when it is
     * not a message of this conversation.
     */
    boolean reveal(long messageId) {
        long originalId = messageId;
        if (conversationId == null || (!shown.isEmpty() && originalId > shown.lastKey() && !hasLater)) {
            return false;
        }
        if (!shown.containsKey(originalId) && hasEarlier && originalId < shown.firstKey()) {
            long firstShown = shown.firstKey();
            while (!shown.containsKey(originalId) && hasEarlier && shown.size() < MOST_SHOWN) {
                List<ChatMessageView> page = chat.history(conversationId, shown.firstKey(), JUMP_PAGE);
                hasEarlier = page.size() == JUMP_PAGE;
                page.forEach(m -> shown.put(m.id(), item(m)));
            }
            showInFront(firstShown);
            loadEarlier.setVisible(hasEarlier);
        }
        if (!shown.containsKey(originalId) && !openAround(originalId)) {
            return false;
        }
        list.getElement()
                .executeJs(
                        TimelineScripts.SCROLL_TO_MESSAGE,
                        shown.headMap(originalId).size());
        return true;
    }

    /** The message shown at this place in the list (0: the oldest shown), or null. */
    ChatMessageView messageAt(int index) {
        if (index < 0 || index >= shown.size()) {
            return null;
        }
        return shownMessages.get(shown.keySet().stream().skip(index).findFirst().orElseThrow());
    }

    /** Marks one shown message as the one the reader picked (null: none). */
    void highlight(Long messageId) {
        shown.forEach((id, item) -> {
            boolean picked = id.equals(messageId);
            if (picked != item.hasClassName("picked")) {
                if (picked) {
                    item.addClassNames("picked");
                } else {
                    item.removeClassNames("picked");
                }
            }
        });
    }

    private void forgetShown() {
        shown.clear();
        shownMessages.clear();
        items.clear();
    }

    private long conversationIdOr(long none) {
        Long open = conversationId;
        return open == null ? none : open;
    }

    private MessageListItem item(ChatMessageView message) {
        shownMessages.put(message.id(), message);
        return items.of(message);
    }
}
