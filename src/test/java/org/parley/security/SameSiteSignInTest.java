package org.parley.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** What the browser says about where a sign-in form came from decides; the real-browser test is beside it. */
class SameSiteSignInTest {

    @Test
    void a_form_from_this_site_signs_in() {
        assertThat(allowed("same-origin", "https://chat.example.com", "chat.example.com"))
                .isTrue();
        assertThat(allowed(null, "http://localhost:8080", "localhost:8080")).isTrue();
        assertThat(allowed(null, "https://chat.example.com:443", "chat.example.com"))
                .as("default port")
                .isTrue();
        assertThat(allowed(null, "http://[::1]:8080", "[::1]:8080")).as("IPv6").isTrue();
        assertThat(allowed("none", null, "chat.example.com"))
                .as("typed or bookmarked")
                .isTrue();
        assertThat(allowed(null, null, "chat.example.com"))
                .as("not a browser: no page could have steered it")
                .isTrue();
    }

    @Test
    void a_form_from_another_site_is_refused() {
        assertThat(allowed("cross-site", "https://evil.example", "chat.example.com"))
                .isFalse();
        assertThat(allowed("same-site", "https://other.example.com", "chat.example.com"))
                .isFalse();
        assertThat(allowed(null, "https://evil.example", "chat.example.com"))
                .as("older browsers: Origin")
                .isFalse();
        assertThat(allowed(null, "http://chat.example.com:8081", "chat.example.com:8080"))
                .as("another port")
                .isFalse();
        assertThat(allowed(null, "null", "chat.example.com"))
                .as("sandboxed or privacy-hidden origin")
                .isFalse();
        assertThat(allowed(null, "https://chat.example.com", null))
                .as("no Host to compare with")
                .isFalse();
    }

    private static boolean allowed(String fetchSite, String origin, String host) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/login");
        if (fetchSite != null) {
            request.addHeader("Sec-Fetch-Site", fetchSite);
        }
        if (origin != null) {
            request.addHeader("Origin", origin);
        }
        if (host != null) {
            request.addHeader("Host", host);
        }
        return SameSiteSignIn.fromThisSite(request);
    }
}
