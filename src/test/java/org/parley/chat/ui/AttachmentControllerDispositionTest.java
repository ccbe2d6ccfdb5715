package org.parley.chat.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.parley.chat.service.FileNames;

/**
 * The Content-Disposition header of a download (RFC 6266): an ASCII fallback name for old clients and the
 * exact name as RFC 5987 {@code filename*} for everyone else, and no way for a name to add a parameter,
 * end the header or start another one.
 */
class AttachmentControllerDispositionTest {

    /** type; filename="fallback"; filename*=UTF-8''encoded, where encoded is RFC 5987 attr-chars and %XX only. */
    private static final Pattern SHAPE = Pattern.compile(
            "(attachment|inline); filename=\"([^\"\\\\]*)\"; filename\\*=UTF-8''((?:[A-Za-z0-9!#$&+\\-.^_`|~]|%[0-9A-F]{2})*)");

    @Test
    void a_plain_name_is_given_twice_unchanged() {
        assertThat(AttachmentController.contentDisposition("attachment", "report-2024_v2.pdf"))
                .isEqualTo("attachment; filename=\"report-2024_v2.pdf\"; filename*=UTF-8''report-2024_v2.pdf");
        assertThat(AttachmentController.contentDisposition("inline", "photo.png"))
                .isEqualTo("inline; filename=\"photo.png\"; filename*=UTF-8''photo.png");
    }

    @Test
    void a_non_ascii_name_gets_an_ascii_fallback_and_the_exact_name_percent_encoded_as_utf8() {
        String header = AttachmentController.contentDisposition("attachment", "Grüße 日本.pdf");

        assertThat(header)
                .isEqualTo("attachment; filename=\"Gr__e __.pdf\"; "
                        + "filename*=UTF-8''Gr%C3%BC%C3%9Fe%20%E6%97%A5%E6%9C%AC.pdf");
        assertThat(parse(header).exactName()).isEqualTo("Grüße 日本.pdf");
    }

    @Test
    void an_emoji_is_one_placeholder_in_the_fallback_and_four_bytes_in_the_exact_name() {
        String header = AttachmentController.contentDisposition("attachment", "😀.png");

        assertThat(header).isEqualTo("attachment; filename=\"_.png\"; filename*=UTF-8''%F0%9F%98%80.png");
    }

    @Test
    void spaces_and_characters_outside_rfc_5987_attr_chars_are_percent_encoded() {
        Disposition parsed = parse(AttachmentController.contentDisposition(
                "attachment", "a b+c*d'e(f)g,h=i@j[k]{l}~m%n!o$p&q^r`s|t#u.txt"));

        assertThat(parsed.encoded()).contains("a%20b").doesNotContain(" ", "'", "*", "(", "=", "@");
        assertThat(parsed.exactName()).isEqualTo("a b+c*d'e(f)g,h=i@j[k]{l}~m%n!o$p&q^r`s|t#u.txt");
        assertThat(parsed.fallback()).doesNotContain("%", ";", "\"", "\\");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "evil\"; filename=\"evil.html",
                "evil.txt\"; filename*=UTF-8''evil.html",
                "a\\\"b.txt",
                "x.txt; attachment",
                "report.pdf\r\nSet-Cookie: session=stolen",
                "report.pdf\nContent-Type: text/html",
                "nul\u0000byte.txt",
                "bidi\u202Efdp.exe",
                "100% sure.txt",
                "'quoted'.txt"
            })
    void no_name_can_add_a_parameter_or_break_the_header(String name) {
        for (String candidate : new String[] {name, FileNames.clean(name)}) {
            String header = AttachmentController.contentDisposition("attachment", candidate);

            assertThat(header).as("only printable ASCII in the header").matches("[\\x20-\\x7E]*");
            Disposition parsed = parse(header);
            assertThat(parsed.type()).isEqualTo("attachment");
            assertThat(parsed.exactName()).as("the exact name comes back whole").isEqualTo(candidate);
            assertThat(header.split(";", -1))
                    .as("exactly the type and two parameters in " + header)
                    .hasSize(3);
            assertThat(countOf(header, '"'))
                    .as("the only quotes delimit the fallback")
                    .isEqualTo(2);
        }
    }

    @Test
    void every_character_of_a_long_name_survives_the_round_trip() {
        String name = FileNames.clean("Отчёт за 2024 год — финальная версия (исправлено) 📊 ".repeat(6) + ".xlsx");

        Disposition parsed = parse(AttachmentController.contentDisposition("attachment", name));

        assertThat(parsed.exactName()).isEqualTo(name);
        assertThat(parsed.fallback()).hasSize(name.codePointCount(0, name.length()));
    }

    // ----------------------------------------------------------------------------------------------

    private record Disposition(String type, String fallback, String encoded, String exactName) {}

    private static Disposition parse(String header) {
        Matcher matcher = SHAPE.matcher(header);
        assertThat(matcher.matches())
                .as("well-formed Content-Disposition: " + header)
                .isTrue();
        return new Disposition(matcher.group(1), matcher.group(2), matcher.group(3), percentDecode(matcher.group(3)));
    }

    /** RFC 5987 value-chars: %XX is a UTF-8 byte, everything else stands for itself ('+' is a plus). */
    private static String percentDecode(String encoded) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%') {
                bytes.write(Integer.parseInt(encoded.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static long countOf(String text, char c) {
        return text.chars().filter(x -> x == c).count();
    }
}
