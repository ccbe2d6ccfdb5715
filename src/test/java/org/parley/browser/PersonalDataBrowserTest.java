package org.parley.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.RequestOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.parley.account.service.UserSummary;
import org.parley.chat.service.ChatService;
import org.parley.support.Scenarios;
import org.parley.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;

/** Profile → Your data → "Download my data": a zip of one's conversations, as a person gets it; nobody else's. */
class PersonalDataBrowserTest extends BrowserTestBase {

    @Autowired
    TestUsers users;

    @Autowired
    Scenarios scenarios;

    @Autowired
    ChatService chat;

    @Test
    void a_person_downloads_their_messages_from_profile_and_nobody_signed_out_gets_them() throws Exception {
        Map<String, UserSummary> people = users.createAll("ann", "bob");
        long direct = scenarios.friendsWithConversation(people.get("ann"), people.get("bob"));
        TestUsers.run(people.get("bob"), () -> chat.send(direct, "Keep this one for your records"));

        Page ann = newPerson();
        signIn(ann, people.get("ann"), "websocket");
        ann.navigate(url("profile"));
        Download download = ann.waitForDownload(
                () -> ann.locator("[data-testid=profile-download-data]").click());
        assertThat(download.failure()).isNull();
        assertThat(download.suggestedFilename()).startsWith("parley-my-data-").endsWith(".zip");
        Map<String, String> entries = unzip(download.path());
        assertThat(entries.get("messages.json"))
                .contains("Keep this one for your records")
                .contains(people.get("bob").username());
        assertThat(ann.url()).endsWith("/profile");

        Page stranger = newPerson();
        APIResponse refused = stranger.request()
                .get(url("my-data.zip"), RequestOptions.create().setMaxRedirects(0));
        assertThat(refused.status()).isIn(302, 401, 403);
        assertThat(refused.headers().getOrDefault("content-type", "")).doesNotContain("zip");
    }

    private static Map<String, String> unzip(java.nio.file.Path zip) throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        try (InputStream file = Files.newInputStream(zip);
                ZipInputStream in = new ZipInputStream(file)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                entries.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return entries;
    }
}
