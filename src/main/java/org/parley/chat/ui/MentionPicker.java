package org.parley.chat.ui;

import com.vaadin.flow.component.messages.MessageInput;
import java.util.List;
import java.util.function.LongFunction;
import org.parley.account.service.UserSummary;
import org.parley.chat.service.MentionSyntax;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * The "@" list of a group's composer: typing "@" offers the group's members, narrowed by what follows it (the start of
 * a user name, or any part of a display name, so "@伟" finds 张伟); Up and Down move through it, Enter or Tab writes
 * "@username" into the text, Esc closes it, and Enter sends the message only while the list is closed. The members
 * are fetched once per conversation, on the first "@".
 */
class MentionPicker {

    /** Made once per page on the message input; {@code this.__parleyMentionable} holds the open group's members. */
    private static final String PICKER = """
            const host = this;
            if (host.__parleyPicker) return;
            const popup = document.createElement('div');
            popup.className = 'mention-popup';
            popup.setAttribute('role', 'listbox');
            popup.setAttribute('aria-label', 'Members to mention');
            popup.hidden = true;
            popup.dataset.testid = 'mention-popup';
            popup.id = 'parley-mention-popup';
            // Outside the composer (whose children the server owns), placed over it on each showing.
            document.body.appendChild(popup);
            let shown = [], active = 0, textarea = null;
            // "@" where a mention may start, and what follows it up to the caret.
            const typing = new RegExp($0);
            // A screen reader follows the active option while the keyboard stays in the text box.
            const announce = () => {
              if (!textarea) return;
              textarea.setAttribute('aria-expanded', String(!popup.hidden));
              textarea.setAttribute('aria-controls', popup.id);
              if (popup.hidden) textarea.removeAttribute('aria-activedescendant');
              else textarea.setAttribute('aria-activedescendant', 'parley-mention-' + active);
            };
            const close = () => { popup.hidden = true; shown = []; announce(); };
            const before = () => {
              const upTo = textarea.value.slice(0, textarea.selectionStart);
              return typing.exec(upTo);
            };
            const render = () => {
              popup.replaceChildren(...shown.map((p, i) => {
                const item = document.createElement('div');
                item.className = 'mention-option' + (i === active ? ' active' : '');
                item.id = 'parley-mention-' + i;
                item.setAttribute('role', 'option');
                item.setAttribute('aria-selected', String(i === active));
                const name = document.createElement('span');
                name.textContent = p.displayName;
                const user = document.createElement('span');
                user.className = 'mention-username';
                user.textContent = '@' + p.username;
                item.append(name, user);
                item.addEventListener('mousedown', e => { e.preventDefault(); choose(i); });
                return item;
              }));
              const place = host.getBoundingClientRect();
              popup.style.left = place.left + 'px';
              popup.style.bottom = (window.innerHeight - place.top + 4) + 'px';
              popup.hidden = shown.length === 0;
              announce();
            };
            const update = () => {
              const typed = textarea && before();
              if (!typed || host.getAttribute('data-group') !== 'true') { close(); return; }
              if (!host.__parleyMentionable) {
                host.dispatchEvent(new CustomEvent('parley-mention-list'));
                return;
              }
              const query = typed[1].toLowerCase();
              shown = host.__parleyMentionable.filter(p => p.username.toLowerCase().startsWith(query)
                  || p.displayName.toLowerCase().includes(query)).slice(0, 8);
              active = 0;
              render();
            };
            const choose = i => {
              const typed = before();
              const person = shown[i];
              if (!typed || !person) return;
              const start = textarea.selectionStart - typed[1].length - 1;
              const rest = textarea.value.slice(textarea.selectionStart);
              const text = textarea.value.slice(0, start) + '@' + person.username + ' ';
              textarea.value = text + rest;
              textarea.setSelectionRange(text.length, text.length);
              textarea.dispatchEvent(new Event('input', {bubbles: true, composed: true}));
              close();
            };
            host.__parleyMentionsChanged = update;
            host.addEventListener('input', e => { textarea = e.composedPath()[0]; update(); }, true);
            host.addEventListener('keydown', e => {
              if (popup.hidden) return;
              if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
                active = (active + (e.key === 'ArrowDown' ? 1 : shown.length - 1)) % shown.length;
                render();
              } else if (e.key === 'Enter' || e.key === 'Tab') {
                choose(active);
              } else if (e.key === 'Escape') {
                close();
              } else {
                return;
              }
              e.preventDefault();
              e.stopPropagation();
            }, true);
            host.addEventListener('focusout', () => setTimeout(close, 150));
            host.__parleyPicker = true;
            """;

    /**
     * "@" where {@link MentionSyntax} lets a mention start, then what is typed after it up to the caret: the start of
     * a user name or a piece of a display name (which may hold any letters, but no spaces).
     */
    private static final String TYPING = "(?:^|[^" + MentionSyntax.NOT_AFTER + "])@([^\\s@]{0,32})$";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MessageInput input;
    private final LongFunction<List<UserSummary>> mentionable;
    private Long conversationId;

    /** {@code mentionable}: the people of a conversation its reader may mention (asked on the first "@"). */
    MentionPicker(MessageInput input, LongFunction<List<UserSummary>> mentionable) {
        this.input = input;
        this.mentionable = mentionable;
        input.addAttachListener(attach -> input.getElement().executeJs(PICKER, TYPING));
        input.getElement().addEventListener("parley-mention-list", asked -> sendMembers());
    }

    /** The composer now writes to this conversation; "@" offers its members when it is a group. */
    void prepareFor(long conversationId, boolean group) {
        this.conversationId = conversationId;
        input.getElement().setAttribute("data-group", String.valueOf(group));
        input.getElement().executeJs("this.__parleyMentionable = null");
    }

    private void sendMembers() {
        if (conversationId == null) {
            return;
        }
        ArrayNode people = JSON.createArrayNode();
        for (UserSummary person : mentionable.apply(conversationId)) {
            people.addObject().put("username", person.username()).put("displayName", person.displayName());
        }
        input.getElement()
                .executeJs(
                        "this.__parleyMentionable = JSON.parse($0); this.__parleyMentionsChanged && this.__parleyMentionsChanged()",
                        people.toString());
    }
}
