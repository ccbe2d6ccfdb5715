package org.parley.base.ui;

import com.vaadin.flow.component.PushConfiguration;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.i18n.I18NProvider;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.shared.communication.PushMode;
import com.vaadin.flow.shared.ui.Transport;
import java.util.List;
import org.parley.base.service.UserFacingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Per-session setup: errors become readable notifications (never a stack trace), and the push
 * transport can be forced with {@code ?transport=long-polling} (kept for the session), which the
 * browser tests use to prove the fallback delivers too.
 */
@Component
class ParleyServiceInit implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(ParleyServiceInit.class);
    private static final String TRANSPORT_ATTRIBUTE = "parley.push-transport";

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(ParleyServiceInit::handle));
        event.getSource().addUIInitListener(init -> {
            UI ui = init.getUI();
            var firstNavigation = new java.util.concurrent.atomic.AtomicBoolean(true);
            ui.addBeforeEnterListener(enter -> {
                if (firstNavigation.getAndSet(false)) {
                    // After every UI init listener: the page's language is settled (a Profile choice included).
                    ComponentWords.apply(ui);
                    startPush(
                            ui,
                            enter.getLocation()
                                    .getQueryParameters()
                                    .getParameters()
                                    .get("transport"));
                }
            });
        });
    }

    /** Turns push on with the transport asked for by this page's address, or earlier in the session. */
    private static void startPush(UI ui, List<String> requested) {
        if (requested != null && !requested.isEmpty()) {
            ui.getSession()
                    .setAttribute(
                            TRANSPORT_ATTRIBUTE,
                            "long-polling".equals(requested.getFirst())
                                    ? Transport.LONG_POLLING
                                    : Transport.WEBSOCKET_XHR);
        }
        Object chosen = ui.getSession().getAttribute(TRANSPORT_ATTRIBUTE);
        PushConfiguration push = ui.getPushConfiguration();
        push.setTransport(chosen instanceof Transport transport ? transport : Transport.WEBSOCKET_XHR);
        push.setFallbackTransport(Transport.LONG_POLLING);
        push.setPushMode(PushMode.AUTOMATIC);
    }

    private static void handle(ErrorEvent event) {
        Throwable cause = event.getThrowable();
        while (cause != null && !(cause instanceof UserFacingException)) {
            cause = cause.getCause();
        }
        String message;
        if (cause instanceof UserFacingException userFacing) {
            message = Words.of(userFacing);
        } else {
            log.error("Unexpected error", event.getThrowable());
            message = null;
        }
        if (UI.getCurrent() != null && VaadinSession.getCurrent() != null) {
            UI.getCurrent()
                    .access(() ->
                            Toasts.error(message != null ? message : I18NProvider.translate("base.error.unexpected")));
        }
    }
}
