package org.parley;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.ColorScheme;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.shared.communication.PushMode;
import com.vaadin.flow.theme.lumo.Lumo;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Starts Parley and configures the page shell every view lives in: theme, push and metadata. */
@SpringBootApplication
@org.springframework.scheduling.annotation.EnableScheduling
// Push starts per UI in ParleyServiceInit, which picks the transport (WebSocket, falling back to long
// polling) before the first connection: a transport set after the annotation switched push on is ignored.
@Push(PushMode.DISABLED)
// Light or dark as the operating system says, until a signed-in person's own choice (Profile) replaces it.
@ColorScheme(ColorScheme.Value.LIGHT_DARK)
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet(Lumo.UTILITY_STYLESHEET)
@StyleSheet("styles/parley.css")
@Meta(name = "viewport", content = "width=device-width, initial-scale=1")
public class Application implements AppShellConfigurator {

    /** Tomcat's WebSocket buffers (in, out, and compression each way), per open tab, unless set otherwise. */
    static final String WEBSOCKET_BUFFER_PROPERTY = "org.apache.tomcat.websocket.DEFAULT_BUFFER_SIZE";

    public static void main(String[] args) {
        // 2 KiB instead of 8 KiB: a push is about half a KiB, and larger ones go out in pieces; five of these
        // buffers per connected tab cost 30 KiB of heap per person. Read once, before Tomcat's WebSocket starts.
        if (System.getProperty(WEBSOCKET_BUFFER_PROPERTY) == null) {
            System.setProperty(WEBSOCKET_BUFFER_PROPERTY, "2048");
        }
        SpringApplication.run(Application.class, args);
    }

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.setPageTitle("Parley");
    }
}
