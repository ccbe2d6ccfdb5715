package org.parley.chat.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.parley.support.TestUsers.run;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.parley.account.service.UserSummary;
import org.parley.support.Scenarios;
import org.parley.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a person takes away: every message of their conversations (sent and received) as JSON, and their files byte
 * for byte, in one zip; nothing of a conversation they are not in; nothing for nobody.
 */
@SpringBootTest
class PersonalDataExportTest {

    @Autowired
    PersonalDataExport export;

    @Autowired
    TestUsers users;

    @Autowired
    Scenarios scenarios;

    @Autowired
    ChatService chat;

    @Autowired
    AttachmentService attachments;

    @Test
    void the_zip_holds_what_they_sent_and_received_with_the_files_and_nothing_of_others() throws Exception {
        Map<String, UserSummary> people = users.createAll("ann", "bob", "cat", "dan");
        UserSummary ann = people.get("ann");
        UserSummary bob = people.get("bob");
        long annAndBob = scenarios.friendsWithConversation(ann, bob);
        long catAndDan = scenarios.friendsWithConversation(people.get("cat"), people.get("dan"));
        run(ann, () -> chat.send(annAndBob, "Here is the contract"));
        run(bob, () -> chat.send(annAndBob, "收到，谢谢"));
        run(people.get("cat"), () -> chat.send(catAndDan, "Not Ann's business"));
        byte[] contract = new byte[1024 * 1024 + 777];
        new Random(3).nextBytes(contract);
        run(ann, () -> {
            try {
                attachments.upload(annAndBob, "contract.pdf", "application/pdf", new ByteArrayInputStream(contract));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });

        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        run(bob, () -> {
            try {
                export.export(zip);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        Map<String, byte[]> entries = unzip(zip.toByteArray());

        JsonNode data = JsonMapper.builder().build().readTree(entries.get("messages.json"));
        assertThat(data.get("person").get("username").asString()).isEqualTo(bob.username());
        JsonNode conversation = data.get("conversations").get(0);
        assertThat(data.get("conversations")).hasSize(1);
        assertThat(conversation.get("messages")).hasSize(3);
        assertThat(conversation.get("messages").get(0).get("from").asString()).isEqualTo(ann.username());
        assertThat(conversation.get("messages").get(0).get("text").asString()).isEqualTo("Here is the contract");
        assertThat(conversation.get("messages").get(1).get("text").asString()).isEqualTo("收到，谢谢");
        long fileId = conversation.get("messages").get(2).get("fileId").asLong();
        assertThat(entries.get("files/" + fileId + "-contract.pdf")).isEqualTo(contract);
        assertThat(new String(entries.get("messages.json"), java.nio.charset.StandardCharsets.UTF_8))
                .doesNotContain("Not Ann's business");

        assertThatThrownBy(() -> export.export(new ByteArrayOutputStream()))
                .as("nobody signed in")
                .isNotNull();
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }
}
