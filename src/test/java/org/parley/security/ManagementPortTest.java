package org.parley.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What operations see on the management port (health with liveness and readiness, the database included; Prometheus
 * metrics), without a sign-in; and that Parley's own port, where people sign in, shows none of it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ManagementPortTest {

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @LocalServerPort
    int appPort;

    @LocalManagementPort
    int managementPort;

    @Test
    void health_says_live_and_ready_with_the_database_without_a_sign_in() throws Exception {
        assertThat(managementPort).isNotEqualTo(appPort);
        HttpResponse<String> liveness = get(managementPort, "/actuator/health/liveness");
        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(liveness.body()).contains("\"status\":\"UP\"");

        HttpResponse<String> readiness = get(managementPort, "/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"status\":\"UP\"").contains("\"db\"");
        assertThat(readiness.headers().firstValue("Set-Cookie"))
                .as("no session for a probe")
                .isEmpty();
    }

    @Test
    void prometheus_metrics_include_the_database_pool_and_the_jvm() throws Exception {
        HttpResponse<String> metrics = get(managementPort, "/actuator/prometheus");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("hikaricp_connections_active").contains("jvm_memory_used_bytes");
    }

    @Test
    void parleys_own_port_shows_no_operations_and_the_management_port_nothing_else() throws Exception {
        for (String path : new String[] {"/actuator/health", "/actuator/prometheus", "/actuator"}) {
            HttpResponse<String> onApp = get(appPort, path);
            assertThat(onApp.body())
                    .as(path)
                    .doesNotContain("\"status\":\"UP\"")
                    .doesNotContain("jvm_memory");
            assertThat(onApp.statusCode()).as(path).isNotEqualTo(200);
        }
        assertThat(get(managementPort, "/").statusCode()).isIn(403, 404);
        assertThat(get(managementPort, "/login").statusCode()).isIn(403, 404);
    }

    private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
