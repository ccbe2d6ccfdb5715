package org.parley.chat.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a browser (or a forged request) says about a file is made safe before it is stored or shown: a
 * bare name without paths or invisible tricks, and a media type that looks like one.
 */
class FileNamesTest {

    // ----------------------------------------------------------------------------------------------
    // clean

    @Test
    void paths_are_stripped_to_the_last_segment_whatever_the_separator() {
        assertThat(FileNames.clean("../../etc/passwd")).isEqualTo("passwd");
        assertThat(FileNames.clean("C:\\x\\evil.exe")).isEqualTo("evil.exe");
        assertThat(FileNames.clean("/home/ann/Documents/report.pdf")).isEqualTo("report.pdf");
        assertThat(FileNames.clean("..\\..\\windows/system32\\drivers/etc\\hosts"))
                .isEqualTo("hosts");
        assertThat(FileNames.clean("\\\\server\\share\\notes.txt")).isEqualTo("notes.txt");
        assertThat(FileNames.clean("report.pdf")).isEqualTo("report.pdf");
    }

    @Test
    void names_meaning_a_directory_or_hiding_themselves_lose_their_leading_dots() {
        assertThat(FileNames.clean("..")).isEqualTo("file");
        assertThat(FileNames.clean(".")).isEqualTo("file");
        assertThat(FileNames.clean("../")).isEqualTo("file");
        assertThat(FileNames.clean("uploads/..")).isEqualTo("file");
        assertThat(FileNames.clean(".htaccess")).isEqualTo("htaccess");
        assertThat(FileNames.clean("...hidden.txt")).isEqualTo("hidden.txt");
        assertThat(FileNames.clean("archive.tar.gz"))
                .as("dots inside a name stay")
                .isEqualTo("archive.tar.gz");
    }

    @Test
    void control_line_breaking_and_direction_changing_characters_are_removed() {
        assertThat(FileNames.clean("a\nb\rc\u0000d.txt")).isEqualTo("abcd.txt");
        assertThat(FileNames.clean("tab\there.txt")).isEqualTo("tabhere.txt");
        assertThat(FileNames.clean("bell\u0007\u007F\u0085.txt"))
                .as("C0, DEL and C1 controls")
                .isEqualTo("bell.txt");
        // "invoice<RLO>fdp.exe" would show as "invoiceexe.pdf": the override goes, the truth shows.
        assertThat(FileNames.clean("invoice\u202Efdp.exe")).isEqualTo("invoicefdp.exe");
        assertThat(FileNames.clean("a\u202Ab\u202Bc\u202Cd\u2066e\u2067f\u2068g\u2069h\u200Fi\u200Ej.txt"))
                .as("every embedding, isolate and mark")
                .isEqualTo("abcdefghij.txt");
        assertThat(FileNames.clean("zero\u200Bwidth\uFEFF.txt")).isEqualTo("zerowidth.txt");
        assertThat(FileNames.clean("line\u2028para\u2029.txt")).isEqualTo("linepara.txt");
        assertThat(FileNames.clean("private\uE000use.txt")).isEqualTo("privateuse.txt");
        assertThat(FileNames.clean("lone\uD800surrogate.txt")).isEqualTo("lonesurrogate.txt");
        assertThat(FileNames.clean("name.txt\r\nX-Injected: 1")).isEqualTo("name.txtX-Injected: 1");
    }

    @Test
    void letters_of_every_script_and_emoji_are_kept() {
        assertThat(FileNames.clean("Grüße 日本.pdf")).isEqualTo("Grüße 日本.pdf");
        assertThat(FileNames.clean("Привет, мир.docx")).isEqualTo("Привет, мир.docx");
        assertThat(FileNames.clean("مرحبا.txt")).isEqualTo("مرحبا.txt");
        assertThat(FileNames.clean("🎉 party 👋🏽.png")).isEqualTo("🎉 party 👋🏽.png");
        assertThat(FileNames.clean("  spaced out.txt  "))
                .as("blanks around the name dropped")
                .isEqualTo("spaced out.txt");
    }

    @Test
    void nothing_left_means_file() {
        assertThat(FileNames.clean(null)).isEqualTo("file");
        assertThat(FileNames.clean("")).isEqualTo("file");
        assertThat(FileNames.clean("   ")).isEqualTo("file");
        assertThat(FileNames.clean("folder/")).isEqualTo("file");
        assertThat(FileNames.clean("\u202E\n\r\u0000")).isEqualTo("file");
        assertThat(FileNames.clean("a/b\\ \u200B ")).isEqualTo("file");
    }

