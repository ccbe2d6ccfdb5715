package org.parley.account.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.parley.support.TestUsers.as;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parley.base.service.InvalidInputException;
import org.parley.groups.domain.ChatGroup.JoinPolicy;
import org.parley.groups.service.GroupService;
import org.parley.groups.service.GroupSettings;
import org.parley.groups.service.GroupSummary;
import org.parley.support.PictureBombs;
import org.parley.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Pictures sent to take the server's heap, tried in a JVM whose heap is 256 MB (surefire's "small-heap" execution,
 * with the large-file test): a profile or group picture of 7000 × 7000 pixels at 16 bits per sample (a few hundred
 * KB that decode to almost 400 MB, which threw OutOfMemoryError before) becomes an ordinary 256-pixel avatar, and an
 * upload that never ends is cut one byte past the limit. Running out of memory kills this JVM: the test fails.
 */
@SpringBootTest
class HostilePicturesSmallHeapTest {

    private static final long LIMIT = 5L * 1024 * 1024;

    @Autowired
    AccountService accounts;

    @Autowired
    GroupService groups;

    @Autowired
    GroupSettings groupSettings;

    @Autowired
    TestUsers users;

    @BeforeAll
    static void smallHeap() {
        assertThat(Runtime.getRuntime().maxMemory())
                .as("run in the small-heap execution, or this proves nothing")
                .isLessThan(400L * 1024 * 1024);
    }

    @Test
    void a_huge_sixteen_bit_picture_becomes_a_small_avatar_for_a_person_and_a_group() throws Exception {
        byte[] bomb = PictureBombs.sixteenBitPng(7000, 7000);
        assertThat(bomb.length).as("small on the wire").isLessThan((int) LIMIT);
        UserSummary ann = users.create("bomb");

        UserSummary changed = as(ann, () -> accounts.changeAvatar(new ByteArrayInputStream(bomb), bomb.length));
        byte[] avatar = as(ann, () -> accounts.avatar(ann.id())).orElseThrow().data();
        assertThat(ImageIO.read(new ByteArrayInputStream(avatar)).getWidth()).isEqualTo(256);
        assertThat(changed.avatarUrl()).isNotNull();

        GroupSummary group = as(ann, () -> groups.create(TestUsers.uniqueName("Bombed"), "", JoinPolicy.OPEN));
        GroupSummary withPicture =
                as(ann, () -> groupSettings.changeAvatar(group.id(), new ByteArrayInputStream(bomb), -1));
        assertThat(withPicture.avatarUrl()).isNotNull();
    }

    @Test
    void an_upload_that_never_ends_is_cut_at_the_limit_and_one_declared_too_large_is_not_read() throws Exception {
        UserSummary ann = users.create("endless");
        long[] consumed = new long[1];
        InputStream endless = PictureBombs.endlessPng(5000, 5000, consumed);

        assertThatThrownBy(() -> as(ann, () -> accounts.changeAvatar(endless, -1)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("The picture is too large: at most 5 MB.");
        assertThat(consumed[0]).as("bytes taken from the connection").isLessThanOrEqualTo(LIMIT + 1);

        long[] untouched = new long[1];
        InputStream declaredHuge = PictureBombs.endlessPng(5000, 5000, untouched);
        assertThatThrownBy(() -> as(ann, () -> accounts.changeAvatar(declaredHuge, 400_000_000)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("The picture is too large: at most 5 MB.");
        assertThat(untouched[0])
                .as("nothing read of an upload declared too large")
                .isZero();
        assertThat(as(ann, accounts::me).avatarUrl()).as("no picture stored").isNull();
    }
}
