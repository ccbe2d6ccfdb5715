package org.parley.account.ui;

import org.parley.account.service.AccountService;
import org.parley.account.service.AvatarUrls;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Serves users' avatar pictures to signed-in users. */
@RestController
class AvatarController {

    private final AccountService accounts;

    AvatarController(AccountService accounts) {
        this.accounts = accounts;
    }

    @GetMapping(AvatarUrls.PREFIX + "{userId}")
    ResponseEntity<byte[]> avatar(@PathVariable long userId) {
        return PictureResponses.of(accounts.avatar(userId));
    }
}
