package org.parley.account.ui;

import java.time.Duration;
import org.parley.account.service.AccountService;
import org.parley.account.service.AvatarUrls;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves avatar pictures to signed-in users. Addresses carry a version, so a picture can be cached for
 * long; a change makes a new address. Only server-made PNG or JPEG is ever served here.
 */
@RestController
class AvatarController {

    private final AccountService accounts;

    AvatarController(AccountService accounts) {
        this.accounts = accounts;
    }

    @GetMapping(AvatarUrls.PREFIX + "{userId}")
    ResponseEntity<byte[]> avatar(@PathVariable long userId) {
        return accounts.avatar(userId)
                .map(picture -> ResponseEntity.ok()
                        .contentType(MediaType.parseMediaType(picture.contentType()))
                        .cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePrivate())
                        .header("X-Content-Type-Options", "nosniff")
                        .body(picture.data()))
                .orElse(ResponseEntity.notFound().build());
    }
}
