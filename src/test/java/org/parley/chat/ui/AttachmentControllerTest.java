package org.parley.chat.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.chat.service.AttachmentTestFiles.MIB;
import static org.parley.chat.service.AttachmentTestFiles.decode;
import static org.parley.chat.service.AttachmentTestFiles.picture;
import static org.parley.chat.service.AttachmentTestFiles.randomBytes;
import static org.parley.support.TestUsers.as;
import static org.parley.support.TestUsers.run;
import static org.parley.support.TestUsers.uniqueName;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.parley.account.service.UserSummary;
import org.parley.chat.service.AttachmentService;
import org.parley.chat.service.AttachmentView;
import org.parley.groups.service.GroupModeration;
import org.parley.groups.service.GroupService;
import org.parley.groups.service.GroupSummary;
import org.parley.support.Scenarios;
import org.parley.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Attachments over real HTTP: Parley on a random port, each person signed in through the login form
 * with their own cookies. What a browser gets is checked byte by byte and header by header: downloads
 * are always {@code application/octet-stream} attachments, pictures are shown inline only when Parley
 * recognised them, and every refusal is the same empty 404.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AttachmentControllerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    AttachmentService attachments;

    @Autowired
    GroupService groups;

    @Autowired
    GroupModeration moderation;

    @Autowired
    TestUsers users;

    @Autowired
    Scenarios scenarios;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void a_member_downloads_every_file_as_an_octet_stream_attachment_byte_for_byte() {
        UserSummary ann = users.create("ann");
        UserSummary bob = users.create("bob");
        long direct = scenarios.friendsWithConversation(ann, bob);
        byte[] html =
                "<html><body><script>alert(document.cookie)</script></body></html>".getBytes(StandardCharsets.UTF_8);
        byte[] svg =
                "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"><rect width=\"9\" height=\"9\"/></svg>"
                        .getBytes(StandardCharsets.UTF_8);
        byte[] binary = randomBytes(5 * MIB / 2, 11);
        byte[] png = picture("png", 640, 480, Color.RED);
        List<Sent> sent = List.of(
                new Sent(upload(ann, direct, "page.html", "text/html", html), html),
                new Sent(upload(ann, direct, "evil.html", "image/png", html), html),
                new Sent(upload(ann, direct, "drawing.svg", "image/svg+xml", svg), svg),
                new Sent(upload(ann, direct, "Grüße 日本 \"quoted\".bin", "application/x-thing", binary), binary),
                new Sent(upload(ann, direct, "photo.png", "image/png", png), png));
        Browser bobs = signIn(bob);

        for (Sent file : sent) {
            HttpResponse<byte[]> response = bobs.get(file.view().downloadUrl());

            assertThat(response.statusCode()).as(file.view().fileName()).isEqualTo(200);
            assertThat(header(response, "Content-Type"))
                    .as("whatever it is, a download")
                    .isEqualTo("application/octet-stream");
            assertThat(header(response, "Content-Disposition"))
                    .startsWith("attachment; filename=\"")
                    .isEqualTo(AttachmentController.contentDisposition(
                            "attachment", file.view().fileName()));
            assertThat(header(response, "X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(header(response, "Content-Security-Policy"))
                    .contains("sandbox")
                    .contains("default-src 'none'");
            assertThat(header(response, "Content-Length")).isEqualTo(String.valueOf(file.content().length));
            assertThat(response.body()).as("bytes of " + file.view().fileName()).isEqualTo(file.content());
        }
        assertThat(signIn(ann).get(sent.get(3).view().downloadUrl()).body())
                .as("the sender too")
                .isEqualTo(binary);
    }

    @Test
    void only_recognised_pictures_are_shown_inline_with_their_recognised_type() {
        UserSummary ann = users.create("ann");
        UserSummary bob = users.create("bob");
        long direct = scenarios.friendsWithConversation(ann, bob);
        byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>".getBytes(StandardCharsets.UTF_8);
        byte[] png = picture("png", 1000, 500, Color.BLUE);
        byte[] jpeg = picture("jpeg", 300, 600, Color.GREEN);
        AttachmentView htmlAsPng = upload(ann, direct, "cat.png", "image/png", html);
        AttachmentView drawing = upload(ann, direct, "drawing.svg", "image/svg+xml", svg);
        AttachmentView text = upload(ann, direct, "notes.txt", "text/plain", "hello".getBytes(StandardCharsets.UTF_8));
        AttachmentView photo = upload(ann, direct, "photo.dat", "application/octet-stream", png);
        AttachmentView portrait = upload(ann, direct, "portrait.jpg", "image/jpeg", jpeg);
        Browser bobs = signIn(bob);

        for (AttachmentView notAPicture : List.of(htmlAsPng, drawing, text)) {
            assertEmpty404(bobs.get(notAPicture.pictureUrl()), notAPicture.fileName() + " inline");
            assertEmpty404(bobs.get(notAPicture.thumbnailUrl()), notAPicture.fileName() + " preview");
            assertThat(bobs.get(notAPicture.downloadUrl()).statusCode())
                    .as("still a download")
                    .isEqualTo(200);
        }

        for (var picture : Map.of(photo, png, portrait, jpeg).entrySet()) {
            AttachmentView view = picture.getKey();
            HttpResponse<byte[]> inline = bobs.get(view.pictureUrl());
            assertThat(inline.statusCode()).isEqualTo(200);
            assertThat(header(inline, "Content-Type"))
                    .isEqualTo(view.contentType())
                    .startsWith("image/");
            assertThat(header(inline, "Content-Disposition")).startsWith("inline; filename=\"");
            assertThat(header(inline, "X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(header(inline, "Content-Security-Policy")).contains("sandbox");
            assertThat(inline.body()).isEqualTo(picture.getValue());

            HttpResponse<byte[]> thumbnail = bobs.get(view.thumbnailUrl());
            assertThat(thumbnail.statusCode()).isEqualTo(200);
            assertThat(header(thumbnail, "Content-Type")).isIn("image/png", "image/jpeg");
            assertThat(header(thumbnail, "X-Content-Type-Options")).isEqualTo("nosniff");
            BufferedImage preview = decode(thumbnail.body());
            assertThat(Math.max(preview.getWidth(), preview.getHeight())).isEqualTo(480);
        }
        assertThat(header(bobs.get(photo.pictureUrl()), "Content-Type"))
                .as("recognised, not declared")
                .isEqualTo("image/png");
    }

    @Test
    void someone_outside_the_conversation_gets_an_empty_404_like_for_a_missing_file() {
        UserSummary ann = users.create("ann");
        UserSummary bob = users.create("bob");
        UserSummary mallory = users.create("mallory");
        long direct = scenarios.friendsWithConversation(ann, bob);
        scenarios.friendsWithConversation(mallory, ann); // a friend of a member is no member
        AttachmentView file =
                upload(ann, direct, "secret.txt", "text/plain", "the secret".getBytes(StandardCharsets.UTF_8));
        AttachmentView photo = upload(ann, direct, "secret.png", "image/png", picture("png", 100, 100, Color.RED));
        Browser mallorys = signIn(mallory);

        for (AttachmentView view : List.of(file, photo)) {
            for (String url : urls(view)) {
                assertEmpty404(mallorys.get(url), "mallory: " + url);
            }
        }
        for (String missing : List.of(
                "/files/" + Long.MAX_VALUE,
                "/files/" + Long.MAX_VALUE + "/picture",
                "/files/" + Long.MAX_VALUE + "/thumbnail")) {
            assertEmpty404(mallorys.get(missing), missing);
        }
        assertThat(signIn(bob).get(file.downloadUrl()).statusCode()).isEqualTo(200);
    }

    @Test
    void a_removed_member_gets_an_empty_404_for_pictures_they_could_see_before() {
        UserSummary owner = users.create("owner");
        UserSummary dave = users.create("dave");
        GroupSummary group = scenarios.openGroup(owner, uniqueName("Photos"), null, dave);
        byte[] png = picture("png", 800, 600, Color.ORANGE);
        AttachmentView ownersPhoto = upload(owner, group.conversationId(), "holiday.png", "image/png", png);
        AttachmentView davesPhoto =
                upload(dave, group.conversationId(), "mine.png", "image/png", picture("png", 80, 60, Color.PINK));
        Browser daves = signIn(dave);
        for (String url : urls(ownersPhoto)) {
            assertThat(daves.get(url).statusCode()).as("while a member: " + url).isEqualTo(200);
        }

        run(owner, () -> moderation.removeMember(group.id(), dave.id(), null));

        for (AttachmentView view : List.of(ownersPhoto, davesPhoto)) {
            for (String url : urls(view)) {
                assertEmpty404(daves.get(url), "removed: " + url);
            }
        }
        assertThat(signIn(owner).get(ownersPhoto.pictureUrl()).body()).isEqualTo(png);
    }

    @Test
    void without_signing_in_nobody_gets_the_bytes() {
        UserSummary ann = users.create("ann");
        UserSummary bob = users.create("bob");
        long direct = scenarios.friendsWithConversation(ann, bob);
        byte[] secret = ("TOP-SECRET-" + uniqueName("x")).getBytes(StandardCharsets.UTF_8);
        AttachmentView file = upload(ann, direct, "secret.txt", "text/plain", secret);
        AttachmentView photo = upload(ann, direct, "secret.png", "image/png", picture("png", 64, 64, Color.RED));
        Browser anonymous = new Browser();

        for (AttachmentView view : List.of(file, photo)) {
            for (String url : urls(view)) {
                HttpResponse<byte[]> response = anonymous.get(url);
                assertThat(response.statusCode()).as(url).isIn(302, 401, 403);
                if (response.statusCode() == 302) {
                    assertThat(header(response, "Location"))
                            .as("sent to sign in")
                            .contains("/login");
                }
                assertThat(new String(response.body(), StandardCharsets.ISO_8859_1))
                        .doesNotContain("TOP-SECRET");
                assertThat(header(response, "Content-Disposition")).isNull();
            }
        }
    }

    // ----------------------------------------------------------------------------------------------

    private record Sent(AttachmentView view, byte[] content) {}

    /** One person's browser: their own cookies, redirects not followed. */
    private final class Browser {
        final HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(TIMEOUT)
                .build();

        HttpResponse<byte[]> get(String path) {
            return send(HttpRequest.newBuilder(uri(path)).timeout(TIMEOUT).GET().build());
        }

        HttpResponse<byte[]> postForm(String path, Map<String, String> fields) {
            String form = fields.entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return send(HttpRequest.newBuilder(uri(path))
                    .timeout(TIMEOUT)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form))
                    .build());
        }

        private HttpResponse<byte[]> send(HttpRequest request) {
            try {
                return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                throw new IllegalStateException(request.uri() + " failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private URI uri(String path) {
            return URI.create("http://localhost:" + port + path);
        }
    }

    /** Signs in the way the login page's form does: user name, password and the page's CSRF token. */
    private Browser signIn(UserSummary user) {
        Browser browser = new Browser();
        HttpResponse<byte[]> page = browser.get("/login");
        assertThat(page.statusCode()).as("the login page").isEqualTo(200);
        String html = new String(page.body(), StandardCharsets.UTF_8);
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put("username", user.username());
        fields.put("password", TestUsers.PASSWORD);
        String parameter = meta(html, "_csrf_parameter");
        String token = meta(html, "_csrf");
        if (parameter != null && token != null) {
            fields.put(parameter, token);
        }
        HttpResponse<byte[]> signedIn = browser.postForm("/login", fields);
        assertThat(signedIn.statusCode())
                .as("signing in answers with a redirect")
                .isEqualTo(302);
        assertThat(header(signedIn, "Location"))
                .as("signed in as " + user.username())
                .doesNotContain("error");
        return browser;
    }

    private static String meta(String html, String name) {
        Matcher tag = Pattern.compile("<meta\\s[^>]*name=\"" + Pattern.quote(name) + "\"[^>]*>")
                .matcher(html);
        if (!tag.find()) {
            return null;
        }
        Matcher content = Pattern.compile("content=\"([^\"]*)\"").matcher(tag.group());
        return content.find() ? content.group(1) : null;
    }

    private static List<String> urls(AttachmentView view) {
        return List.of(view.downloadUrl(), view.pictureUrl(), view.thumbnailUrl());
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    private static void assertEmpty404(HttpResponse<byte[]> response, String what) {
        assertThat(response.statusCode()).as(what).isEqualTo(404);
        assertThat(response.body()).as("nothing said: " + what).isEmpty();
        assertThat(header(response, "Content-Disposition")).as(what).isNull();
    }

    private AttachmentView upload(UserSummary sender, long conversation, String name, String type, byte[] content) {
        return as(sender, () -> attachments.upload(conversation, name, type, new ByteArrayInputStream(content)))
                .attachment();
    }
}
