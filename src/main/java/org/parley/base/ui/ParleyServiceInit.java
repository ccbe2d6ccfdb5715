package org.parley.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
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
            applyTransport(ui);
            ui.addBeforeEnterListener(enter -> {
                List<String> requested = enter.getLocation().getQueryParameters().getParameters().get("transport");
                if (requested != null && !requested.isEmpty()) {
                    Transport transport = "long-polling".equals(requested.getFirst())
                            ? Transport.LONG_POLLING : Transport.WEBSOCKET_XHR;
                    ui.getSession().setAttribute(TRANSPORT_ATTRIBUTE, transport);
                    applyTransport(ui);
                }
            });
        });
    }

    private static void applyTransport(UI ui) {
        Object transport = ui.getSession().getAttribute(TRANSPORT_ATTRIBUTE);
        if (transport instanceof Transport chosen && ui.getPushConfiguration().getTransport() != chosen) {
            ui.getPushConfiguration().setTransport(chosen);
            ui.getPushConfiguration().setFallbackTransport(Transport.LONG_POLLING);
        }
    }

    private static void handle(ErrorEvent event) {
        Throwable cause = event.getThrowable();
        while (cause != null && !(cause instanceof UserFacingException)) {
            cause = cause.getCause();
        }
        String message;
        if (cause instanceof UserFacingException userFacing) {
            message = userFacing.getMessage();
        } else {
            log.error("Unexpected error", event.getThrowable());
            message = "Something went wrong. Please try again.";
        }
        if (UI.getCurrent() != null && VaadinSession.getCurrent() != null) {
            UI.getCurrent().access(() -> Toasts.error(message));
        }
    }
}
