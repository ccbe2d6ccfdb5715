package org.parley.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.parley.account.service.UserSummary;
import org.parley.support.LowLimits;
import org.parley.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Password guessing over HTTP, as a script would do it, against a Parley that allows 3 wrong passwords per account
 * and 8 per address in 15 minutes. The address allowance is shared by every test here (all come from 127.0.0.1),
 * so the account test runs first.
 */
@LowLimits
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SignInThrottleTest {

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    @Test
    @Order(1)
    void after_the_allowed_wrong_passwords_an_account_is_refused_even_the_right_one_others_are_not() throws Exception {
        UserSummary victim = users.create("victim");
        UserSummary bystander = users.create("bystander");
        for (int i = 0; i < 3; i++) {
            assertThat(signIn(victim.username(), "guess " + i)).endsWith("/login?error");
        }

        String refused = signIn(victim.username().toUpperCase(), TestUsers.PASSWORD);
        assertThat(refused)
                .as("the right password, any case, is refused for now")
                .contains("/login?throttled=");
        long seconds = Long.parseLong(refused.substring(refused.indexOf('=') + 1));
        assertThat(seconds).as("about 5 minutes until one attempt grows back").isBetween(240L, 300L);

        assertThat(signIn(bystander.username(), TestUsers.PASSWORD))
                .as("another account from the same address")
                .isEqualTo("/");
    }

    @Test
    @Order(2)
    void after_the_allowed_wrong_passwords_from_an_address_every_sign_in_from_it_is_refused() throws Exception {
        UserSummary someone = users.create("someone");
        int guesses = 0;
        String answer;
        do {
            answer = signIn(TestUsers.uniqueName("nobody"), "guess");
            guesses++;
        } while (answer.endsWith("/login?error") && guesses < 20);
        assertThat(answer).contains("/login?throttled=");
        assertThat(guesses).as("at most 8 wrong passwords from one address").isLessThanOrEqualTo(9);

        assertThat(signIn(someone.username(), TestUsers.PASSWORD))
                .as("a right password from that address too")
                .contains("/login?throttled=");
    }

    /** Posts the sign-in form as Parley's own page would, and gives where Parley sends the browser next. */
    private String signIn(String username, String password) throws Exception {
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Sec-Fetch-Site", "same-origin")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
        assertThat(response.statusCode()).isEqualTo(302);
        return response.headers().firstValue("Location").orElseThrow();
    }
}
