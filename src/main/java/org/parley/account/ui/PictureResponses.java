package org.parley.account.ui;

import java.time.Duration;
import java.util.Optional;
import org.parley.base.service.EncodedPicture;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The one way a stored picture is answered: only server-made PNG or JPEG, never sniffed, cached long
 * (addresses carry a version, so a change is a new address), 404 when there is none.
 */
public final class PictureResponses {

    private PictureResponses() {}

    public static ResponseEntity<byte[]> of(Optional<EncodedPicture> picture) {
        return picture.map(p -> ResponseEntity.ok()
                        .contentType(MediaType.parseMediaType(p.contentType()))
                        .cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePrivate())
                        .header("X-Content-Type-Options", "nosniff")
                        .body(p.data()))
                .orElse(ResponseEntity.notFound().build());
    }
}
