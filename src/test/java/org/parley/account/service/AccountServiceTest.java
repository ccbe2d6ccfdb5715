package org.parley.account.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.parley.support.TestUsers.as;
import static org.parley.support.TestUsers.run;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.parley.account.domain.ColorSchemeChoice;
import org.parley.account.domain.LanguageChoice;
import org.parley.account.domain.UserAccountRepository;
import org.parley.account.service.internal.AccountDirectory;
import org.parley.base.service.EncodedPicture;
import org.parley.base.service.ImageFormat;
import org.parley.base.service.InvalidInputException;
import org.parley.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Accounts against the real database (H2 here, MariaDB in CI). Not {@code @Transactional}: every call
 * commits, as it does for a person using Parley. Each test makes its own users and only looks at them.
 */
@SpringBootTest
class AccountServiceTest {

    private static final String PASSWORD = "s3cret-enough";

    @Autowired
    AccountService accounts;

    @Autowired
    AccountDirectory directory;

    @Autowired
    TestUsers users;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    UserDetailsService signIn;

    @Autowired
    UserAccountRepository accountRows;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    // ----------------------------------------------------------------------------------------------
    // Registration

    @Test
    void registration_creates_an_account_that_signs_in_with_the_password_stored_only_as_a_hash() {
        String username = TestUsers.uniqueName("Reg");

        UserSummary created = accounts.register(username, "  Regina Example  ", PASSWORD, TestUsers.newAddress());

        assertThat(created.id()).isPositive();
        assertThat(created.username()).isEqualTo(username);
        assertThat(created.displayName()).isEqualTo("Regina Example");
        assertThat(created.avatarUrl()).as("no picture yet: initials are shown").isNull();

        // Sign-in looks the user up ignoring case and checks the password against the stored hash.
        String storedHash =
                signIn.loadUserByUsername(username.toUpperCase(Locale.ROOT)).getPassword();
        assertThat(storedHash).isNotEqualTo(PASSWORD).doesNotContain(PASSWORD);
        assertThat(passwordEncoder.matches(PASSWORD, storedHash)).isTrue();
        assertThat(passwordEncoder.matches("s3cret-enougH", storedHash)).isFalse();
        assertThat(accountRows
                        .findByUsernameKey(username.toLowerCase(Locale.ROOT))
                        .orElseThrow()
                        .getPasswordHash())
                .isEqualTo(storedHash);
    }

