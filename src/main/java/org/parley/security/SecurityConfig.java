package org.parley.security;

import static com.vaadin.flow.spring.security.VaadinSecurityConfigurer.vaadin;

import org.parley.account.ui.LoginView;
import org.parley.base.service.ServerSecrets;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;

/** Every page but login and registration needs a signed-in user; Vaadin's configurer does the rest. */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfig {

    /** On every response, whatever serves it (some of Vaadin's never pass Spring Security's header writers). */
    @Bean
    FilterRegistrationBean<SecurityHeaders> securityHeaders() {
        FilterRegistrationBean<SecurityHeaders> registration = new FilterRegistrationBean<>(new SecurityHeaders());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    SecurityFilterChain securityFilterChain(
            HttpSecurity http,
            SignInAttempts signInAttempts,
            ServerSecrets secrets,
            UserDetailsService users,
            SignedOutTokens signedOut,
            CompanySignIn companySignIn)
            throws Exception {
        // The sign-in form's password: checked here, by the company directory, or both (CompanySignIn).
        companySignIn.passwords(http);
        companySignIn.singleSignOn(http);
        // Vaadin leaves the login form without a CSRF token: a sign-in posted from another site is refused here.
        http.addFilterBefore(new SameSiteSignIn(), UsernamePasswordAuthenticationFilter.class);
        // Password guessing: refused before the password is checked once the allowance is used up.
        http.addFilterBefore(new SignInThrottle(signInAttempts), UsernamePasswordAuthenticationFilter.class);
        // Parley's own stylesheet is needed by the login page too; its page scripts hold nothing private.
        http.authorizeHttpRequests(requests -> requests.requestMatchers("/styles/**", "/scripts/**")
                .permitAll()
                // The proxy's health check (NodeHealth): says up or stopping, nothing else.
                .requestMatchers("/health")
                .permitAll()
                // Avatars and attachments are served by controllers, outside Vaadin's own view access checks.
                .requestMatchers("/avatars/**", "/group-avatars/**", "/files/**", "/my-data.zip")
                .authenticated()
                // The benchmarks' bare WebSocket broadcast (registered only when bench/run asks for it).
                .requestMatchers("/benchmark/**")
                .authenticated());
        // A page whose node went away reconnects to another node, which has no session for it: still signed in.
        http.rememberMe(remember ->
                remember.rememberMeServices(new StayingSignedIn(secrets.named("remember-me"), users, signedOut)));
        return http.with(vaadin(), vaadin -> vaadin.loginView(LoginView.class, "/login?signed-out"))
                .build();
    }
}
