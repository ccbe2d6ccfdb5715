package org.parley.base.ui;

import com.vaadin.flow.spring.SpringServlet;
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

    /** Static: a post-processor must exist before the beans it processes. */
    @Bean
    static BeanPostProcessor atmosphereSettings() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String name) {
                if (bean instanceof ServletRegistrationBean<?> registration
                        && registration.getServlet() instanceof SpringServlet) {
                    registration.addInitParameter("org.atmosphere.cpr.broadcasterClass",
                            PushBroadcaster.class.getName());
                }
                return bean;
            }
        };
    }
}
