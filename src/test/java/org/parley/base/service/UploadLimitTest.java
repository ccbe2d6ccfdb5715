package org.parley.base.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.junit.jupiter.api.Test;
import org.parley.support.PictureBombs;

/** An upload is cut one byte past its limit, and one declared too large is refused before it is read. */
class UploadLimitTest {

    private static final Phrase TOO_LARGE = Phrase.of("account.refusal.picture-too-large", 5);

    @Test
    void an_upload_within_its_limit_is_read_whole() throws IOException {
        InputStream capped = UploadLimit.capped(new ByteArrayInputStream(new byte[1000]), 1000, 1000, TOO_LARGE);
        assertThat(capped.readAllBytes()).hasSize(1000);
    }

    @Test
    void an_endless_upload_is_cut_one_byte_past_the_limit_whatever_it_declared() throws IOException {
        long[] consumed = new long[1];
        InputStream capped =
                UploadLimit.capped(PictureBombs.endlessPng(1000, 1000, consumed), -1, 5_000_000, TOO_LARGE);
        assertThatThrownBy(capped::readAllBytes)
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("The picture is too large: at most 5 MB.");
        assertThat(consumed[0]).as("bytes taken from the connection").isEqualTo(5_000_001);

        long[] lied = new long[1];
        InputStream claimedSmall =
                UploadLimit.capped(PictureBombs.endlessPng(1000, 1000, lied), 1_000, 5_000_000, TOO_LARGE);
        assertThatThrownBy(() -> claimedSmall.transferTo(OutputStream.nullOutputStream()))
                .isInstanceOf(InvalidInputException.class);
        assertThat(lied[0]).isEqualTo(5_000_001);
    }

    @Test
    void an_upload_declared_too_large_is_refused_before_anything_is_read() throws IOException {
        long[] consumed = new long[1];
        InputStream endless = PictureBombs.endlessPng(1000, 1000, consumed);
        assertThatThrownBy(() -> UploadLimit.capped(endless, 400_000_000, 5_000_000, TOO_LARGE))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("The picture is too large: at most 5 MB.");
        assertThat(consumed[0]).isZero();
    }
}
