package org.parley.chat.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouteParameters;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.function.LongFunction;
import org.parley.base.service.UserFacingException;
import org.parley.base.ui.TimeFormat;
import org.parley.base.ui.Words;
import org.parley.chat.service.ChatMessageView;
import org.parley.chat.service.MessageHit;
import org.parley.chat.service.MessageSearch;

/**
 * Search in one's own messages: words typed find the newest messages holding all of them, in every conversation or
 * only the open one; each hit shows who wrote it, when and where, with the words marked, and opens the conversation
 * at that message.
 */
class MessageSearchDialog extends Dialog {

    private static final int PAGE = 20;
    private static final int SHOWN_TEXT = 160;

    private final MessageSearch search;
    private final LongFunction<String> titles;
    private final ZoneId zone;
    private final Clock clock;
    private final TextField query = new TextField();
    private final Checkbox onlyHere = new Checkbox();
    private final Div results = new Div();
    private final Span status = new Span();
    private final Button more = new Button(getTranslation("chat.search.more"));
    private final Long openConversationId;
    private Long lastShownId;

    MessageSearchDialog(
            MessageSearch search, Long openConversationId, LongFunction<String> titles, ZoneId zone, Clock clock) {
        this.search = search;
        this.openConversationId = openConversationId;
        this.titles = titles;
        this.zone = zone;
        this.clock = clock;
        setHeaderTitle(getTranslation("chat.search.title"));
        addClassName("message-search");
        query.setLabel(getTranslation("chat.search.words"));
        query.setPlaceholder(getTranslation("chat.search.placeholder"));
        query.setPrefixComponent(VaadinIcon.SEARCH.create());
        query.setClearButtonVisible(true);
        query.setMaxLength(MessageSearch.MAX_QUERY_LENGTH);
        query.setWidthFull();
        query.setValueChangeMode(ValueChangeMode.LAZY);
        query.setValueChangeTimeout(350);
        query.setTestId("message-search-field");
        query.addValueChangeListener(change -> runSearch());
        String here = openConversationId == null ? null : titles.apply(openConversationId);
        onlyHere.setLabel(here == null ? "" : getTranslation("chat.search.only-in", here));
        onlyHere.setVisible(here != null);
        onlyHere.setTestId("message-search-here");
        onlyHere.addValueChangeListener(change -> runSearch());
        results.addClassName("search-results");
        results.setTestId("message-search-results");
        results.getElement().setAttribute("role", "list");
        results.getElement().setAttribute("aria-label", getTranslation("chat.search.results"));
        status.addClassName("search-status");
        status.getElement().setAttribute("aria-live", "polite");
        more.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        more.setVisible(false);
        more.addClickListener(click -> showMore());
        add(query, onlyHere, status, results, more);
        getFooter().add(new Button(getTranslation("base.close"), click -> close()));
        addOpenedChangeListener(opened -> query.focus());
    }

    private void runSearch() {
        results.removeAll();
        lastShownId = null;
        more.setVisible(false);
        status.setText("");
        if (query.getValue().isBlank()) {
            return;
        }
        showMore();
    }

    private void showMore() {
        List<MessageHit> found;
        try {
            found = search.search(query.getValue(), onlyHere.getValue() ? openConversationId : null, lastShownId, PAGE);
        } catch (UserFacingException refused) {
            status.setText(Words.of(refused));
            return;
        }
        found.forEach(hit -> results.add(hit(hit)));
        if (!found.isEmpty()) {
            lastShownId = found.getLast().message().id();
        }
        more.setVisible(found.size() == PAGE);
        status.setText(
                results.getComponentCount() == 0
                        ? getTranslation("chat.search.none")
                        : getTranslation(
                                "chat.search.found", results.getComponentCount() + (found.size() == PAGE ? "+" : "")));
    }

    private Div hit(MessageHit found) {
        ChatMessageView message = found.message();
        String title = titles.apply(message.conversationId());
        Span where = new Span(Words.of(message.sender().shownName()) + " · "
                + TimeFormat.brief(message.sentAt(), zone, clock)
                + (title == null ? "" : " · " + title));
        where.addClassName("search-hit-where");
        Div text = new Div();
        text.addClassName("search-hit-text");
        SearchHitText.around(message.body(), found.found(), SHOWN_TEXT).forEach(text::add);
        Div hit = new Div(where, text);
        hit.addClassName("search-hit");
        hit.setTestId("search-hit");
        hit.getElement().setAttribute("role", "listitem");
        hit.getElement().setAttribute("tabindex", "0");
        hit.addClickListener(click -> choose(message));
        hit.getElement().addEventListener("keydown", enter -> choose(message)).setFilter("event.key === 'Enter'");
        return hit;
    }

    /** Opens the hit's conversation at it ({@link ChatView} reads ?message=). */
    private void choose(ChatMessageView message) {
        close();
        UI.getCurrent()
                .navigate(
                        ChatView.class,
                        new RouteParameters("conversationId", String.valueOf(message.conversationId())),
                        QueryParameters.of("message", String.valueOf(message.id())));
    }
}
