package org.parley.chat.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.messages.MessageInput;
import com.vaadin.flow.component.messages.MessageList;
import com.vaadin.flow.component.page.PageVisibility;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.VaadinSessionState;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.signals.Signal;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.util.List;
import org.parley.base.service.CurrentUser;
import org.parley.base.service.LiveEvents;
import org.parley.base.service.UserFacingException;
import org.parley.base.ui.EmptyState;
import org.parley.base.ui.LiveUpdates;
import org.parley.base.ui.ReaderZone;
import org.parley.base.ui.Toasts;
import org.parley.base.ui.Words;
import org.parley.chat.service.AccessChanged;
import org.parley.chat.service.AttachmentService;
import org.parley.chat.service.ChatMessageView;
import org.parley.chat.service.ChatService;
import org.parley.chat.service.ConversationDetails;
import org.parley.chat.service.ConversationNotifications;
import org.parley.chat.service.ConversationOverview;
import org.parley.chat.service.MessageChanged;
import org.parley.chat.service.MessageChanges;
import org.parley.chat.service.MessagePosted;
import org.parley.chat.service.MessageSearch;
import org.parley.chat.service.ReadMarkers;
import org.parley.chat.service.ReadReceipts;
import org.parley.chat.service.TypingService;
import org.parley.friends.service.FriendService;
import org.parley.friends.service.FriendsChanged;

/**
 * The conversation list beside the open conversation, with its header and composer. This view routes: it opens
 * what the address names and hands live events to its parts ({@link ConversationList}, {@link ConversationHeader},
 * {@link MessageTimeline}, {@link TypingIndicator}, {@link ReadTracker}).
 */
