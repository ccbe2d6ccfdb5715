package org.parley.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.parley.support.TestUsers;

/** A person uploads an avatar in a real browser; it is scaled by the server and shown as theirs. */
class ProfileBrowserTest extends BrowserTestBase {

    @Test
    void an_uploaded_picture_becomes_the_avatar_and_signing_out_locks_the_app() throws Exception {
        Path photo = Files.createTempFile("parley-photo", ".jpg");
        BufferedImage image = new BufferedImage(1200, 800, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(30, 120, 200));
        g.fillRect(0, 0, 1200, 800);
        g.dispose();
        ImageIO.write(image, "jpeg", photo.toFile());

        Page page = newPerson();
        page.setViewportSize(390, 844);
        String username = TestUsers.uniqueName("eve");
        registerAndSignIn(page, username, "Eve Example", "pictures-please", "websocket");
        page.navigate(url("profile"));
        assertThat(page.locator("[data-testid=profile-avatar]"))
                .not()
                .hasAttribute("img", java.util.regex.Pattern.compile(".+"));

        page.locator("[data-testid=avatar-upload] input[type=file]").setInputFiles(photo);
        assertThat(page.getByText("Your picture is updated.")).isVisible();
        String avatarUrl = page.locator("[data-testid=profile-avatar]").getAttribute("img");
        assertThat(avatarUrl).startsWith("/avatars/");

        APIResponse served = page.request().get(url(avatarUrl.substring(1)));
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.headers().get("x-content-type-options")).isEqualTo("nosniff");
        BufferedImage stored = ImageIO.read(new ByteArrayInputStream(served.body()));
        assertThat(stored.getWidth()).isEqualTo(256);
        assertThat(stored.getHeight()).isEqualTo(256);
        snapshot(page, "profile-phone");

        // Signing out ends the session: the app is behind the login page again.
        page.setViewportSize(1280, 800);
        page.locator("[data-testid=sign-out]").click();
        page.waitForURL("**/login?signed-out");
        assertThat(page.getByText("You have signed out.")).isVisible();
        page.navigate(url("chat"));
        page.waitForURL("**/login");
        assertThat(page.request()
                        .get(
                                url(avatarUrl.substring(1)),
                                com.microsoft.playwright.options.RequestOptions.create()
                                        .setMaxRedirects(0))
                        .status())
                .isNotEqualTo(200);

        // Someone who never signed in gets no pictures either.
        APIResponse anonymous = browser.newContext()
                .request()
                .get(
                        url(avatarUrl.substring(1)),
                        com.microsoft.playwright.options.RequestOptions.create().setMaxRedirects(0));
        assertThat(anonymous.status()).isNotEqualTo(200);
    }
}