    @Test
    void user_names_of_3_and_32_allowed_characters_are_accepted() {
        String shortest = unusedThreeCharacterName();
        String longest = ("L." + UUID.randomUUID().toString().replace("-", "") + "_-").substring(0, 32);
        assertThat(longest).hasSize(32);

        assertThat(accounts.register(shortest, "Shortest", PASSWORD, TestUsers.newAddress())
                        .username())
                .isEqualTo(shortest);
        assertThat(accounts.register(longest, "Longest", PASSWORD, TestUsers.newAddress())
                        .username())
                .isEqualTo(longest);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "ab",
                "   ",
                "ann smith",
                "ann@example.org",
                "ann/../x",
                "jörg",
                "<b>ann</b>",
                "a23456789012345678901234567890123",
                "王",
                "王 芳",
                "王芳@example.org",
                "王23456789012345678901234567890123"
            })
    void user_names_outside_the_rules_are_refused_with_a_clear_message(String username) {
        assertThatThrownBy(() -> accounts.register(username, "Someone", PASSWORD, TestUsers.newAddress()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(
                        "A user name has 3 to 32 characters: letters, digits, dots, underscores and hyphens; with Chinese characters,"
                                + " 2 to 32.");
    }

    @Test
    void a_chinese_user_name_of_two_characters_or_more_signs_in() {
        String suffix = String.valueOf(System.nanoTime() % 1_000_000);
        for (String name : List.of("王芳" + suffix, "李" + suffix, "zhang伟" + suffix)) {
            UserSummary person = accounts.register(name, "王芳", PASSWORD, TestUsers.newAddress());
            assertThat(person.username()).isEqualTo(name);
            assertThat(signIn.loadUserByUsername(name).getUsername()).isEqualTo(name);
        }
        var random = java.util.concurrent.ThreadLocalRandom.current();
        String twoCharacters =
                new String(new char[] {(char) random.nextInt(0x4E00, 0x9FA5), (char) random.nextInt(0x4E00, 0x9FA5)});
        assertThat(accounts.register(twoCharacters, "王芳", PASSWORD, TestUsers.newAddress())
                        .username())
                .isEqualTo(twoCharacters);
    }

    @Test
    void user_names_are_unique_ignoring_case() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        UserSummary ann = accounts.register("Ann-" + suffix, "Ann", PASSWORD, TestUsers.newAddress());

        for (String clash : List.of("ann-" + suffix, "ANN-" + suffix, " Ann-" + suffix + " ")) {
            assertThatThrownBy(() -> accounts.register(clash, "Other Ann", "another password", TestUsers.newAddress()))
                    .as(clash)
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("That user name is taken. Please choose another.");
        }

        // The first Ann still signs in, with her own password and spelling.
        var signedIn = signIn.loadUserByUsername("ann-" + suffix);
        assertThat(signedIn.getUsername()).isEqualTo(ann.username());
        assertThat(passwordEncoder.matches(PASSWORD, signedIn.getPassword())).isTrue();
    }

    @Test
    void display_name_is_required_and_at_most_64_characters() {
        String username = TestUsers.uniqueName("disp");

        for (String blank : Arrays.asList(null, "", "   ", "\t\n")) {
            assertThatThrownBy(() -> accounts.register(username, blank, PASSWORD, TestUsers.newAddress()))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("Display name cannot be empty.");
        }
        assertThatThrownBy(() -> accounts.register(username, "x".repeat(65), PASSWORD, TestUsers.newAddress()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Display name can be at most 64 characters (it has 65).");
        assertThat(accountRows.existsByUsernameKey(username.toLowerCase(Locale.ROOT)))
                .as("a refused registration stores nothing")
                .isFalse();

        // The same user name is still free, and 64 characters are fine.
        assertThat(accounts.register(username, "y".repeat(64), PASSWORD, TestUsers.newAddress())
                        .displayName())
                .isEqualTo("y".repeat(64));
    }

    @Test
    void a_64_character_display_name_is_accepted_whatever_its_letters() {
        // "İ" (Turkish capital dotted I) becomes two characters when lower-cased for search.
        String turkish = "İpek İnci İlkay İrem İsmail İlhan İlker İdil İlayda İnan İzzet İ";
        assertThat(turkish).hasSize(64);
        String username = TestUsers.uniqueName("tr");

        UserSummary created = accounts.register(username, turkish, PASSWORD, TestUsers.newAddress());

        assertThat(created.displayName()).isEqualTo(turkish);
        assertThat(directory.summaries(List.of(created.id())).get(created.id()).displayName())
                .isEqualTo(turkish);
        UserSummary other = users.create("tr");
        assertThat(as(other, () -> accounts.searchOthers("İlkay İrem", null, 50)))
                .extracting(UserSummary::id)
                .contains(created.id());
        assertThat(as(other, () -> accounts.changeDisplayName(turkish)).displayName())
                .isEqualTo(turkish);
        assertThat(as(other, accounts::me).displayName()).isEqualTo(turkish);
    }

    @Test
    void passwords_have_at_least_8_characters() {
        String username = TestUsers.uniqueName("pw");

        for (String weak : Arrays.asList(null, "", "1234567")) {
            assertThatThrownBy(() -> accounts.register(username, "Pat", weak, TestUsers.newAddress()))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("A password has at least 8 characters.");
        }
        assertThatThrownBy(() -> accounts.register(username, "Pat", "p".repeat(129), TestUsers.newAddress()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("A password has at most 128 characters.");
        assertThat(accountRows.existsByUsernameKey(username.toLowerCase(Locale.ROOT)))
                .isFalse();

        accounts.register(username, "Pat", "12345678", TestUsers.newAddress());
        assertThat(passwordEncoder.matches(
                        "12345678", signIn.loadUserByUsername(username).getPassword()))
                .isTrue();
    }

    // ----------------------------------------------------------------------------------------------
    // Profile

    @Test
    void me_is_the_signed_in_caller() {
        UserSummary ann = users.create("me");
        UserSummary bob = users.create("me");

        assertThat(as(ann, accounts::me)).isEqualTo(ann);
        assertThat(as(bob, accounts::me)).isEqualTo(bob);
    }

    @Test
    void display_name_can_be_changed_and_others_see_the_new_one() {
        UserSummary ann = users.create("rename");
        UserSummary bob = users.create("rename");
        String token = "Zq" + UUID.randomUUID().toString().substring(0, 8);

        UserSummary renamed = as(ann, () -> accounts.changeDisplayName("  Ann " + token + "  "));

        assertThat(renamed.displayName()).isEqualTo("Ann " + token);
        assertThat(as(ann, accounts::me).displayName()).isEqualTo("Ann " + token);
        assertThat(directory.summaries(List.of(ann.id())).get(ann.id()).displayName())
                .isEqualTo("Ann " + token);
        // Search finds her by the new name, in any case.
        assertThat(as(bob, () -> accounts.searchOthers(token.toLowerCase(Locale.ROOT), null, 10)))
                .extracting(UserSummary::id)
                .containsExactly(ann.id());
    }

    @Test
    void colours_follow_the_system_until_one_chooses_and_the_choice_is_ones_own() {
        UserSummary ann = users.create("colours");
        UserSummary bob = users.create("colours");
        assertThat(as(ann, accounts::colorScheme)).isEqualTo(ColorSchemeChoice.SYSTEM);

        run(ann, () -> accounts.chooseColorScheme(ColorSchemeChoice.DARK));

        assertThat(as(ann, accounts::colorScheme)).isEqualTo(ColorSchemeChoice.DARK);
        assertThat(as(bob, accounts::colorScheme)).isEqualTo(ColorSchemeChoice.SYSTEM);
        run(
                ann,
                () -> assertThatThrownBy(() -> accounts.chooseColorScheme(null))
                        .isInstanceOf(InvalidInputException.class)
                        .hasMessage("Choose light, dark or as your system says."));
        assertThat(as(ann, accounts::colorScheme)).isEqualTo(ColorSchemeChoice.DARK);
    }

    @Test
    void the_language_is_the_browsers_until_one_chooses_and_the_choice_is_ones_own() {
        UserSummary ann = users.create("language");
        UserSummary bob = users.create("language");
        assertThat(as(ann, accounts::language)).isEqualTo(LanguageChoice.BROWSER);

        run(ann, () -> accounts.chooseLanguage(LanguageChoice.CHINESE));

        assertThat(as(ann, accounts::language)).isEqualTo(LanguageChoice.CHINESE);
        assertThat(as(bob, accounts::language)).isEqualTo(LanguageChoice.BROWSER);
        run(
                ann,
                () -> assertThatThrownBy(() -> accounts.chooseLanguage(null))
                        .isInstanceOf(InvalidInputException.class)
                        .hasMessage("Choose a language, or your browser's."));
        assertThat(as(ann, accounts::language)).isEqualTo(LanguageChoice.CHINESE);
    }

    @Test
    void a_chinese_display_name_is_found_by_any_part_of_it() {
        UserSummary li = users.create("li");
        UserSummary ann = users.create("ann");
        // Unique in this database: a family name and a given name made of characters picked at random.
        String given = new java.util.Random()
                .ints(3, 0x4E00, 0x9FA5)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        run(li, () -> accounts.changeDisplayName("李" + given));

        for (String part : List.of(given, given.substring(0, 2), "李" + given.charAt(0))) {
            assertThat(as(ann, () -> accounts.searchOthers(part, null, 10)))
                    .as("searching for " + part)
                    .extracting(UserSummary::id)
                    .contains(li.id());
        }
    }

    @Test
    void an_invalid_new_display_name_is_refused_and_the_old_one_kept() {
        UserSummary ann = users.create("rename");

        run(ann, () -> {
            assertThatThrownBy(() -> accounts.changeDisplayName("   "))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("Display name cannot be empty.");
            assertThatThrownBy(() -> accounts.changeDisplayName("z".repeat(65)))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("at most 64 characters");
            // Posing as the owner: "renwO" shown right to left reads "Owner".
            assertThatThrownBy(() -> accounts.changeDisplayName("\u202Erenwo"))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("invisible character (U+202E)");
            assertThat(accounts.me().displayName()).isEqualTo(ann.displayName());
        });
    }

    @Test
    void password_change_needs_the_current_password() {
        UserSummary ann = users.create("pwchange");

        run(
                ann,
                () -> assertThatThrownBy(() -> accounts.changePassword("not my password", "brand new password"))
                        .isInstanceOf(InvalidInputException.class)
                        .hasMessage("The current password is wrong."));
        run(
                ann,
                () -> assertThatThrownBy(() -> accounts.changePassword(null, "brand new password"))
                        .isInstanceOf(InvalidInputException.class)
                        .hasMessage("The current password is wrong."));
        assertThat(passwordMatches(ann, TestUsers.PASSWORD))
                .as("old password still works")
                .isTrue();
        assertThat(passwordMatches(ann, "brand new password")).isFalse();

        run(
                ann,
                () -> assertThatThrownBy(() -> accounts.changePassword(TestUsers.PASSWORD, "short"))
                        .isInstanceOf(InvalidInputException.class)
                        .hasMessage("A password has at least 8 characters."));
        assertThat(passwordMatches(ann, TestUsers.PASSWORD)).isTrue();

        run(ann, () -> accounts.changePassword(TestUsers.PASSWORD, "brand new password"));
        assertThat(passwordMatches(ann, "brand new password")).isTrue();
        assertThat(passwordMatches(ann, TestUsers.PASSWORD))
                .as("old password no longer works")
                .isFalse();
        assertThat(signIn.loadUserByUsername(ann.username()).getPassword()).doesNotContain("brand new password");
    }

    // ----------------------------------------------------------------------------------------------
    // Avatars

    @Test
    void a_png_picture_is_cropped_to_a_256px_square_and_served_to_others() throws IOException {
        UserSummary ann = users.create("avatar");
        UserSummary bob = users.create("avatar");
        // 600x400 with a transparent background, red in the middle 400x400 and blue bands at the sides
        // that the centre crop removes.
        BufferedImage picture = new BufferedImage(600, 400, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = picture.createGraphics();
        g.setColor(Color.BLUE);
        g.fillRect(0, 0, 600, 400);
        g.setColor(Color.RED);
        g.fillRect(100, 0, 400, 400);
        g.setColor(new Color(0, 0, 0, 0));
        g.setComposite(java.awt.AlphaComposite.Src);
        g.fillRect(250, 150, 100, 100);
        g.dispose();

        UserSummary changed = as(ann, () -> changeAvatar(encode(picture, "png")));

        assertThat(changed.avatarUrl()).startsWith(AvatarUrls.PREFIX + ann.id());
        assertThat(as(ann, accounts::me).avatarUrl()).isEqualTo(changed.avatarUrl());
        assertThat(directory.summaries(List.of(ann.id())).get(ann.id()).avatarUrl())
                .isEqualTo(changed.avatarUrl());

        EncodedPicture stored = as(bob, () -> accounts.avatar(ann.id())).orElseThrow();
        assertThat(stored.contentType()).as("transparency kept").isEqualTo("image/png");
        BufferedImage served = decode(stored.data());
        assertThat(served.getWidth()).isEqualTo(256);
        assertThat(served.getHeight()).isEqualTo(256);
        assertThat(new Color(served.getRGB(8, 128), true))
                .as("left edge is the red centre, not the blue band")
                .satisfies(c -> assertThat(c.getRed()).isGreaterThan(200))
                .satisfies(c -> assertThat(c.getBlue()).isLessThan(50));
        assertThat(new Color(served.getRGB(128, 128), true).getAlpha())
                .as("transparent middle")
                .isLessThan(20);
    }

    @Test
    void a_jpeg_picture_is_accepted_and_scaled_to_256px() throws IOException {
        UserSummary ann = users.create("avatar");
        BufferedImage photo = new BufferedImage(1000, 300, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = photo.createGraphics();
        g.setColor(Color.GREEN);
        g.fillRect(0, 0, 1000, 300);
        g.dispose();
        byte[] jpeg = encode(photo, "jpeg");
        assertThat(ImageFormat.detect(jpeg)).contains(ImageFormat.JPEG);

        UserSummary changed = as(ann, () -> changeAvatar(jpeg));

        assertThat(changed.avatarUrl()).isNotNull();
        EncodedPicture stored = as(ann, () -> accounts.avatar(ann.id())).orElseThrow();
        assertThat(stored.contentType()).isEqualTo("image/jpeg");
        BufferedImage served = decode(stored.data());
        assertThat(served.getWidth()).isEqualTo(256);
        assertThat(served.getHeight()).isEqualTo(256);
        assertThat(new Color(served.getRGB(128, 128)).getGreen()).isGreaterThan(200);
    }

    @Test
    void a_gif_picture_is_accepted_and_scaled_to_256px() throws IOException {
        UserSummary ann = users.create("avatar");
        byte[] gif = encode(new BufferedImage(300, 500, BufferedImage.TYPE_INT_RGB), "gif");
        assertThat(ImageFormat.detect(gif)).contains(ImageFormat.GIF);

        run(ann, () -> changeAvatar(gif));

        BufferedImage served =
                decode(as(ann, () -> accounts.avatar(ann.id())).orElseThrow().data());
        assertThat(served.getWidth()).isEqualTo(256);
        assertThat(served.getHeight()).isEqualTo(256);
    }

    @Test
    void webp_pictures_are_accepted() throws IOException {
        // 1x1 pixel WebP files, one lossy (VP8) and one lossless with alpha (VP8L).
        byte[] lossy = Base64.getDecoder().decode("UklGRiIAAABXRUJQVlA4IBYAAAAwAQCdASoBAAEADsD+JaQAA3AAAAAA");
        byte[] lossless = Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");
        UserSummary ann = users.create("avatar");
        UserSummary bob = users.create("avatar");

        assertThat(as(ann, () -> changeAvatar(lossy)).avatarUrl()).isNotNull();
        assertThat(as(bob, () -> changeAvatar(lossless)).avatarUrl()).isNotNull();

        EncodedPicture annsPicture = as(bob, () -> accounts.avatar(ann.id())).orElseThrow();
        assertThat(annsPicture.contentType()).isEqualTo("image/jpeg");
        assertThat(decode(annsPicture.data()).getWidth()).isEqualTo(1);
        EncodedPicture bobsPicture = as(ann, () -> accounts.avatar(bob.id())).orElseThrow();
        assertThat(bobsPicture.contentType()).isEqualTo("image/png");
        assertThat(decode(bobsPicture.data()).getWidth()).isEqualTo(1);
    }

    @Test
    void a_small_picture_is_made_square_but_not_enlarged() throws IOException {
        UserSummary ann = users.create("avatar");
        byte[] small = encode(new BufferedImage(100, 80, BufferedImage.TYPE_INT_RGB), "png");

        run(ann, () -> changeAvatar(small));

        BufferedImage served =
                decode(as(ann, () -> accounts.avatar(ann.id())).orElseThrow().data());
        assertThat(served.getWidth()).isEqualTo(80);
        assertThat(served.getHeight()).isEqualTo(80);
    }

    @Test
    void a_new_picture_gets_a_new_address_and_removing_it_goes_back_to_initials() throws IOException {
        UserSummary ann = users.create("avatar");
        byte[] first = encode(new BufferedImage(300, 300, BufferedImage.TYPE_INT_RGB), "png");
        byte[] second = encode(new BufferedImage(50, 50, BufferedImage.TYPE_INT_RGB), "jpeg");

        String firstUrl = as(ann, () -> changeAvatar(first)).avatarUrl();
        String secondUrl = as(ann, () -> changeAvatar(second)).avatarUrl();

        assertThat(secondUrl)
                .as("browsers must not keep showing the cached old picture")
                .isNotEqualTo(firstUrl);
        assertThat(decode(as(ann, () -> accounts.avatar(ann.id())).orElseThrow().data())
                        .getWidth())
                .isEqualTo(50);

        UserSummary removed = as(ann, accounts::removeAvatar);
        assertThat(removed.avatarUrl()).isNull();
        assertThat(as(ann, accounts::me).avatarUrl()).isNull();
        assertThat(as(ann, () -> accounts.avatar(ann.id()))).isEmpty();

        String thirdUrl = as(ann, () -> changeAvatar(first)).avatarUrl();
        assertThat(thirdUrl).isNotNull().isNotIn(firstUrl, secondUrl);
    }

    @Test
    void removing_a_picture_you_do_not_have_is_harmless() {
        UserSummary ann = users.create("avatar");

        assertThat(as(ann, accounts::removeAvatar).avatarUrl()).isNull();
        assertThat(as(ann, accounts::me).avatarUrl()).isNull();
    }

    @Test
    void a_text_file_named_png_is_refused_and_nothing_is_stored() {
        byte[] disguised = "This is a text file someone renamed to photo.png\n".getBytes(StandardCharsets.UTF_8);
        assertRefusedAndNothingStored(
                disguised, "That file is not a picture Parley accepts. Use PNG, JPEG, GIF or WebP.");
    }

    @Test
    void an_svg_is_refused_because_it_can_carry_script() {
        byte[] svg = """
                <?xml version="1.0"?>
                <svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" onload="alert(1)">
                  <rect width="10" height="10" fill="red"/>
                </svg>""".getBytes(StandardCharsets.UTF_8);
        assertRefusedAndNothingStored(svg, "That file is not a picture Parley accepts. Use PNG, JPEG, GIF or WebP.");
    }

    @Test
    void an_empty_file_is_refused() {
        assertRefusedAndNothingStored(new byte[0], "The picture is empty.");
        assertRefusedAndNothingStored(null, "The picture is empty.");
    }

    @Test
    void a_file_over_the_size_limit_is_refused() throws IOException {
        byte[] png = encode(new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB), "png");
        long limit = as(users.create("limit"), accounts::avatarMaxBytes);
        byte[] tooLarge = Arrays.copyOf(png, Math.toIntExact(limit + 1));
        assertRefusedAndNothingStored(tooLarge, "The picture is too large: at most 5 MB.");
    }

    @Test
    void a_file_with_png_magic_bytes_but_no_picture_is_refused() {
        byte[] fake = new byte[200];
        byte[] magic = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
        System.arraycopy(magic, 0, fake, 0, magic.length);
        Arrays.fill(fake, magic.length, fake.length, (byte) 'x');
        assertRefusedAndNothingStored(fake, "The picture is damaged or not what its first bytes claim.");
    }

    @Test
    void a_tiny_file_claiming_a_huge_canvas_is_refused_before_decoding() throws IOException {
        byte[] bomb = withPngSize(encode(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB), "png"), 20_000, 20_000);
        assertRefusedAndNothingStored(bomb, "The picture has too many pixels: at most 50 megapixels.");
    }

    @Test
    void a_refused_picture_keeps_the_previous_one() throws IOException {
        UserSummary ann = users.create("avatar");
        byte[] good = encode(new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB), "png");
        String url = as(ann, () -> changeAvatar(good)).avatarUrl();
        byte[] before = as(ann, () -> accounts.avatar(ann.id())).orElseThrow().data();

        run(
                ann,
                () -> assertThatThrownBy(() -> changeAvatar("<svg/>".getBytes(StandardCharsets.UTF_8)))
                        .isInstanceOf(InvalidInputException.class));

        assertThat(as(ann, accounts::me).avatarUrl()).isEqualTo(url);
        assertThat(as(ann, () -> accounts.avatar(ann.id())).orElseThrow().data())
                .isEqualTo(before);
    }

    // ----------------------------------------------------------------------------------------------
    // Nobody signed in

    @Test
    void calls_without_a_signed_in_user_are_refused() throws IOException {
        UserSummary ann = users.create("anon");
        byte[] png = encode(new BufferedImage(20, 20, BufferedImage.TYPE_INT_RGB), "png");
        SecurityContextHolder.clearContext();

        List<Runnable> calls = List.of(
                accounts::me,
                () -> accounts.changeDisplayName("Hacker"),
                () -> accounts.changePassword(TestUsers.PASSWORD, "hijacked password"),
                () -> changeAvatar(png),
                accounts::removeAvatar,
                () -> accounts.avatar(ann.id()),
                () -> accounts.searchOthers("anon", null, 10),
                accounts::colorScheme,
                () -> accounts.chooseColorScheme(ColorSchemeChoice.DARK),
                accounts::language,
                () -> accounts.chooseLanguage(LanguageChoice.CHINESE));
        for (Runnable call : calls) {
            // Method security turns them away before the method runs (each method would refuse them too).
            assertThatThrownBy(call::run).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        }
        assertThat(as(ann, accounts::me)).isEqualTo(ann);
        assertThat(passwordMatches(ann, TestUsers.PASSWORD)).isTrue();
        assertThat(as(ann, accounts::colorScheme)).isEqualTo(ColorSchemeChoice.SYSTEM);
        assertThat(as(ann, accounts::language)).isEqualTo(LanguageChoice.BROWSER);
    }

    // ----------------------------------------------------------------------------------------------

    private void assertRefusedAndNothingStored(byte[] upload, String message) {
        UserSummary ann = users.create("badpic");
        run(
                ann,
                () -> assertThatThrownBy(() -> changeAvatar(upload))
                        .isInstanceOf(InvalidInputException.class)
                        .hasMessage(message));
        assertThat(as(ann, accounts::me).avatarUrl()).isNull();
        assertThat(as(ann, () -> accounts.avatar(ann.id()))).isEmpty();
    }

    private boolean passwordMatches(UserSummary user, String password) {
        return passwordEncoder.matches(
                password, signIn.loadUserByUsername(user.username()).getPassword());
    }

    private String unusedThreeCharacterName() {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        for (int attempt = 0; attempt < 1000; attempt++) {
            StringBuilder name = new StringBuilder();
            for (int i = 0; i < 3; i++) {
                name.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
            }
            if (!accountRows.existsByUsernameKey(name.toString())) {
                return name.toString();
            }
        }
        throw new IllegalStateException("No free three-character user name left");
    }

    static byte[] encode(BufferedImage image, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(image, format, out)).as("writer for " + format).isTrue();
        return out.toByteArray();
    }

    private static BufferedImage decode(byte[] data) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(data));
        assertThat(image).as("the stored avatar is a readable picture").isNotNull();
        return image;
    }

    /** Rewrites the size in a PNG's header (and its checksum), leaving the pixel data as it was. */
    private static byte[] withPngSize(byte[] png, int width, int height) {
        byte[] patched = png.clone();
        // Signature (8), IHDR length (4), "IHDR" (4), then width and height; the CRC covers type + data (17).
        ByteBuffer.wrap(patched, 16, 8).putInt(width).putInt(height);
        CRC32 crc = new CRC32();
        crc.update(patched, 12, 17);
        ByteBuffer.wrap(patched, 29, 4).putInt((int) crc.getValue());
        return patched;
    }

    /** The picture as the profile page sends it: streamed, with its declared size. */
    private UserSummary changeAvatar(byte[] picture) {
        return picture == null
                ? accounts.changeAvatar(null, -1)
                : accounts.changeAvatar(new java.io.ByteArrayInputStream(picture), picture.length);
    }
}
