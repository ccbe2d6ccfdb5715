package org.parley.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What every response tells the browser, on the pages Vaadin serves itself too: no framing, no plugins, no other
 * base, forms only to Parley (CSP), no referrer to other sites, no sniffing, nothing kept in a cache; a session
 * cookie other sites' requests do not carry and that never appears in a URL; redirects that a forged Host header
 * cannot point elsewhere.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SecurityHeadersTest {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @LocalServerPort
    int port;

    @Test
    void vaadins_own_pages_and_the_rest_carry_the_security_headers() throws Exception {
        for (String path : List.of("login", "register", "", "chat", "files/1")) {
            HttpResponse<Void> response = get(path);
            String csp =
                    response.headers().firstValue("Content-Security-Policy").orElse("");
            assertThat(csp)
                    .as("CSP of /%s", path)
                    .contains("frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'", "form-action 'self'");
            assertThat(response.headers().firstValue("Referrer-Policy"))
                    .as("/%s", path)
                    .contains("same-origin");
            assertThat(response.headers().firstValue("X-Content-Type-Options"))
                    .as("/%s", path)
                    .contains("nosniff");
            assertThat(response.headers().firstValue("Cache-Control").orElse(""))
                    .as("/%s", path)
                    .contains("no-store");
        }
    }

    @Test
    void the_health_check_answers_without_a_session_or_a_sign_in() throws Exception {
        HttpResponse<String> health = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/health"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("ok");
        assertThat(health.headers().allValues("Set-Cookie"))
                .as("a proxy checking every second leaves no sessions behind")
                .isEmpty();
    }

    @Test
    void the_session_cookie_stays_on_this_site_and_out_of_addresses() throws Exception {
        HttpResponse<Void> login = get("login");
        String cookie = login.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID="))
                .findFirst()
                .orElseThrow();
        assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax");

        HttpResponse<Void> protectedPage = get("chat");
        assertThat(protectedPage.statusCode()).isEqualTo(302);
        assertThat(protectedPage.headers().firstValue("Location").orElseThrow()).doesNotContain("jsessionid");
    }

    @Test
    void a_forged_host_header_does_not_choose_where_the_browser_is_sent() throws Exception {
        // Over a bare socket: Java's HTTP client will not send a Host of one's choosing.
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream()
                    .write(("GET /chat HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            String head = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(head).startsWith("HTTP/1.1 302");
            String location = head.lines()
                    .filter(line -> line.regionMatches(true, 0, "Location:", 0, 9))
                    .findFirst()
                    .orElseThrow();
            assertThat(location).doesNotContain("evil.example").contains(": /");
        }
    }

    private HttpResponse<Void> get(String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/" + path))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
    }
}
