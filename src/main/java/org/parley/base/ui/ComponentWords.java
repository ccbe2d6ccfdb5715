package org.parley.base.ui;

import com.vaadin.flow.component.UI;

/**
 * Words Vaadin's own web components show that their Java API does not reach, in the page's language: the connection
 * indicator ("Online", "Connection lost") and the password fields' reveal button ("Show password", also inside
 * the login form). Set once per page, at the UI's start; later password fields take it as they connect.
 */
final class ComponentWords {

    private static final String SCRIPT = """
            const [online, lost, reconnecting, reveal] = [$0, $1, $2, $3];
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
                        ui.getTranslation("base.password.reveal"));
    }
}
