package org.parley.groups.ui;

import org.parley.account.ui.PictureResponses;
import org.parley.groups.service.GroupSettings;
import org.parley.groups.service.GroupSummary;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Serves group pictures to signed-in users. */
@RestController
class GroupAvatarController {

    private final GroupSettings groups;

    GroupAvatarController(GroupSettings groups) {
        this.groups = groups;
    }

    @GetMapping(GroupSummary.AVATAR_PREFIX + "{groupId}")
    ResponseEntity<byte[]> avatar(@PathVariable long groupId) {
        return PictureResponses.of(groups.avatar(groupId));
    }
}
