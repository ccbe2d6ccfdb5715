package org.parley.chat.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.parley.chat.service.AttachmentTestFiles.MIB;
import static org.parley.chat.service.AttachmentTestFiles.PNG_SIGNATURE;
import static org.parley.chat.service.AttachmentTestFiles.decode;
import static org.parley.chat.service.AttachmentTestFiles.picture;
import static org.parley.chat.service.AttachmentTestFiles.randomBytes;
import static org.parley.support.TestUsers.as;
import static org.parley.support.TestUsers.run;
import static org.parley.support.TestUsers.uniqueName;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.parley.account.service.UserSummary;
import org.parley.base.service.EncodedPicture;
import org.parley.base.service.InvalidInputException;
import org.parley.base.service.NotAllowedException;
import org.parley.chat.service.AttachmentService.StoredAttachment;
import org.parley.chat.service.AttachmentService.UploadRules;
import org.parley.chat.service.AttachmentTestFiles.GatedStream;
import org.parley.chat.service.AttachmentTestFiles.GeneratedStream;
import org.parley.friends.service.FriendService;
import org.parley.groups.service.GroupModeration;
import org.parley.groups.service.GroupService;
import org.parley.groups.service.GroupSettings;
import org.parley.groups.service.GroupSummary;
import org.parley.support.Scenarios;
import org.parley.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Files and pictures against the real database, with the default limits (20 MB pictures, 100 MB files),
 * every call committed on its own. Callers are forged with {@link TestUsers#as}. A refused upload is checked
 * twice: what the sender is told, and the rows of the conversation (attachments, their chunks and
 * thumbnails, messages) counted before and after, which must not have moved.
 */
@SpringBootTest
class AttachmentServiceTest {

    private static final String NOT_A_PICTURE =
            " is not a picture. In a group you can send PNG, JPEG, GIF or WebP " + "pictures.";
    private static final String NOT_FOUND = "Conversation not found.";
    private static final ExecutorService background = Executors.newCachedThreadPool();

    @Autowired
    AttachmentService attachments;

    @Autowired
    ChatService chat;

    @Autowired
    ConversationOverview overview;

    @Autowired
    ReadMarkers readMarkers;

    @Autowired
    GroupService groups;

    @Autowired
    GroupModeration moderation;

    @Autowired
    GroupSettings groupSettings;

    @Autowired
    FriendService friends;

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

    @AfterAll
    static void stopBackground() {
        background.shutdownNow();
    }

    // ----------------------------------------------------------------------------------------------
    // Pictures in groups

    @Test
    void a_group_takes_png_jpeg_gif_and_webp_and_shows_them_as_pictures_with_a_preview() {
        UserSummary ann = users.create("ann");
        UserSummary bob = users.create("bob");
        GroupSummary group = scenarios.openGroup(ann, uniqueName("Pictures"), null, bob);
        long conversation = group.conversationId();
        // Declared types and names are whatever the browser said; the content decides.
        List<Upload> uploads = List.of(
                new Upload("sunset.png", "image/png", picture("png", 1200, 800, Color.RED), "image/png", 1200, 800),
                new Upload(
                        "portrait.jpg", "image/jpeg", picture("jpeg", 600, 900, Color.GREEN), "image/jpeg", 600, 900),
                new Upload(
                        "animation.gif",
                        "application/octet-stream",
                        picture("gif", 500, 300, Color.BLUE),
                        "image/gif",
                        500,
                        300),
                new Upload(
                        "screenshot.webp",
                        "image/webp",
                        AttachmentTestFiles.webp(1000, 700, Color.YELLOW),
                        "image/webp",
                        1000,
                        700),
                new Upload("tiny.webp", null, AttachmentTestFiles.lossyWebp(), "image/webp", 1, 1),
                new Upload("not-really.txt", "text/plain", picture("png", 300, 200, Color.RED), "image/png", 300, 200));

        for (Upload upload : uploads) {
            ChatMessageView message = as(
                    ann,
                    () -> attachments.upload(
                            conversation,
                            upload.name(),
                            upload.declared(),
                            new ByteArrayInputStream(upload.content())));

            assertThat(message.sender()).isEqualTo(ann);
            assertThat(message.body()).isEmpty();
            assertThat(message.system()).isFalse();
            AttachmentView view = message.attachment();
            assertThat(view).as(upload.name()).isNotNull();
            assertThat(view.picture()).as(upload.name() + " is a picture").isTrue();
            assertThat(view.fileName()).isEqualTo(upload.name());
            assertThat(view.contentType())
                    .as("recognised type of " + upload.name())
                    .isEqualTo(upload.type());
            assertThat(view.width()).isEqualTo(upload.width());
            assertThat(view.height()).isEqualTo(upload.height());
            assertThat(view.sizeBytes()).isEqualTo(upload.content().length);

            // Bob, another member, sees the same message and gets the preview and the picture itself.
            assertThat(as(bob, () -> chat.history(conversation, null, 50)))
                    .last()
                    .satisfies(last -> {
                        assertThat(last.id()).isEqualTo(message.id());
                        assertThat(last.attachment()).isEqualTo(view);
                    });
            assertThat(as(bob, overview::conversations))
                    .filteredOn(c -> c.id() == conversation)
                    .singleElement()
                    .satisfies(c -> assertThat(c.lastMessage().inEnglish()).isEqualTo("Picture"));
            EncodedPicture thumbnail =
                    as(bob, () -> attachments.thumbnail(view.id())).orElseThrow();
            assertThat(thumbnail.contentType()).isIn("image/png", "image/jpeg");
            BufferedImage preview = decode(thumbnail.data());
            int longest = Math.max(upload.width(), upload.height());
            int expectedLongest = Math.min(longest, AttachmentService.THUMBNAIL_SIDE);
            assertThat(Math.max(preview.getWidth(), preview.getHeight()))
                    .as("preview of " + upload.name())
                    .isEqualTo(expectedLongest);
            assertThat((double) preview.getWidth() / preview.getHeight())
                    .as("aspect ratio kept")
                    .isCloseTo((double) upload.width() / upload.height(), org.assertj.core.data.Offset.offset(0.02));
            StoredAttachment stored = as(bob, () -> attachments.find(view.id())).orElseThrow();
            assertThat(stored.picture()).isTrue();
            assertThat(stored.contentType()).isEqualTo(upload.type());
            assertThat(readAll(bob, stored))
                    .as("the picture comes back unchanged")
                    .isEqualTo(upload.content());
        }
        // The colours survive into the previews (JPEG is lossy: roughly).
        List<ChatMessageView> history = as(bob, () -> chat.history(conversation, null, 50));
        assertThat(centreColour(bob, history.get(history.size() - 6))).satisfies(c -> assertRoughly(c, Color.RED));
        assertThat(centreColour(bob, history.get(history.size() - 5))).satisfies(c -> assertRoughly(c, Color.GREEN));
        assertThat(centreColour(bob, history.get(history.size() - 4))).satisfies(c -> assertRoughly(c, Color.BLUE));
        assertThat(centreColour(bob, history.get(history.size() - 3))).satisfies(c -> assertRoughly(c, Color.YELLOW));
    }

    @Test
    void the_upload_rules_say_what_a_group_and_a_one_on_one_conversation_take() {
        UserSummary ann = users.create("ann");
        UserSummary bob = users.create("bob");
        GroupSummary group = scenarios.openGroup(ann, uniqueName("Pictures"), null, bob);
        long direct = scenarios.friendsWithConversation(ann, bob);

        assertThat(as(bob, () -> attachments.uploadRules(group.conversationId())))
                .isEqualTo(new UploadRules(true, 20 * MIB, null));
        assertThat(as(bob, () -> attachments.uploadRules(direct))).isEqualTo(new UploadRules(false, 100 * MIB, null));
        assertThat(as(bob, attachments::pictureMaxBytes)).isEqualTo(20 * MIB);
        assertThat(as(bob, attachments::fileMaxBytes)).isEqualTo(100 * MIB);
    }

    @Test
    void a_text_file_is_refused_in_a_group_and_nothing_is_stored() {
        Setting group = groupSetting();
        byte[] text = "Shopping list:\n- milk\n- bread\n".getBytes(StandardCharsets.UTF_8);

        assertRefused(
                group, "notes.txt", "text/plain", text, InvalidInputException.class, "“notes.txt”" + NOT_A_PICTURE);
    }

    @Test
    void a_text_file_disguised_as_a_png_is_refused_in_a_group() {
        Setting group = groupSetting();
        byte[] text = "This is a text file someone renamed to cat.png\n".getBytes(StandardCharsets.UTF_8);

        assertRefused(group, "cat.png", "image/png", text, InvalidInputException.class, "“cat.png”" + NOT_A_PICTURE);
    }

    @Test
    void an_svg_is_refused_in_a_group_even_when_declared_as_svg() {
        Setting group = groupSetting();
        byte[] svg = """
                <?xml version="1.0"?>
                <svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" onload="alert(1)">
                  <rect width="10" height="10" fill="red"/>
                </svg>""".getBytes(StandardCharsets.UTF_8);

        assertRefused(
                group,
                "drawing.svg",
                "image/svg+xml",
                svg,
                InvalidInputException.class,
                "“drawing.svg”" + NOT_A_PICTURE);
        assertRefused(
                group, "drawing.png", "image/png", svg, InvalidInputException.class, "“drawing.png”" + NOT_A_PICTURE);
    }

    @Test
    void an_html_file_declared_as_png_is_refused_in_a_group() {
        Setting group = groupSetting();
        byte[] html = "<html><body><script>fetch('/files/1').then(r => r.text()).then(alert)</script></body></html>"
                .getBytes(StandardCharsets.UTF_8);

        assertRefused(
                group, "photo.png", "image/png", html, InvalidInputException.class, "“photo.png”" + NOT_A_PICTURE);
    }

    @Test
    void a_picture_over_20_mb_is_refused_without_reading_it_all_and_nothing_is_stored() {
        Setting group = groupSetting();
        // A PNG signature, then zeros without end: only the limit can stop it.
        GeneratedStream endless = new GeneratedStream(PNG_SIGNATURE, -1);

        assertRefused(
                group,
                "huge.png",
                "image/png",
                endless,
                InvalidInputException.class,
                "“huge.png” is too large: at most 20 MB.");
        assertThat(endless.bytesRead())
                .as("stopped reading soon after 20 MB")
                .isGreaterThan(20L * MIB)
                .isLessThanOrEqualTo(21L * MIB);

        // Just over the limit, with an end.
        assertRefused(
                group,
                "big.png",
                "image/png",
                new GeneratedStream(PNG_SIGNATURE, 20L * MIB + 1),
                InvalidInputException.class,
                "“big.png” is too large: at most 20 MB.");
    }

    @Test
    void a_tiny_png_claiming_more_than_50_megapixels_is_refused_in_a_group() {
        Setting group = groupSetting();
        byte[] bomb = AttachmentTestFiles.withPngSize(picture("png", 1, 1, Color.WHITE), 10_000, 6_000);
        assertThat(bomb.length).isLessThan(200);

        assertRefused(
                group,
                "bomb.png",
                "image/png",
                bomb,
                InvalidInputException.class,
                "“bomb.png”: The picture has too many pixels: at most 50 megapixels.");
        byte[] webpBomb = AttachmentTestFiles.webp(16_384, 4_000, Color.WHITE);
        assertRefused(
                group,
                "bomb.webp",
                "image/webp",
                webpBomb,
                InvalidInputException.class,
                "“bomb.webp”: The picture has too many pixels: at most 50 megapixels.");
    }

    @Test
    void a_tiny_webp_cannot_keep_the_server_busy() {
        Setting group = groupSetting();
        // 34 bytes, 300 × 300 pixels, far within 50 megapixels; the same file with 16 zero bytes after it
        // decodes in well under a second (see the group test above, 1000 × 700).
        byte[] webp = AttachmentTestFiles.webpWithoutPadding(300, 300, Color.YELLOW);
        assertThat(webp.length).isLessThan(40);

        long started = System.nanoTime();
        try {
            as(
                    group.sender(),
                    () -> attachments.upload(
                            group.conversationId(), "tiny.webp", "image/webp", new ByteArrayInputStream(webp)));
        } catch (InvalidInputException refused) {
            // Refusing it is fine too; taking long is not.
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(took).as("""
                Uploading a %d-byte lossless WebP of 300 × 300 took %d ms. Pictures.decode reads it through \
                TwelveMonkeys' VP8L decoder, which tries to refill its bit buffer past the end of the stream \
                for every pixel (~80-160 µs each, through ImageIO's file cache), so a file of a few dozen bytes \
                claiming 7000 × 7000 (49 megapixels, under the limit) occupies a CPU for an hour or more.""", webp.length, took.toMillis()).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void a_damaged_picture_is_refused_in_a_group() {
        Setting group = groupSetting();
        byte[] fake = new byte[200];
        System.arraycopy(PNG_SIGNATURE, 0, fake, 0, PNG_SIGNATURE.length);
        java.util.Arrays.fill(fake, PNG_SIGNATURE.length, fake.length, (byte) 'x');
        byte[] png = picture("png", 400, 300, Color.RED);
        byte[] truncated = java.util.Arrays.copyOf(png, png.length / 3);

        assertRefused(
                group,
                "fake.png",
                "image/png",
                fake,
                InvalidInputException.class,
                "“fake.png”: The picture is damaged or not what its first bytes claim.");
        assertRefused(
                group,
                "cut.png",
                "image/png",
                truncated,
                InvalidInputException.class,
                "“cut.png”: The picture is damaged or not what its first bytes claim.");
    }

    @Test
    void an_empty_file_is_refused_in_a_group_and_one_on_one() {
        assertRefused(
                groupSetting(),
                "empty.png",
                "image/png",
                new byte[0],
                InvalidInputException.class,
                "“empty.png” is empty.");
        assertRefused(
                directSetting(),
                "empty.txt",
                "text/plain",
                new byte[0],
                InvalidInputException.class,
                "“empty.txt” is empty.");
    }

    // ----------------------------------------------------------------------------------------------
    // Who may send and read in a group

    @Test
    void a_muted_member_cannot_send_a_picture() {
        Setting group = groupSetting();
        run(group.owner(), () -> moderation.mute(group.groupId(), group.sender().id(), null, "spam"));

        assertThat(as(group.sender(), () -> attachments.uploadRules(group.conversationId()))
                        .allowed())
                .isFalse();
        assertRefused(
                group,
                "meme.png",
                "image/png",
                picture("png", 50, 50, Color.RED),
                NotAllowedException.class,
                "You are muted in " + group.title() + " until an administrator lifts it. Reason: spam");

        run(
                group.owner(),
                () -> moderation.unmute(group.groupId(), group.sender().id()));
        ChatMessageView sent = as(
                group.sender(),
                () -> attachments.upload(
                        group.conversationId(),
                        "meme.png",
                        "image/png",
                        new ByteArrayInputStream(picture("png", 50, 50, Color.RED))));
        assertThat(sent.attachment().picture()).as("allowed again once unmuted").isTrue();
    }

    @Test
    void when_the_whole_group_is_muted_only_administrators_send_pictures() {
        Setting group = groupSetting();
        run(group.owner(), () -> groupSettings.muteAll(group.groupId(), true));

        assertRefused(
                group,
                "meme.png",
                "image/png",
                picture("png", 50, 50, Color.RED),
                NotAllowedException.class,
                group.title() + " is muted: only administrators can write for now.");
        ChatMessageView byOwner = as(
                group.owner(),
                () -> attachments.upload(
                        group.conversationId(),
                        "notice.png",
                        "image/png",
                        new ByteArrayInputStream(picture("png", 50, 50, Color.RED))));
        assertThat(byOwner.attachment().picture()).isTrue();
    }

    @Test
    void a_member_muted_while_uploading_is_refused_at_the_end_and_nothing_is_stored() throws Exception {
        Setting group = groupSetting();
        byte[] big = AttachmentTestFiles.noisePng(700, 700, 1);
        assertThat(big.length).isGreaterThan(MIB + 1000);
        Rows before = rows(group.conversationId());
        GatedStream gated = new GatedStream(big, MIB + 1000);
        Future<ChatMessageView> upload = background.submit(() ->
                as(group.sender(), () -> attachments.upload(group.conversationId(), "noise.png", "image/png", gated)));
        gated.awaitGate();

        run(group.owner(), () -> moderation.mute(group.groupId(), group.sender().id(), Duration.ofHours(1), null));
        Rows muted = rows(group.conversationId());
        gated.open();

        assertThatThrownBy(() -> upload.get(60, TimeUnit.SECONDS))
                .hasCauseInstanceOf(NotAllowedException.class)
                .cause()
                .hasMessageStartingWith("You are muted in " + group.title() + " until ");
        assertThat(rows(group.conversationId()))
                .as("the half-stored upload is gone")
                .isEqualTo(new Rows(before.attachments(), before.chunks(), before.thumbnails(), muted.messages()));
    }

    @Test
    void a_removed_member_can_neither_upload_nor_see_earlier_pictures_which_the_others_still_see() {
        Setting group = groupSetting();
        UserSummary carl = users.create("carl");
        run(carl, () -> groups.join(group.groupId(), null));
        long earlier = as(
                        group.sender(),
                        () -> attachments.upload(
                                group.conversationId(),
                                "earlier.png",
                                "image/png",
                                new ByteArrayInputStream(picture("png", 640, 480, Color.RED))))
                .attachment()
                .id();
        long carls = as(
                        carl,
                        () -> attachments.upload(
                                group.conversationId(),
                                "carls.png",
                                "image/png",
                                new ByteArrayInputStream(picture("png", 64, 48, Color.BLUE))))
                .attachment()
                .id();
        assertThat(as(group.sender(), () -> attachments.find(carls))).isPresent();

        run(
                group.owner(),
                () -> moderation.removeMember(group.groupId(), group.sender().id(), "bye"));

        run(group.sender(), () -> {
            assertThat(attachments.find(earlier))
                    .as("not even their own picture")
                    .isEmpty();
            assertThat(attachments.thumbnail(earlier)).isEmpty();
            assertThat(attachments.find(carls)).isEmpty();
            assertThat(attachments.thumbnail(carls)).isEmpty();
            assertThatThrownBy(() -> attachments.uploadRules(group.conversationId()))
                    .isInstanceOf(NotAllowedException.class)
                    .hasMessage(NOT_FOUND);
        });
        assertRefused(
                group,
                "again.png",
                "image/png",
                picture("png", 50, 50, Color.RED),
                NotAllowedException.class,
                NOT_FOUND);
        run(carl, () -> {
            assertThat(attachments.find(earlier)).isPresent();
            assertThat(attachments.thumbnail(earlier)).isPresent();
        });
    }

    @Test
    void a_member_removed_while_uploading_is_refused_at_the_end_and_nothing_is_stored() throws Exception {
        Setting group = groupSetting();
        byte[] big = AttachmentTestFiles.noisePng(700, 700, 2);
        Rows before = rows(group.conversationId());
        GatedStream gated = new GatedStream(big, MIB + 1000);
        Future<ChatMessageView> upload = background.submit(() ->
                as(group.sender(), () -> attachments.upload(group.conversationId(), "noise.png", "image/png", gated)));
        gated.awaitGate();

        run(
                group.owner(),
                () -> moderation.removeMember(group.groupId(), group.sender().id(), null));
        Rows removed = rows(group.conversationId());
        gated.open();

        assertThatThrownBy(() -> upload.get(60, TimeUnit.SECONDS))
                .hasCauseInstanceOf(NotAllowedException.class)
                .cause()
                .hasMessage(NOT_FOUND);
        assertThat(rows(group.conversationId()))
                .isEqualTo(new Rows(before.attachments(), before.chunks(), before.thumbnails(), removed.messages()));
    }

    @Test
    void someone_outside_the_conversation_guessing_ids_finds_nothing() {
        Setting group = groupSetting();
        UserSummary mallory = users.create("mallory");
        long pictureId = as(
                        group.sender(),
                        () -> attachments.upload(
                                group.conversationId(),
                                "private.png",
                                "image/png",
                                new ByteArrayInputStream(picture("png", 100, 100, Color.RED))))
                .attachment()
                .id();
        Setting direct = directSetting();
        long fileId = as(
                        direct.sender(),
                        () -> attachments.upload(
                                direct.conversationId(),
                                "secret.txt",
                                "text/plain",
                                new ByteArrayInputStream("secret".getBytes(StandardCharsets.UTF_8))))
                .attachment()
                .id();
        scenarios.friendsWithConversation(mallory, group.owner()); // friends with a member is not membership

        run(mallory, () -> {
            for (long id : new long[] {pictureId, fileId, Long.MAX_VALUE, 0, -1}) {
                assertThat(attachments.find(id)).as("find " + id).isEmpty();
                assertThat(attachments.thumbnail(id)).as("thumbnail " + id).isEmpty();
            }
            assertThatThrownBy(() -> attachments.uploadRules(group.conversationId()))
                    .isInstanceOf(NotAllowedException.class)
                    .hasMessage(NOT_FOUND);
        });
        assertRefused(
                group.as(mallory),
                "forged.png",
                "image/png",
                picture("png", 10, 10, Color.RED),
                NotAllowedException.class,
                NOT_FOUND);
        assertRefused(
                direct.as(mallory),
                "forged.txt",
                "text/plain",
                "x".getBytes(StandardCharsets.UTF_8),
                NotAllowedException.class,
                NOT_FOUND);
        assertThat(as(group.owner(), () -> attachments.find(pictureId))).isPresent();
        assertThat(as(direct.receiver(), () -> attachments.find(fileId))).isPresent();
        assertThat(as(group.owner(), () -> attachments.find(fileId)))
                .as("a member of another conversation")
                .isEmpty();
    }

    @Test
    void an_upload_still_streaming_in_is_invisible_to_everyone() throws Exception {
        Setting group = groupSetting();
        byte[] big = AttachmentTestFiles.noisePng(700, 700, 3);
        GatedStream gated = new GatedStream(big, MIB + 1000);
        Future<ChatMessageView> upload = background.submit(() ->
                as(group.sender(), () -> attachments.upload(group.conversationId(), "slow.png", "image/png", gated)));
        gated.awaitGate();
        long pending;
        try {
            pending = await().atMost(Duration.ofSeconds(10))
                    .until(
                            () -> jdbc.queryForList(
                                    "select id from attachment where conversation_id = ? and status = 'PENDING'",
                                    Long.class,
                                    group.conversationId()),
                            ids -> ids.size() == 1)
                    .getFirst();
            assertThat(jdbc.queryForObject(
                            "select count(*) from attachment_chunk where attachment_id = ?", Long.class, pending))
                    .as("its first chunk is already stored")
                    .isEqualTo(1);

            for (UserSummary who : List.of(group.sender(), group.owner())) {
                run(who, () -> {
                    assertThat(attachments.find(pending))
                            .as("pending, for " + who.username())
                            .isEmpty();
                    assertThat(attachments.thumbnail(pending)).isEmpty();
                });
            }
            assertThat(as(group.owner(), () -> chat.history(group.conversationId(), null, 50)))
                    .noneMatch(m -> m.attachment() != null);
        } finally {
            gated.open();
        }

        ChatMessageView done = upload.get(60, TimeUnit.SECONDS);
        assertThat(done.attachment().id()).isEqualTo(pending);
        assertThat(as(group.owner(), () -> attachments.find(pending))).isPresent();
        assertThat(as(group.owner(), () -> attachments.thumbnail(pending))).isPresent();
        assertThat(readAll(
                        group.owner(),
                        as(group.owner(), () -> attachments.find(pending)).orElseThrow()))
                .isEqualTo(big);
    }

    @Test
    void calls_without_a_signed_in_user_are_refused() {
        Setting direct = directSetting();
        long fileId = as(
                        direct.sender(),
                        () -> attachments.upload(
                                direct.conversationId(),
                                "a.txt",
                                "text/plain",
                                new ByteArrayInputStream("a".getBytes(StandardCharsets.UTF_8))))
                .attachment()
                .id();
        Rows before = rows(direct.conversationId());
        SecurityContextHolder.clearContext();

        for (Runnable call : List.<Runnable>of(
                () -> attachments.uploadRules(direct.conversationId()),
                () -> attachments.find(fileId),
                () -> attachments.thumbnail(fileId),
                () -> {
                    try {
                        attachments.upload(
                                direct.conversationId(),
                                "anon.txt",
                                "text/plain",
                                new ByteArrayInputStream("x".getBytes(StandardCharsets.UTF_8)));
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                })) {
            // Method security turns them away before the method runs (each method would refuse them too).
            assertThatThrownBy(call::run).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        }
        assertThat(rows(direct.conversationId())).isEqualTo(before);
    }

    // ----------------------------------------------------------------------------------------------
    // Files between friends

    @Test
    void a_file_of_three_chunks_comes_back_byte_for_byte_with_its_name_size_and_type() throws IOException {
        Setting direct = directSetting();
        byte[] content = randomBytes(5 * MIB / 2, 42);

        ChatMessageView sent = as(
                direct.sender(),
                () -> attachments.upload(
                        direct.conversationId(),
                        "Quartalsbericht Q3 — Grüße.bin",
                        "application/x-parley-test",
                        new ByteArrayInputStream(content)));

        AttachmentView view = sent.attachment();
        assertThat(view.fileName()).isEqualTo("Quartalsbericht Q3 — Grüße.bin");
        assertThat(view.sizeBytes()).isEqualTo(content.length);
        assertThat(view.contentType()).isEqualTo("application/x-parley-test");
        assertThat(view.picture()).isFalse();
        assertThat(view.width()).isNull();
        assertThat(view.height()).isNull();
        assertThat(jdbc.queryForList(
                        "select octet_length(data) from attachment_chunk where attachment_id = ? " + "order by seq",
                        Long.class,
                        view.id()))
                .containsExactly((long) MIB, (long) MIB, (long) MIB / 2);

        StoredAttachment stored =
                as(direct.receiver(), () -> attachments.find(view.id())).orElseThrow();
        assertThat(stored)
                .isEqualTo(new StoredAttachment(
                        view.id(), view.fileName(), "application/x-parley-test", content.length, false, 3));
        assertThat(readAll(direct.receiver(), stored)).isEqualTo(content);
        // Read in odd pieces across chunk borders, and byte by byte at a border.
        try (InputStream in = as(direct.receiver(), () -> attachments.open(stored))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] piece = new byte[77_777];
            for (int n; (n = in.read(piece, 0, piece.length)) != -1; ) {
                out.write(piece, 0, n);
            }
            assertThat(out.toByteArray()).isEqualTo(content);
            assertThat(in.read()).isEqualTo(-1);
        }
        try (InputStream in = as(direct.receiver(), () -> attachments.open(stored))) {
            in.skipNBytes(MIB - 2);
            for (int i = MIB - 2; i < MIB + 2; i++) {
                assertThat(in.read()).isEqualTo(content[i] & 0xFF);
            }
        }
        assertThat(as(direct.receiver(), () -> chat.history(direct.conversationId(), null, 50)))
                .singleElement()
                .satisfies(m -> assertThat(m.attachment()).isEqualTo(view));
        assertThat(as(direct.receiver(), overview::conversations))
                .filteredOn(c -> c.id() == direct.conversationId())
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.lastMessage().inEnglish()).isEqualTo("File: Quartalsbericht Q3 — Grüße.bin");
                });
        assertThat(scenarios.unreadIn(direct.receiver(), direct.conversationId()))
                .isEqualTo(1);
        assertThat(as(direct.sender(), () -> attachments.thumbnail(view.id())))
                .as("a file has no preview")
                .isEmpty();
    }

    @Test
    void a_file_of_exactly_one_chunk_and_a_file_of_one_byte_are_stored_whole() {
        Setting direct = directSetting();
        for (byte[] content : List.of(randomBytes(MIB, 7), randomBytes(2 * MIB, 8), new byte[] {42})) {
            AttachmentView view = as(
                            direct.sender(),
                            () -> attachments.upload(
                                    direct.conversationId(), "f.bin", null, new ByteArrayInputStream(content)))
                    .attachment();
            StoredAttachment stored =
                    as(direct.receiver(), () -> attachments.find(view.id())).orElseThrow();
            assertThat(stored.chunkCount()).isEqualTo(Math.max(1, (content.length + MIB - 1) / MIB));
            assertThat(stored.contentType()).as("nothing declared").isEqualTo("application/octet-stream");
            assertThat(readAll(direct.receiver(), stored)).isEqualTo(content);
        }
    }

    @Test
    void any_file_goes_one_on_one_and_a_picture_there_also_gets_a_preview() {
        Setting direct = directSetting();
        byte[] html = "<html><script>alert(document.cookie)</script></html>".getBytes(StandardCharsets.UTF_8);
        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>".getBytes(StandardCharsets.UTF_8);
        byte[] png = picture("png", 900, 300, Color.BLUE);
        byte[] bomb = AttachmentTestFiles.withPngSize(picture("png", 1, 1, Color.WHITE), 10_000, 6_000);

        AttachmentView page = upload(direct, "page.html", "text/html", html);
        AttachmentView disguised = upload(direct, "page.png", "image/png", html);
        AttachmentView drawing = upload(direct, "drawing.svg", "image/svg+xml", svg);
        AttachmentView photo = upload(direct, "photo.dat", "application/octet-stream", png);
        AttachmentView huge = upload(direct, "bomb.png", "image/png", bomb);

        assertThat(List.of(page, disguised, drawing, huge)).allSatisfy(v -> {
            assertThat(v.picture()).as(v.fileName() + " is just a file").isFalse();
            assertThat(v.width()).isNull();
            assertThat(as(direct.receiver(), () -> attachments.thumbnail(v.id())))
                    .isEmpty();
            assertThat(as(direct.receiver(), () -> attachments.find(v.id()))
                            .orElseThrow()
                            .picture())
                    .isFalse();
        });
        assertThat(page.contentType()).isEqualTo("text/html");
        assertThat(disguised.contentType()).as("the declared type, shown only").isEqualTo("image/png");
        assertThat(drawing.contentType()).isEqualTo("image/svg+xml");
        assertThat(photo.picture()).isTrue();
        assertThat(photo.contentType()).isEqualTo("image/png");
        assertThat(photo.width()).isEqualTo(900);
        assertThat(photo.height()).isEqualTo(300);
        BufferedImage preview = decode(as(direct.receiver(), () -> attachments.thumbnail(photo.id()))
                .orElseThrow()
                .data());
        assertThat(preview.getWidth()).isEqualTo(480);
        assertThat(preview.getHeight()).isEqualTo(160);
        assertThat(readAll(
                        direct.receiver(),
                        as(direct.receiver(), () -> attachments.find(huge.id())).orElseThrow()))
                .isEqualTo(bomb);
    }

    @Test
    void someone_who_is_not_a_friend_cannot_open_a_conversation_to_send_files() {
        UserSummary ann = users.create("ann");
        UserSummary stranger = users.create("stranger");

        assertThatThrownBy(() -> run(stranger, () -> chat.openDirect(ann.id())))
                .isInstanceOf(NotAllowedException.class)
                .hasMessage("You can only start a conversation with a friend.");
        assertThat(as(stranger, overview::conversations)).isEmpty();
    }

    @Test
    void after_unfriending_neither_can_upload_but_both_can_still_download() {
        Setting direct = directSetting();
        byte[] content = randomBytes(1000, 5);
        long id = upload(direct, "before.bin", "application/octet-stream", content)
                .id();

        run(direct.receiver(), () -> friends.removeFriend(direct.sender().id()));

        String refusal = "You can't send messages here: you and %s are no longer friends.";
        assertRefused(
                direct,
                "after.bin",
                null,
                content,
                NotAllowedException.class,
                refusal.formatted(direct.receiver().displayName()));
        assertRefused(
                direct.as(direct.receiver()),
                "reply.bin",
                null,
                content,
                NotAllowedException.class,
                refusal.formatted(direct.sender().displayName()));
        assertThat(as(direct.sender(), () -> attachments.uploadRules(direct.conversationId()))
                        .refusal()
                        .inEnglish())
                .isEqualTo(refusal.formatted(direct.receiver().displayName()));
        for (UserSummary member : List.of(direct.sender(), direct.receiver())) {
            StoredAttachment stored = as(member, () -> attachments.find(id)).orElseThrow();
            assertThat(readAll(member, stored)).isEqualTo(content);
        }
    }

    @Test
    void the_file_name_is_cleaned_before_it_is_stored() {
        Setting direct = directSetting();

        assertThat(upload(direct, "../../etc/passwd", "text/plain", new byte[] {1})
                        .fileName())
                .isEqualTo("passwd");
        assertThat(upload(direct, "C:\\x\\evil\u202Etxt.exe", "text/plain", new byte[] {1})
                        .fileName())
                .isEqualTo("eviltxt.exe");
        assertThat(upload(direct, null, "text/plain", new byte[] {1}).fileName())
                .isEqualTo("file");
        assertThat(upload(direct, "x", "text/html\r\nX-Evil: 1", new byte[] {1}).contentType())
                .isEqualTo("application/octet-stream");
        String longName = "n".repeat(300) + ".txt";
        assertThat(upload(direct, longName, null, new byte[] {1}).fileName()).isEqualTo("n".repeat(255));
    }

    @Test
    void a_long_emoji_name_is_stored() {
        Setting direct = directSetting();
        String name = "😀".repeat(200);

        AttachmentView view;
        try {
            view = upload(direct, name, "text/plain", new byte[] {1});
        } catch (RuntimeException failed) {
            throw new AssertionError(
                    "Uploading a file named 200 × 😀 failed: FileNames.clean cut it to "
                            + FileNames.clean(name).length() + " UTF-16 units ("
                            + FileNames.clean(name)
                                    .codePointCount(0, FileNames.clean(name).length())
                            + " code points), more than attachment.file_name varchar(255) "
                            + "takes on this database",
                    failed);
        }
        assertThat(name).startsWith(view.fileName());
        assertThat(view.fileName()).startsWith("😀😀");
        assertThat(as(direct.receiver(), () -> attachments.find(view.id()))
                        .orElseThrow()
                        .fileName())
                .isEqualTo(view.fileName());
    }

    @Test
    void a_long_but_plausible_declared_type_does_not_break_the_upload() {
        Setting direct = directSetting();
        String type = "a".repeat(64) + "/" + "b".repeat(64);

        AttachmentView view;
        try {
            view = upload(direct, "odd.bin", type, new byte[] {1, 2, 3});
        } catch (RuntimeException failed) {
            throw new AssertionError(
                    "Uploading with the declared type \"" + type + "\" (129 characters, accepted "
                            + "by FileNames.declaredType) failed: attachment.content_type is varchar(127)",
                    failed);
        }
        assertThat(view.contentType().length()).isLessThanOrEqualTo(127);
        assertThat(view.sizeBytes()).isEqualTo(3);
    }

    // ----------------------------------------------------------------------------------------------

    private record Upload(String name, String declared, byte[] content, String type, int width, int height) {}

    /** Where a test uploads: as {@code sender}; {@code owner} runs a group, {@code receiver} is a friend. */
    record Setting(
            long conversationId,
            Long groupId,
            String title,
            UserSummary owner,
            UserSummary sender,
            UserSummary receiver) {
        Setting as(UserSummary someoneElse) {
            return new Setting(conversationId, groupId, title, owner, someoneElse, receiver);
        }
    }

    /** Counted per conversation: attachments, their chunks and thumbnails, and messages. */
    record Rows(long attachments, long chunks, long thumbnails, long messages) {}

    private Rows rows(long conversationId) {
        return new Rows(
                count("select count(*) from attachment where conversation_id = ?", conversationId),
                count(
                        "select count(*) from attachment_chunk c join attachment a on a.id = c.attachment_id "
                                + "where a.conversation_id = ?",
                        conversationId),
                count(
                        "select count(*) from attachment_thumbnail t join attachment a on a.id = t.attachment_id "
                                + "where a.conversation_id = ?",
                        conversationId),
                count("select count(*) from chat_message where conversation_id = ?", conversationId));
    }

    private long count(String sql, long conversationId) {
        return jdbc.queryForObject(sql, Long.class, conversationId);
    }

    private void assertRefused(
            Setting setting,
            String name,
            String declared,
            byte[] content,
            Class<? extends RuntimeException> refusal,
            String message) {
        assertRefused(setting, name, declared, new ByteArrayInputStream(content), refusal, message);
    }

    private void assertRefused(
            Setting setting,
            String name,
            String declared,
            InputStream content,
            Class<? extends RuntimeException> refusal,
            String message) {
        Rows before = rows(setting.conversationId());
        long chunksEverywhere = jdbc.queryForObject("select count(*) from attachment_chunk", Long.class);
        UserSummary reader = setting.owner() != null ? setting.owner() : setting.receiver();
        List<ChatMessageView> historyBefore = as(reader, () -> chat.history(setting.conversationId(), null, 50));

        assertThatThrownBy(() -> run(setting.sender(), () -> {
                    try {
                        attachments.upload(setting.conversationId(), name, declared, content);
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }))
                .isInstanceOf(refusal)
                .hasMessage(message);

        assertThat(rows(setting.conversationId()))
                .as("nothing of " + name + " is stored")
                .isEqualTo(before);
        assertThat(jdbc.queryForObject("select count(*) from attachment_chunk", Long.class))
                .as("no chunk anywhere")
                .isEqualTo(chunksEverywhere);
        assertThat(as(reader, () -> chat.history(setting.conversationId(), null, 50)))
                .as("nothing to see")
                .isEqualTo(historyBefore);
    }

    private AttachmentView upload(Setting setting, String name, String declared, byte[] content) {
        return as(
                        setting.sender(),
                        () -> attachments.upload(
                                setting.conversationId(), name, declared, new ByteArrayInputStream(content)))
                .attachment();
    }

    private byte[] readAll(UserSummary reader, StoredAttachment stored) {
        return as(reader, () -> {
            try (InputStream in = attachments.open(stored)) {
                return in.readAllBytes();
            }
        });
    }

    private Color centreColour(UserSummary reader, ChatMessageView message) {
        BufferedImage preview = decode(
                as(reader, () -> attachments.thumbnail(message.attachment().id()))
                        .orElseThrow()
                        .data());
        return new Color(preview.getRGB(preview.getWidth() / 2, preview.getHeight() / 2));
    }

    private static void assertRoughly(Color actual, Color expected) {
        assertThat(Math.abs(actual.getRed() - expected.getRed()))
                .as("red of " + actual)
                .isLessThan(40);
        assertThat(Math.abs(actual.getGreen() - expected.getGreen()))
                .as("green of " + actual)
                .isLessThan(40);
        assertThat(Math.abs(actual.getBlue() - expected.getBlue()))
                .as("blue of " + actual)
                .isLessThan(40);
    }

    /** A group where a plain member sends. */
    private Setting groupSetting() {
        UserSummary owner = users.create("owner");
        UserSummary member = users.create("member");
        GroupSummary group = scenarios.openGroup(owner, uniqueName("Pictures"), null, member);
        return new Setting(group.conversationId(), group.id(), group.name(), owner, member, owner);
    }

    /** A one-on-one conversation between two friends. */
    private Setting directSetting() {
        UserSummary ann = users.create("ann");
        UserSummary bob = users.create("bob");
        return new Setting(scenarios.friendsWithConversation(ann, bob), null, null, null, ann, bob);
    }
}
