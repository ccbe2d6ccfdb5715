package org.parley.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.params.ParameterizedTest;
import org.parley.account.service.UserSummary;
import org.parley.support.Scenarios;
import org.parley.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;

/**
 * What operations scrape from the management port while people chat: the open tabs, a message stored, its delivery
 * to both tabs (commit → push written) in the latency histogram, and a file's bytes, over each push transport.
 */
class MetricsBrowserTest extends BrowserTestBase {

    @Autowired
    TestUsers users;

    @Autowired
    Scenarios scenarios;

    @LocalManagementPort
    int managementPort;

    private final HttpClient http = HttpClient.newHttpClient();

    @ParameterizedTest(name = "push over {0}")
    @Transports
    void a_message_and_a_file_between_two_tabs_show_in_the_prometheus_scrape(String transport) throws Exception {
        Map<String, UserSummary> people = users.createAll("ann", "bob");
        UserSummary ann = people.get("ann");
        UserSummary bob = people.get("bob");
        long direct = scenarios.friendsWithConversation(ann, bob);
        Page annPage = newPerson();
        Page bobPage = newPerson();
        signIn(annPage, ann, transport);
        signIn(bobPage, bob, transport);
        annPage.navigate(url("chat/" + direct));
        bobPage.navigate(url("chat/" + direct));
        assertThat(bobPage.locator("[data-testid=message-input] textarea")).isEditable();
        assertThat(annPage.locator("[data-testid=message-input] textarea")).isEditable();

        Map<String, Double> before = scrape();
        assertThat(before.get("parley_tabs_connected")).as("open tabs").isGreaterThanOrEqualTo(2);
        assertThat(before.get("parley_people_online")).as("people online").isGreaterThanOrEqualTo(2);
        assertThat(before).as("push failures are counted").containsKey("parley_push_failures_total");

        annPage.locator("[data-testid=message-input] textarea").fill("Is anyone measuring this?");
        annPage.locator("[data-testid=message-input] textarea").press("Enter");
        assertThat(bobPage.locator("[data-testid=message-list]").getByText("Is anyone measuring this?"))
                .isVisible();
        // Both tabs got it: Bob's, and Ann's own (her other tabs would too).
        Map<String, Double> afterMessage =
                scrapeUntil(now -> delta(before, now, "parley_delivery_latency_seconds_count") >= 2);
        assertThat(delta(before, afterMessage, "parley_messages_stored_total")).isEqualTo(1);
        double seconds = delta(before, afterMessage, "parley_delivery_latency_seconds_sum");
        assertThat(seconds / delta(before, afterMessage, "parley_delivery_latency_seconds_count"))
                .as("mean seconds from commit to push written")
                .isGreaterThan(0)
                .isLessThan(20);
        assertThat(afterMessage.get("parley_delivery_latency_seconds_bucket{le=\"+Inf\"}"))
                .as("a histogram Prometheus can take quantiles of")
                .isEqualTo(afterMessage.get("parley_delivery_latency_seconds_count"));

        Path file = Files.createTempFile("metrics", ".txt");
        byte[] content = "twelve bytes".repeat(100).getBytes();
        Files.write(file, content);
        annPage.locator("[data-testid=attach] input[type=file]").setInputFiles(file);
        assertThat(bobPage.locator("[data-testid=message-list] vaadin-message.has-file"))
                .hasCount(1);
        Map<String, Double> afterFile = scrapeUntil(now -> delta(afterMessage, now, "parley_upload_bytes_total") > 0);
        assertThat(delta(afterMessage, afterFile, "parley_upload_bytes_total")).isEqualTo(content.length);
        assertThat(delta(afterMessage, afterFile, "parley_messages_stored_total"))
                .isEqualTo(1);
    }

    private static double delta(Map<String, Double> before, Map<String, Double> after, String name) {
        return after.getOrDefault(name, 0.0) - before.getOrDefault(name, 0.0);
    }

    /** Scrapes until {@code done} (the push is written a moment after the browser shows it), 10 s at most. */
    private Map<String, Double> scrapeUntil(Predicate<Map<String, Double>> done) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        Map<String, Double> now = scrape();
        while (!done.test(now) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            now = scrape();
        }
        return now;
    }

    /** Each sample of the scrape by its name and labels as Prometheus prints them; comments left out. */
    private Map<String, Double> scrape() throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/actuator/prometheus"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, Double> samples = new java.util.HashMap<>();
        for (String line : response.body().split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
        }
        return samples;
    }
}