@Route("chat/:conversationId?([0-9]{1,18})")
@RouteAlias("")
@PermitAll
public class ChatView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    /**
     * Evaluated in the browser for each submit of the composer: a fresh random id for the message
     * ({@link Composer#NEW_ID}), sent with it as event data under this very expression as key. The composer's
     * outbox keeps the text under that id in the page until the server has it.
     */
    public static final String CLIENT_ID_EXPRESSION =
            "window.parleyOutbox ? parleyOutbox.pend(element, event.detail.value) : (" + Composer.NEW_ID + ")";
    /** The composer's text in the submit event's data (the key is the expression, as for every event data). */
    public static final String TEXT_KEY = "event.detail.value";

    private final ChatService chat;
    private final ConversationOverview overview;
    private final MessageSearch messageSearch;
    private final Clock clock;
    private final ReadMarkers readMarkers;
    private final TypingService typingService;
    private final long me;

    private final ConversationList conversationList;
    private final MessageTimeline timeline;
    private final Div pane = new Div();
    /** The parts of the timeline and composer that tests reach for. */
    final MessageList messageList;

    final MessageInput input;
    final Button loadEarlier;
    private final ConversationAccess access;
    private final TypingIndicator typingIndicator;
    private final MessageActionBar actionBar;
    private final ConversationHeader header;
    final Upload upload;
    private final Composer composer;

    private Long openConversationId;
    private final ReadTracker reading;
    private final TabUnread unread;

    public ChatView(
            ChatService chat,
            ConversationOverview overview,
            AttachmentService attachments,
            FriendService friends,
            ReadMarkers readMarkers,
            ReadReceipts readReceipts,
            MessageChanges messageChanges,
            MessageSearch messageSearch,
            TypingService typingService,
            LiveEvents liveEvents,
            CurrentUser currentUser,
            Clock clock,
            List<ConversationHeaderActions> headerActions,
            ConversationNotifications notifications) {
        this.chat = chat;
        this.overview = overview;
        this.readMarkers = readMarkers;
        this.typingService = typingService;
        this.header = new ConversationHeader(friends, notifications, headerActions);
        this.me = currentUser.requireId();
        addClassName("chat-page");
        conversationList = new ConversationList(me, clock, this::openSearch);
        this.messageSearch = messageSearch;
        this.clock = clock;
        timeline = new MessageTimeline(chat, readReceipts, liveEvents, me);
        messageList = timeline.list;
        loadEarlier = timeline.loadEarlier;
        pane.addClassName("conversation-pane");

        composer = new Composer(attachments, me, this::send, this::recheckAccess, this::typing, overview::mentionable);
        actionBar = new MessageActionBar(messageChanges, timeline, composer::replyTo);
        typingIndicator = new TypingIndicator(clock, liveEvents, me);
        input = composer.input;
        upload = composer.upload;
        access = new ConversationAccess(overview, header, composer, timeline, clock);
        AttachmentUpload.acceptDropsOn(pane);

        add(conversationList, pane);
        UI ui = UI.getCurrent();
        ui.getPage().retrieveExtendedClientDetails(details -> conversationList.zone(ReaderZone.of(details)));
        LiveUpdates.bind(this, liveEvents, me, event -> {
            switch (event) {
                case MessagePosted posted -> messagePosted(posted);
                case MessageChanged changed -> messageChanged(changed.message());
                case FriendsChanged changed -> {
                    // A friendship can make a temporary conversation an ordinary one, or end one.
                    access.recheck();
                    renderConversationList();
                }
                case AccessChanged changed -> {
                    // A temporary conversation lives by shared groups: any change in one may end or revive it.
                    if (openConversationId != null
                            && (changed.conversationId() == openConversationId || access.isTemporary())) {
                        access.recheck();
                    }
                    renderConversationList();
                }
                default -> {}
            }
        });
        unread = TabUnread.of(ui, readMarkers);
        reading = new ReadTracker(ui, unread);
        addAttachListener(attach -> {
            Registration rendering = unread.onChange(() -> conversationList.showUnread(unread.counts()));
            addDetachListener(detach -> {
                rendering.remove();
                // A session that ends (expired, the node stopping) closes its tabs with nobody signed in and
                // nobody reading: only a tab a person leaves marks what they saw.
                VaadinSession session = VaadinSession.getCurrent();
                if (session != null && session.getState() == VaadinSessionState.OPEN) {
                    reading.open(null);
                }
                detach.unregisterListener();
            });
        });
        // Hidden tabs read nothing; coming back into view reads what arrived meanwhile. (Runs while attached.)
        Signal.effect(
                this, () -> reading.visible(ui.getPage().pageVisibilitySignal().get() != PageVisibility.HIDDEN));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Long requested = event.getRouteParameters()
                .get("conversationId")
                .map(Long::valueOf)
                .orElse(null);
        openConversationId = null;
        access.clear();
        timeline.open(null);
        typingIndicator.open(null);
        if (requested != null) {
            try {
                open(overview.details(requested));
            } catch (UserFacingException notYours) {
                Toasts.error(Words.of(notYours));
                showNoConversation();
            }
        } else {
            showNoConversation();
        }
        reading.open(openConversationId);
        conversationList.select(openConversationId);
        renderConversationList();
        // A search hit opens its conversation at it: ?message=<id>.
        event.getLocation().getQueryParameters().getSingleParameter("message").ifPresent(this::reveal);
    }

    private void reveal(String messageId) {
        try {
            if (openConversationId != null && !timeline.reveal(Long.parseLong(messageId))) {
                Toasts.info(getTranslation("chat.message-gone"));
            }
        } catch (NumberFormatException notAnId) {
            // An address someone typed: the conversation opens at its newest messages.
        }
    }

    private void openSearch() {
        new MessageSearchDialog(
                        messageSearch, openConversationId, conversationList::titleOf, conversationList.zone(), clock)
                .open();
    }

    private void open(ConversationDetails details) {
        openConversationId = details.id();
        addClassName("has-selection");
        pane.removeAll();
        access.show(details);
        composer.prepareFor(details.id(), details.isGroup());
        timeline.open(details.id());
        typingIndicator.open(details.id());
        actionBar.close();
        pane.add(
                header,
                loadEarlier,
                messageList,
                timeline.announcer,
                timeline.loadLater,
                actionBar,
                typingIndicator,
                access,
                composer);
        composer.focus();
    }

    private void showNoConversation() {
        removeClassName("has-selection");
        pane.removeAll();
        pane.add(new EmptyState(VaadinIcon.CHAT, getTranslation("chat.pick"), getTranslation("chat.pick-detail")));
    }

    /**
     * Sends what a composer submitted, to {@code conversationId}: the open conversation, or, for a message the
     * outbox sends again after a reload, the one it was written in. The outbox forgets it once stored or refused.
     */
    private void send(long conversationId, String text, String clientId, Long replyToId) {
        try {
            ChatMessageView sent = chat.send(conversationId, text, clientId, replyToId);
            composer.sent(clientId);
            composer.endReplyTo(replyToId);
            messageArrived(sent);
        } catch (UserFacingException refused) {
            composer.sent(clientId);
            Toasts.error(Words.of(refused));
            // The browser emptied the field when it sent: a refused message ("too fast", "muted") is not lost.
            composer.giveBack(text);
            access.recheck();
        }
    }

    /** An upload was refused: the conversation shows at once whether it still takes anything. */
    private void recheckAccess() {
        access.recheck();
    }

    /** Keys pressed in the composer (at most once a second): the open conversation's other members see it. */
    private void typing() {
        if (openConversationId != null) {
            try {
                typingService.typing(openConversationId);
            } catch (UserFacingException mayNotWrite) {
                // The header already says why this person cannot write here; typing shows nothing.
            }
        }
    }

    /**
     * A message reached this tab: the tab's counts take it first (the main layout feeds them too; twice changes
     * nothing), since whether the open conversation needs reading depends on them.
     */
    private void messagePosted(MessagePosted posted) {
        unread.apply(posted);
        messageArrived(posted.message());
    }

    /**
     * A message of the caller's: shown if its conversation is open (and read within a second, if the tab is in
     * view), and its conversation's row moves to the top.
     */
    private void messageArrived(ChatMessageView message) {
        timeline.add(message);
        typingIndicator.messageArrived(message);
        reading.messageArrived(message.conversationId());
        if (!conversationList.messagePosted(message)) {
            renderConversationList();
        }
    }

    /** A message was recalled, removed or edited (here or in another tab): it, and quotes of it, change in place. */
    private void messageChanged(ChatMessageView message) {
        timeline.replace(message);
        actionBar.messageChanged(message);
        conversationList.messageChanged(message);
        if (message.gone()) {
            composer.endReplyTo(message.id());
        }
    }

    private void renderConversationList() {
        conversationList.show(overview.conversations(), unread.counts());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("chat.title");
    }
}