    @Test
    void long_names_are_cut_to_255_characters() {
        assertThat(FileNames.clean("a".repeat(255))).hasSize(255);
        assertThat(FileNames.clean("a".repeat(300) + ".pdf")).isEqualTo("a".repeat(255));
        assertThat(FileNames.clean("日".repeat(400))).isEqualTo("日".repeat(255));
        assertThat(FileNames.clean("dir/".repeat(100) + "b".repeat(10)))
                .as("the path does not count")
                .isEqualTo("b".repeat(10));
    }

    @Test
    void a_cut_never_splits_an_emoji_nor_goes_over_255() {
        // 254 letters, then an emoji (two UTF-16 units) across the 255th and 256th unit.
        String straddling = "a".repeat(254) + "😀" + "tail.png";
        String cleaned = FileNames.clean(straddling);
        assertThat(cleaned.length())
                .as("FileNames.clean(\"a\"×254 + \"😀tail.png\") must fit the 255-character column (attachment"
                        + ".file_name varchar(255)); got " + cleaned.length() + " UTF-16 units, "
                        + cleaned.codePointCount(0, cleaned.length()) + " code points")
                .isLessThanOrEqualTo(FileNames.MAX_LENGTH);
        assertWellFormed(cleaned);

        String emojiOnly = FileNames.clean("😀".repeat(200));
        assertThat(emojiOnly.length())
                .as("200 emoji cut to at most 255 UTF-16 units; got " + emojiOnly.length())
                .isLessThanOrEqualTo(FileNames.MAX_LENGTH);
        assertWellFormed(emojiOnly);
    }

    // ----------------------------------------------------------------------------------------------
    // declaredType

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "image/png|image/png",
                "application/pdf|application/pdf",
                "IMAGE/PNG|image/png",
                "  text/plain  |text/plain",
                "text/plain; charset=UTF-8|text/plain",
                "text/html;charset=utf-8|text/html",
                "image/svg+xml|image/svg+xml",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                        + "|application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "application/x-7z-compressed|application/x-7z-compressed"
            })
    void a_plausible_media_type_is_kept_lower_case_without_parameters(String declared, String kept) {
        assertThat(FileNames.declaredType(declared)).isEqualTo(kept);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "   ",
                "png",
                "image",
                "image/",
                "/png",
                "*/*",
                "image/*",
                "a/b/c",
                "text/<script>",
                "text/html\r\nX-Injected: 1",
                "text/html\nSet-Cookie: a=b",
                "image/png\u0000",
                "image /png",
                "image/p ng",
                "\"image/png\"",
                "ïmage/png",
                "image/png,text/html",
                "javascript:alert(1)",
                "../../etc/passwd"
            })
    void junk_is_replaced_by_octet_stream(String declared) {
        assertThat(FileNames.declaredType(declared)).isEqualTo("application/octet-stream");
    }

    @Test
    void no_type_at_all_is_octet_stream() {
        assertThat(FileNames.declaredType(null)).isEqualTo("application/octet-stream");
    }

    @Test
    void an_overlong_type_is_replaced_by_octet_stream() {
        assertThat(FileNames.declaredType("application/" + "x".repeat(200))).isEqualTo("application/octet-stream");
        assertThat(FileNames.declaredType("a".repeat(200) + "/pdf")).isEqualTo("application/octet-stream");
    }

    @Test
    void a_kept_type_always_fits_the_127_character_column() {
        // Type and subtype of 64 characters each pass the pattern: 129 characters in all.
        String longest = "a".repeat(64) + "/" + "b".repeat(64);
        String kept = FileNames.declaredType(longest);
        assertThat(kept.length())
                .as(
                        "FileNames.declaredType keeps \"%s\" (%d characters) but attachment.content_type is "
                                + "varchar(127): the upload then fails with a database error instead of storing the file",
                        kept, kept.length())
                .isLessThanOrEqualTo(127);
    }

    private static void assertWellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                assertThat(i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1)))
                        .as("high surrogate at %d is followed by its low surrogate", i)
                        .isTrue();
                i++;
            } else {
                assertThat(Character.isLowSurrogate(c))
                        .as("lone low surrogate at %d", i)
                        .isFalse();
            }
        }
    }
}
