package org.parley.security;

import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The management port (README, "Operations": health and Prometheus metrics) is for the machine's operators and their
 * monitoring, not for people: it answers the endpoints without a sign-in, keeps no session, and serves nothing else.
 * The endpoints exist only there (management.server.port); on Parley's own port /actuator is an unknown page, behind
 * the sign-in like every other. Spring Security's filter serves both ports, so this chain goes first and takes only
 * requests that arrived on the management port.
 */
@Configuration
class ManagementPortSecurity {

    @Bean
    @Order(1)
    SecurityFilterChain managementPort(HttpSecurity http, Environment environment) throws Exception {
        RequestMatcher onManagementPort = request -> {
            Integer port = environment.getProperty("local.management.port", Integer.class);
            return port != null && port == request.getLocalPort();
        };
        return http.securityMatcher(onManagementPort)
                .authorizeHttpRequests(requests -> requests.requestMatchers(EndpointRequest.toAnyEndpoint())
                        .permitAll()
                        .anyRequest()
                        .denyAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .build();
    }
}
