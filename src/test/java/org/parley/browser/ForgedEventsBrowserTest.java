package org.parley.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.support.TestUsers.as;
import static org.parley.support.TestUsers.run;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.AriaRole;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.parley.account.service.UserSummary;
import org.parley.chat.service.ChatMessageView;
import org.parley.chat.service.ChatService;
import org.parley.chat.ui.ChatView;
import org.parley.groups.service.GroupModeration;
import org.parley.groups.service.GroupService;
import org.parley.groups.service.GroupSummary;
import org.parley.support.Scenarios;
import org.parley.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Forged client events: what the page does not offer, a person cannot do by editing the page. A muted member who
 * re-enables the disabled composer in the page and sends (button, Enter, a hand-made submit event, and an event
 * written straight into a request to the server) stores nothing and sees nothing sent. The same script and the same
 * hand-made request do send while he may write, so what they do is really tried. A plain member's page has no
 * administrator's controls at all: Vaadin takes events only for components the server put into that member's page.
 */
class ForgedEventsBrowserTest extends BrowserTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Takes every disabled mark off the composer and what is inside it. */
    private static final String ENABLE_COMPOSER = """
            () => {
              const input = document.querySelector('[data-testid=message-input]');
              for (const el of [input, ...input.querySelectorAll('*')]) {
                el.removeAttribute('disabled');
                if ('disabled' in el) el.disabled = false;
              }
            }""";

    /** The composer's own submit event, as the component fires it, made by hand. */
    private static final String DISPATCH_SUBMIT = """
            text => document.querySelector('[data-testid=message-input]')
                .dispatchEvent(new CustomEvent('submit', { detail: { value: text } }))""";

    @Autowired
    TestUsers users;

    @Autowired
    Scenarios scenarios;

    @Autowired
    ChatService chat;

    @Autowired
    GroupService groups;

    @Autowired
    GroupModeration moderation;

    /** Bodies of the requests Max's page sent to the server (Vaadin's "uidl" requests). */
    private final List<String> sent = new CopyOnWriteArrayList<>();
    /** An event to write into the next request Max's page sends, when set. */
    private final AtomicReference<ObjectNode> toInject = new AtomicReference<>();
    /** The bodies that carried an injected event, as they went to the server. */
    private final List<String> injected = new CopyOnWriteArrayList<>();

    private Page watched;
    private volatile boolean closing;

    @Test
    void a_muted_member_who_re_enables_the_composer_in_the_page_sends_nothing() {
        UserSummary olga = users.create("olga");
        UserSummary max = users.create("max");
        GroupSummary group = scenarios.openGroup(olga, "Quiet " + TestUsers.uniqueName("room"), null, max);
        Page page = newPerson();
        watchRequests(page);
        signIn(page, max.username(), TestUsers.PASSWORD);
        page.navigate(url("chat/" + group.conversationId()));
        Locator composer = page.locator("[data-testid=message-input]");
        Locator messages = page.locator("[data-testid=message-list]");
        assertThat(composer).not().hasAttribute("disabled", "");

        // While Max may write, the script and the hand-made request both send.
        forgeThroughThePage(page, "control typed");
        assertThat(messages.getByText("control typed by Enter")).hasCount(1);
        assertThat(messages.getByText("control typed by the button")).hasCount(1);
        assertThat(messages.getByText("control typed as a submit event")).hasCount(1);
        int composerNode = nodeOfSubmit("control typed by Enter");
        injectSubmit(page, composerNode, "control written into a request", "control-request-1");
        assertThat(messages.getByText("control written into a request")).hasCount(1);
        assertThat(textsIn(olga, group))
                .contains(
                        "control typed by Enter",
                        "control typed by the button",
                        "control typed as a submit event",
                        "control written into a request");

        // Olga mutes Max: his page disables the composer.
        run(olga, () -> moderation.mute(group.id(), max.id(), Duration.ofMinutes(10), "Quiet please"));
        assertThat(page.locator("[data-testid=send-notice]")).containsText("You are muted in " + group.name());
        assertThat(composer).hasAttribute("disabled", "");
        assertThat(messages.getByText(max.displayName() + " was muted")).hasCount(1); // counted in what is shown
        int before = messages.locator("vaadin-message").count();

        // Max takes the disabled marks off in the page and sends every way the control did.
        page.evaluate(ENABLE_COMPOSER);
        assertThat(composer).not().hasAttribute("disabled", "");
        forgeThroughThePage(page, "forged");
        injectSubmit(page, composerNode, "forged written into a request", "forged-request-1");

        // Nothing was stored, nobody was told, and his page shows nothing sent.
        assertThat(textsIn(olga, group)).noneMatch(text -> text.startsWith("forged"));
        assertThat(messages.getByText("forged")).hasCount(0);
        assertThat(messages.locator("vaadin-message")).hasCount(before);
        assertThat(page.locator("[data-testid=send-notice]")).containsText("You are muted in " + group.name());
    }

    @Test
    void a_plain_member_has_no_administrators_controls_to_forge_events_for() {
        UserSummary olga = users.create("olga");
        UserSummary max = users.create("max");
        GroupSummary group = scenarios.openGroup(olga, "Plain " + TestUsers.uniqueName("room"), null, max);
        Page olgas = newPerson();
        Page maxs = newPerson();
        signIn(olgas, olga.username(), TestUsers.PASSWORD);
        signIn(maxs, max.username(), TestUsers.PASSWORD);

        // The owner's panel, where every control looked for below exists.
        openPanel(olgas, group);
        assertThat(actionsMenus(olgas)).hasCount(1);
        assertThat(olgas.getByRole(
                        AriaRole.MENUITEM, new Page.GetByRoleOptions().setName("Actions for " + max.displayName())))
                .isVisible();
        assertThat(olgas.locator("#group-requests-tab")).hasCount(1);
        assertThat(olgas.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Log")))
                .hasCount(1);
        olgas.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Settings"))
                .click();
        for (String control : ADMIN_CONTROLS) {
            assertThat(olgas.locator("[data-testid=" + control + "]")).hasCount(1);
        }

        // Max's panel: none of them are in his page at all, only what a member may do.
        openPanel(maxs, group);
        assertThat(maxs.locator("[data-testid=member-" + olga.username() + "]")).isVisible();
        assertThat(actionsMenus(maxs)).hasCount(0);
        assertThat(maxs.getByRole(
                        AriaRole.MENUITEM, new Page.GetByRoleOptions().setName("Actions for " + olga.displayName())))
                .hasCount(0);
        assertThat(maxs.locator("#group-requests-tab")).hasCount(0);
        assertThat(maxs.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Log")))
                .hasCount(0);
        assertThat(maxs.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Banned")))
                .hasCount(0);
        maxs.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Settings"))
                .click();
        assertThat(maxs.locator("[data-testid=group-leave]")).isVisible();
        for (String control : ADMIN_CONTROLS) {
            assertThat(maxs.locator("[data-testid=" + control + "]")).hasCount(0);
        }
        assertThat(maxs.locator("[data-testid=group-requests-badge]")).hasCount(0);
    }

    /** The administrators' controls in a group's settings tab. */
    private static final List<String> ADMIN_CONTROLS = List.of(
            "group-mute-all", "group-temporary-chats", "group-add-member", "group-avatar-upload", "group-delete");

    private static void openPanel(Page page, GroupSummary group) {
        page.navigate(page.url().replaceAll("/[^/]*$", "/") + "chat/" + group.conversationId());
        page.locator("[data-testid=group-members-button]").click();
        assertThat(page.locator("[data-testid=group-members]")).containsText("online now");
    }

    private static Locator actionsMenus(Page page) {
        return page.locator("[data-testid=group-members] vaadin-menu-bar");
    }

    // --- forging ---------------------------------------------------------------------------------------------

    /** Sends three messages the ways a page can: Enter, the send button, the composer's submit event by hand. */
    private static void forgeThroughThePage(Page page, String prefix) {
        Locator text = page.locator("[data-testid=message-input] textarea");
        text.fill(prefix + " by Enter");
        text.press("Enter");
        text.fill(prefix + " by the button");
        page.locator("[data-testid=message-input] vaadin-button, [data-testid=message-input] [slot=button]")
                .first()
                .click();
        page.evaluate(DISPATCH_SUBMIT, prefix + " as a submit event");
    }

    /**
     * Writes a submit event for the composer (its node in Max's page) into the next request his page sends (the
     * Members button's click), then closes the panel that opens: by then the server has handled the event, which
     * came first in the same request.
     */
    private void injectSubmit(Page page, int node, String text, String clientId) {
        ObjectNode event = JSON.createObjectNode();
        event.put("type", "event");
        event.put("node", node);
        event.put("event", "submit");
        ObjectNode data = event.putObject("data");
        data.put(ChatView.TEXT_KEY, text);
        data.put(ChatView.CLIENT_ID_EXPRESSION, clientId);
        int carried = injected.size();
        toInject.set(event);
        page.locator("[data-testid=group-members-button]").click();
        assertThat(page.locator("[data-testid=group-members]")).containsText("online now");
        assertThat(injected).as("a request carried the hand-made event").hasSize(carried + 1);
        assertThat(injected.getLast()).contains(text);
        page.keyboard().press("Escape");
        assertThat(page.locator("[data-testid=group-members]")).isHidden();
    }

    /** Records what the page sends to the server, and writes {@link #toInject} into the next request. */
    private void watchRequests(Page page) {
        watched = page;
        page.route(url -> url.contains("v-r=uidl"), route -> {
            try {
                String body = route.request().postData();
                ObjectNode event = toInject.getAndSet(null);
                if (body == null || event == null) {
                    if (body != null) {
                        sent.add(body);
                    }
                    route.resume();
                    return;
                }
                ObjectNode request = (ObjectNode) JSON.readTree(body);
                ((ArrayNode) request.get("rpc")).insert(0, event);
                String changed = JSON.writeValueAsString(request);
                sent.add(changed);
                injected.add(changed);
                route.resume(new Route.ResumeOptions().setPostData(changed));
            } catch (PlaywrightException pageClosing) {
                if (!closing) {
                    throw pageClosing;
                }
            }
        });
    }

    /** Before the page closes (the base class closes it after this): its last requests go out untouched. */
    @AfterEach
    void stopWatching() {
        closing = true;
        if (watched != null) {
            watched.unrouteAll();
        }
    }

    /** The node the composer has in the page: the one its submit event carrying {@code text} was sent for. */
    private int nodeOfSubmit(String text) {
        for (String body : sent) {
            for (JsonNode rpc : JSON.readTree(body).path("rpc")) {
                if ("submit".equals(rpc.path("event").asString(""))
                        && text.equals(rpc.path("data").path(ChatView.TEXT_KEY).asString(""))) {
                    return rpc.path("node").asInt();
                }
            }
        }
        throw new AssertionError("no submit event with \"" + text + "\" was sent: " + sent);
    }

    /** The texts stored in the group's conversation, as its owner reads them. */
    private List<String> textsIn(UserSummary owner, GroupSummary group) {
        return as(owner, () -> chat.history(group.conversationId(), null, ChatService.PAGE_SIZE)).stream()
                .map(ChatMessageView::body)
                .toList();
    }
}
