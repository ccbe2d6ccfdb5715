package org.parley.chat.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.parley.chat.service.AttachmentTestFiles.MIB;
import static org.parley.chat.service.AttachmentTestFiles.randomBytes;
import static org.parley.support.TestUsers.as;
import static org.parley.support.TestUsers.run;
import static org.parley.support.TestUsers.uniqueName;

import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.parley.account.service.UserSummary;
import org.parley.base.service.InvalidInputException;
import org.parley.groups.service.GroupSummary;
import org.parley.support.Scenarios;
import org.parley.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The size limits are configuration: here small ones (1 MiB pictures, 2 MiB files), so a file just over a
 * limit is a real file that spans chunks, of which the first is already stored when the limit is hit.
 */
@SpringBootTest(properties = {"parley.pictures.max-bytes=1048576", "parley.files.max-bytes=2097152"})
class AttachmentLimitsTest {

    @Autowired
    AttachmentService attachments;

    @Autowired
    TestUsers users;

    @Autowired
    Scenarios scenarios;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void the_rules_tell_the_configured_limits() {
        UserSummary ann = users.create("ann");
        UserSummary bob = users.create("bob");
        long direct = scenarios.friendsWithConversation(ann, bob);
        GroupSummary group = scenarios.openGroup(ann, uniqueName("Limits"), null);

        assertThat(as(ann, () -> attachments.uploadRules(direct)).maxBytes()).isEqualTo(2 * MIB);
        assertThat(as(ann, () -> attachments.uploadRules(group.conversationId()))
                        .maxBytes())
                .isEqualTo(MIB);
    }

    @Test
    void a_file_over_the_configured_limit_is_refused_and_nothing_is_stored() {
        UserSummary ann = users.create("ann");
        UserSummary bob = users.create("bob");
        long direct = scenarios.friendsWithConversation(ann, bob);

        assertRefused(ann, direct, "big.bin", randomBytes(2 * MIB + 1, 1), "“big.bin” is too large: at most 2 MB.");
        assertRefused(ann, direct, "bigger.bin", randomBytes(3 * MIB, 2), "“bigger.bin” is too large: at most 2 MB.");

        byte[] justFits = randomBytes(2 * MIB, 3);
        AttachmentView stored = as(
                        ann, () -> attachments.upload(direct, "fits.bin", null, new ByteArrayInputStream(justFits)))
                .attachment();
        assertThat(stored.sizeBytes()).isEqualTo(2 * MIB);
        assertThat(as(bob, () -> {
                    try (InputStream in =
                            attachments.open(attachments.find(stored.id()).orElseThrow())) {
                        return in.readAllBytes();
                    }
                }))
                .isEqualTo(justFits);
    }

    @Test
    void a_real_picture_over_the_configured_picture_limit_is_refused_in_a_group() {
        UserSummary owner = users.create("owner");
        UserSummary member = users.create("member");
        GroupSummary group = scenarios.openGroup(owner, uniqueName("Limits"), null, member);
        byte[] photo = AttachmentTestFiles.noisePng(700, 700, 9);
        assertThat(photo.length).isBetween(MIB + 1, 2 * MIB);

        assertRefused(member, group.conversationId(), "photo.png", photo, "“photo.png” is too large: at most 1 MB.");

        byte[] small = AttachmentTestFiles.picture("png", 200, 200, Color.RED);
        assertThat(as(
                                member,
                                () -> attachments.upload(
                                        group.conversationId(),
                                        "small.png",
                                        "image/png",
                                        new ByteArrayInputStream(small)))
                        .attachment()
                        .picture())
                .isTrue();
    }

    @Test
    void one_on_one_the_file_limit_applies_to_pictures_too() {
        UserSummary ann = users.create("ann");
        UserSummary bob = users.create("bob");
        long direct = scenarios.friendsWithConversation(ann, bob);
        byte[] photo = AttachmentTestFiles.noisePng(700, 700, 10);

        AttachmentView view = as(
                        ann,
                        () -> attachments.upload(direct, "photo.png", "image/png", new ByteArrayInputStream(photo)))
                .attachment();

        assertThat(view.picture())
                .as("over the picture limit, within the file limit: a picture with a preview")
                .isTrue();
        assertThat(as(bob, () -> attachments.thumbnail(view.id()))).isPresent();
    }

    // ----------------------------------------------------------------------------------------------

    private void assertRefused(UserSummary sender, long conversation, String name, byte[] content, String message) {
        List<Long> before = counts(conversation);

        assertThatThrownBy(() -> run(sender, () -> {
                    try {
                        attachments.upload(conversation, name, null, new ByteArrayInputStream(content));
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(message);

        assertThat(counts(conversation))
                .as("attachments, chunks, messages of the conversation")
                .isEqualTo(before);
    }

    private List<Long> counts(long conversation) {
        return List.of(
                jdbc.queryForObject(
                        "select count(*) from attachment where conversation_id = ?", Long.class, conversation),
                jdbc.queryForObject("select count(*) from attachment_chunk", Long.class),
                jdbc.queryForObject(
                        "select count(*) from chat_message where conversation_id = ?", Long.class, conversation));
    }
}
