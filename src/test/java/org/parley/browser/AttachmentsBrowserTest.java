package org.parley.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.RequestOptions;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.parley.account.service.UserSummary;
import org.parley.groups.service.GroupSummary;
import org.parley.support.Scenarios;
import org.parley.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Pictures and files as two (or three) people in separate browsers see them. People, friendships and
 * groups are set up through the services (fast); everything after signing in happens in the pages: the
 * upload through the attach button, the other person's open conversation receiving it by push, the
 * preview and the full picture really loading, a download really saving the same bytes under the same
 * name, and someone outside the conversation getting nothing.
 */
class AttachmentsBrowserTest extends BrowserTestBase {

    @Autowired
    TestUsers users;

    @Autowired
    Scenarios scenarios;

    @TempDir
    Path files;

    @ParameterizedTest(name = "push over {0}")
    @Transports
    void pictures_sent_to_a_group_reach_the_other_member_at_once_and_a_disguised_file_is_refused(String transport)
            throws IOException {
        UserSummary annUser = users.create("ann");
        UserSummary bobUser = users.create("bob");
        GroupSummary group =
                scenarios.openGroup(annUser, "Harbour " + TestUsers.uniqueName("walks"), "Boats and sunsets", bobUser);

        Path png = files.resolve("harbour.png");
        byte[] pngBytes = picture(1200, 800, "png", 1);
        Files.write(png, pngBytes);
        Path jpeg = files.resolve("meadow.jpg");
        byte[] jpegBytes = picture(800, 1200, "jpeg", 2);
        Files.write(jpeg, jpegBytes);
        Path disguised = files.resolve("holiday.png");
        Files.writeString(disguised, "Not a picture at all, just words. ".repeat(300));
        Path plainText = files.resolve("notes.txt");
        Files.writeString(plainText, "Shopping list: rope, sail, snacks.");

        Page ann = newPerson();
        Page bob = newPerson();
        List<String> sockets = webSocketsOf(ann, bob);
        signIn(ann, annUser, transport);
        signIn(bob, bobUser, transport);
        String conversation = "chat/" + group.conversationId();
        ann.navigate(url(conversation));
        bob.navigate(url(conversation));
        assertThat(ann.locator("[data-testid=conversation-header]")).containsText(group.name());
        assertThat(bob.locator("[data-testid=conversation-header]")).containsText(group.name());
        Locator bobMessages = bob.locator("[data-testid=message-list] vaadin-message");
        assertThat(bobMessages.filter(new Locator.FilterOptions().setHasText("Bob Tester joined")))
                .hasCount(1);
        int before = bobMessages.count();

        // What the page says to screen readers besides its toasts (the upload's own announcements, "name: 100%").
        ann.evaluate("""
                () => {
                  window.announced = [];
                  new MutationObserver(changes => changes.forEach(change => {
                    const node = change.target.nodeType === 1 ? change.target : change.target.parentElement;
                    const region = node && node.closest('[aria-live], [role=alert]');
                    if (region && !region.closest('vaadin-notification-card') && region.textContent) {
                      window.announced.push(region.textContent);
                    }
                  })).observe(document.body, {childList: true, subtree: true, characterData: true});
                }""");

        // Ann sends two pictures at once; Bob's open page shows both previews without a reload.
        ann.locator("[data-testid=attach] input[type=file]").setInputFiles(new Path[] {png, jpeg});
        Locator bobPictures = bob.locator("[data-testid=message-list] vaadin-message.has-picture");
        assertThat(bobPictures).hasCount(2);
        assertThat(bobMessages).hasCount(before + 2);
        assertThat(ann.locator("[data-testid=message-list] vaadin-message.has-picture"))
                .hasCount(2);
        Locator pngPreview = previewOf(bob, "harbour.png");
        Locator jpegPreview = previewOf(bob, "meadow.jpg");
        for (Locator preview : List.of(pngPreview, jpegPreview)) {
            assertThat(preview.locator("img[part=attachment-preview]"))
                    .hasAttribute("src", Pattern.compile("^/files/\\d+/thumbnail$"));
            // The preview really loads (decode() rejects for a broken image), and it is a preview, not the original.
            int[] size = naturalSize(preview.locator("img[part=attachment-preview]"));
            assertThat(size[0]).as("preview width").isPositive().isLessThan(1200);
            assertThat(size[1]).as("preview height").isPositive().isLessThan(1200);
        }
        snapshot(bob, "attachments-group-pictures-bob-" + transport);

        // The full picture behind a preview is the original: same size, same bytes.
        pngPreview.click();
        Locator full = bob.locator("[data-testid=full-picture]");
        assertThat(full).isVisible();
        assertThat(full).hasAttribute("src", Pattern.compile("^/files/\\d+/picture$"));
        assertThat(naturalSize(full)).containsExactly(1200, 800);
        assertThat(bob.locator("[data-testid=picture-download]")).containsText("1200 × 800");
        APIResponse original = bob.request().get(url(full.getAttribute("src").substring(1)));
        assertThat(original.status()).isEqualTo(200);
        assertThat(original.headers().get("content-type")).isEqualTo("image/png");
        assertThat(sha256(original.body())).isEqualTo(sha256(pngBytes));
        snapshot(bob, "attachments-group-full-picture-" + transport);
        bob.keyboard().press("Escape");
        assertThat(full).isHidden();
        jpegPreview.click();
        assertThat(full).isVisible();
        assertThat(naturalSize(full)).containsExactly(800, 1200);
        bob.keyboard().press("Escape");
        assertThat(full).isHidden();

        // In a group only pictures, as the paper clip says: a text file is stopped by the page, one disguised as .png
        // by the server.
        assertThat(ann.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send pictures")))
                .isVisible();
        Locator annToasts = ann.locator("vaadin-notification-card");
        ann.locator("[data-testid=attach] input[type=file]").setInputFiles(plainText);
        assertThat(annToasts.filter(new Locator.FilterOptions().setHasText("notes.txt")))
                .containsText("only pictures");
        assertThat(annToasts.filter(new Locator.FilterOptions().setHasText("notes.txt")))
                .hasCount(1);
        ann.locator("[data-testid=attach] input[type=file]").setInputFiles(disguised);
        Locator refusal = annToasts.filter(new Locator.FilterOptions().setHasText("is not a picture"));
        assertThat(refusal).isVisible();
        assertThat(refusal).containsText("holiday.png");
        assertThat(annToasts.filter(new Locator.FilterOptions().setHasText("holiday.png")))
                .hasCount(1);
        snapshot(ann, "attachments-group-disguised-refused-" + transport);

        // A real message after the refusal: once Bob has it, nothing else came in between.
        Locator annInput = ann.locator("[data-testid=message-input] textarea");
        annInput.fill("That was not a picture, sorry");
        annInput.press("Enter");
        assertThat(bob.locator("[data-testid=message-list]").getByText("That was not a picture, sorry"))
                .hasCount(1);
        assertThat(bobMessages).hasCount(before + 3);
        assertThat(bobPictures).hasCount(2);
        assertThat(bob.locator("[data-testid=message-list] vaadin-message.has-file"))
                .hasCount(0);
        assertThat(bob.locator("[data-testid=message-list] button[aria-label='holiday.png']"))
                .hasCount(0);
        assertThat(ann.locator("[data-testid=message-list] vaadin-message")).hasCount(before + 3);
        snapshot(ann, "attachments-group-after-refusal-ann-" + transport);
        // Each refusal was said once, in its toast: the upload did not announce it again ("Upload forbidden").
        @SuppressWarnings("unchecked")
        List<String> announced = (List<String>) ann.evaluate("() => window.announced");
        assertThat(announced)
                .as("the upload's announcements")
                .anySatisfy(said -> assertThat(said).contains("meadow.jpg: 100%"))
                .noneSatisfy(said -> assertThat(said).containsAnyOf("notes.txt", "forbidden"));

        assertTransport(transport, sockets);
    }

    @Test
    void a_file_sent_one_on_one_downloads_with_its_name_and_bytes_and_nobody_else_gets_it() throws Exception {
        UserSummary annUser = users.create("ann");
        UserSummary bobUser = users.create("bob");
        UserSummary catUser = users.create("cat");
        scenarios.makeFriends(annUser, bobUser);

        String fileName = "Bericht – Grüße.bin";
        byte[] content = new byte[3 * 1024 * 1024 + 12_345];
        new Random(42).nextBytes(content);
        Path file = files.resolve(fileName);
        Files.write(file, content);

        Page ann = newPerson();
        Page bob = newPerson();
        Page cat = newPerson();
        signIn(ann, annUser, "websocket");
        signIn(bob, bobUser, "websocket");
        signIn(cat, catUser, "websocket");
        ann.navigate(url("chat/with/" + bobUser.id()));
        ann.waitForURL(Pattern.compile(".*/chat/\\d+$"));
        String conversation = ann.url().substring(ann.url().indexOf("/chat/") + 1);
        bob.navigate(url(conversation));
        assertThat(bob.locator("[data-testid=conversation-header]")).containsText(annUser.displayName());

        ann.locator("[data-testid=attach] input[type=file]").setInputFiles(file);

        // Bob's open conversation shows the file card without a reload.
        Locator card = bob.locator("[data-testid=message-list] vaadin-message.has-file button[part~=attachment-file]");
        assertThat(card).hasCount(1);
        // Name, size and type (Chromium declares a .bin file as application/octet-stream: shown by its ending).
        assertThat(card.locator("[part=attachment-name]")).hasText(fileName + " · 3.0 MB · BIN file");
        assertThat(ann.locator("[data-testid=message-list] vaadin-message.has-file [part=attachment-name]"))
                .hasText(fileName + " · 3.0 MB · BIN file");
        snapshot(bob, "attachments-file-bob");

        // Clicking it saves the file: same name, same bytes, and the chat stays open.
        Download download = bob.waitForDownload(card::click);
        assertThat(download.failure()).isNull();
        assertThat(download.suggestedFilename()).isEqualTo(fileName);
        assertThat(sha256(Files.readAllBytes(download.path()))).isEqualTo(sha256(content));
        assertThat(download.url()).matches(".*/files/\\d+$");
        assertThat(bob.url()).endsWith(conversation);
        assertThat(bob.locator("[data-testid=message-list]")).isVisible();

        // Cat is signed in but not in the conversation: a bare 404, no bytes. Nobody signed in: nothing.
        APIResponse forCat =
                cat.request().get(download.url(), RequestOptions.create().setMaxRedirects(0));
        assertThat(forCat.status()).isEqualTo(404);
        assertThat(forCat.body().length).isLessThan(1024);
        APIResponse forNobody = newPerson()
                .request()
                .get(download.url(), RequestOptions.create().setMaxRedirects(0));
        assertThat(forNobody.status()).isNotEqualTo(200);
        assertThat(forNobody.body().length).isLessThan(content.length);
        // While Bob, a member, gets exactly those bytes from the same address.
        APIResponse forBob = bob.request().get(download.url());
        assertThat(forBob.status()).isEqualTo(200);
        assertThat(forBob.headers().get("content-type")).isEqualTo("application/octet-stream");
        assertThat(sha256(forBob.body())).isEqualTo(sha256(content));
    }

    private static Locator previewOf(Page page, String fileName) {
        return page.locator("[data-testid=message-list] vaadin-message.has-picture button[part~=attachment-image]"
                + "[aria-label='" + fileName + "']");
    }

    /** Width and height once the image is decoded; fails if it cannot be loaded. */
    private static int[] naturalSize(Locator image) {
        @SuppressWarnings("unchecked")
        List<Number> size =
                (List<Number>) image.evaluate("img => img.decode().then(() => [img.naturalWidth, img.naturalHeight])");
        return new int[] {size.get(0).intValue(), size.get(1).intValue()};
    }

    /** A gradient with shapes, so neither format compresses it to nothing. */
    private static byte[] picture(int width, int height, String format, int seed) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(
                0, 0, seed == 1 ? Color.ORANGE : Color.GREEN, width, height, seed == 1 ? Color.BLUE : Color.YELLOW));
        g.fillRect(0, 0, width, height);
        Random random = new Random(seed);
        g.setStroke(new BasicStroke(6));
        for (int i = 0; i < 60; i++) {
            g.setColor(new Color(random.nextInt(0x1000000)));
            g.drawOval(
                    random.nextInt(width), random.nextInt(height), 40 + random.nextInt(200), 40 + random.nextInt(200));
        }
        g.dispose();
        var out = new java.io.ByteArrayOutputStream();
        assertThat(ImageIO.write(image, format, out))
                .as("a writer for " + format)
                .isTrue();
        return out.toByteArray();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
