package org.parley.base.ui;

import com.vaadin.flow.component.UI;

/**
 * Words Vaadin's own web components show that their Java API does not reach, in the page's language: the connection
 * indicator ("Online", "Connection lost") and the password fields' reveal button ("Show password", also inside
 * the login form); the page's lang attribute (screen readers pronounce by it), and the style sheet's own words
 * ("Seen", "edited"). Set once per page, at its first navigation; later password fields take it as they connect.
 */
final class ComponentWords {

    private static final String SCRIPT = """
            const [online, lost, reconnecting, reveal, language, seen, edited] = [$0, $1, $2, $3, $4, $5, $6];
            // Screen readers pronounce the page in its language; the style sheet's own words follow it too.
            document.documentElement.lang = language;
            document.documentElement.style.setProperty('--parley-seen', JSON.stringify(seen));
            document.documentElement.style.setProperty('--parley-edited', JSON.stringify(edited));
            const indicator = window.Vaadin && window.Vaadin.connectionIndicator;
            if (indicator) {
              indicator.onlineText = online;
              indicator.offlineText = lost;
              indicator.reconnectingText = reconnecting;
            }
            const named = field => { field.i18n = {...field.i18n, reveal}; };
            customElements.whenDefined('vaadin-password-field').then(() => {
              const type = customElements.get('vaadin-password-field').prototype;
              const connected = type.connectedCallback;
              type.connectedCallback = function () {
                if (connected) connected.call(this);
                named(this);
              };
              const visit = root => root.querySelectorAll('*').forEach(element => {
                if (element.localName === 'vaadin-password-field') named(element);
                if (element.shadowRoot) visit(element.shadowRoot);
              });
              visit(document);
            });
            """;

    private ComponentWords() {}

    static void apply(UI ui) {
        ui.getPage()
                .executeJs(
                        SCRIPT,
                        ui.getTranslation("base.connection.online"),
                        ui.getTranslation("base.connection.lost"),
                        ui.getTranslation("base.connection.reconnecting"),
                        ui.getTranslation("base.password.reveal"),
                        ui.getLocale().toLanguageTag(),
                        ui.getTranslation("base.seen"),
                        ui.getTranslation("base.edited"));
    }
}
