package org.parley.base.ui;

import com.vaadin.flow.spring.SpringServlet;
import java.util.List;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Settings for Atmosphere, the library under Vaadin's push. They are read from the Vaadin servlet's init
 * parameters (Vaadin's {@code vaadin.*} properties do not reach it), so they are added to the servlet's
 * registration as Spring Boot creates it.
 */
@Configuration(proxyBeanMethods = false)
class PushSettings {

    /** The largest message a browser may send over its push connection (see below). */
    static final int INCOMING_MESSAGE_BYTES = 2048;

    /** Static: a post-processor must exist before the beans it processes. */
    @Bean
    static BeanPostProcessor atmosphereSettings() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String name) {
                if (bean instanceof ServletRegistrationBean<?> registration
                        && registration.getServlet() instanceof SpringServlet) {
                    registration.addInitParameter(
                            "org.atmosphere.cpr.broadcasterClass", PushBroadcaster.class.getName());
                    // What a browser may send over its push connection in one message. Parley's pages send over
                    // XHR (WEBSOCKET_XHR, see ParleyServiceInit): the socket carries Atmosphere's few bytes only.
                    // Vaadin's 16 KiB (a 32 KiB text buffer and a 16 KiB binary one, per open tab) was a fifth of
                    // what a connected person cost the heap.
                    for (String size : List.of(
                            "org.atmosphere.websocket.bufferSize",
                            "org.atmosphere.websocket.maxTextMessageSize",
                            "org.atmosphere.websocket.maxBinaryMessageSize")) {
                        registration.addInitParameter(size, String.valueOf(INCOMING_MESSAGE_BYTES));
                    }
                }
                return bean;
            }
        };
    }
}
