package org.parley.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.parley.support.TestUsers.as;
import static org.parley.support.TestUsers.run;
import static org.parley.support.TestUsers.uniqueName;

import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.parley.account.service.AccountService;
import org.parley.account.service.UserSummary;
import org.parley.base.service.InvalidInputException;
import org.parley.chat.service.AttachmentTestFiles;
import org.parley.friends.service.FriendService;
import org.parley.friends.service.PersonResult;
import org.parley.groups.domain.ChatGroup.JoinPolicy;
import org.parley.groups.service.AdminLogView;
import org.parley.groups.service.GroupMemberView;
import org.parley.groups.service.GroupModeration;
import org.parley.groups.service.GroupRequests;
import org.parley.groups.service.GroupResult;
import org.parley.groups.service.GroupService;
import org.parley.groups.service.GroupSettings;
import org.parley.groups.service.GroupSummary;
import org.parley.groups.service.Standing;
import org.parley.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The attack classes of issue 11 that no other test tried yet, each tried and refused: SQL typed into every search
 * (people, groups, the add-member search), LIKE's wildcards and Parley's escape character in the group search,
 * over-long join messages and administrators' reasons, and a group's picture fetched without signing in. Callers
 * are forged with {@link TestUsers#as}, as a modified client would reach the services.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RemainingAttacksTest {

    /** What people type into a search box to get at the database behind it. */
    private static final List<String> SQL = List.of(
            "' OR '1'='1",
            "%' OR 1=1 --",
            "'; DROP TABLE user_account; --",
            "\" OR \"\"=\"",
            "') OR ('a'='a",
            "' UNION SELECT password_hash, username FROM user_account --",
            "1; DELETE FROM chat_group",
            "*/ OR /*",
            "\\",
            "\\' OR 1=1 #",
            "'",
            "%",
            "_",
            "!");

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    @Autowired
    AccountService accounts;

    @Autowired
    FriendService friends;

    @Autowired
    GroupService groups;

    @Autowired
    GroupRequests groupRequests;

    @Autowired
    GroupModeration moderation;

    @Autowired
    GroupSettings groupSettings;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    // --- SQL in searches -----------------------------------------------------------------------------------------

    @Test
    void sql_typed_into_any_search_is_searched_for_as_plain_text() {
        String token = uniqueName("sq").replace("-", "");
        UserSummary seeker = users.create("seeker");
        UserSummary bobby = accounts.register(
                uniqueName("bobby"),
                "Robert'); DROP TABLE user_account;-- " + token,
                TestUsers.PASSWORD,
                TestUsers.newAddress());
        UserSummary plain =
                accounts.register(uniqueName("plain"), "Plain " + token, TestUsers.PASSWORD, TestUsers.newAddress());
        GroupSummary tables = as(
                seeker,
                () -> groups.create(
                        "x' OR '1'='1 " + token, "'; DELETE FROM chat_group; -- " + token, JoinPolicy.OPEN));
        GroupSummary quiet = as(seeker, () -> groups.create("Quiet " + token, null, JoinPolicy.OPEN));

        for (String attack : SQL) {
            for (String query : List.of(attack, attack + " " + token)) {
                String key = query.strip().toLowerCase(Locale.ROOT);
                List<PersonResult> people = as(seeker, () -> friends.searchPeople(query, null, FriendService.MAX_PAGE));
                assertThat(people)
                        .as("people found by %s", query)
                        .allSatisfy(found -> assertThat((found.user().username() + "\n"
                                                + found.user().displayName())
                                        .toLowerCase(Locale.ROOT))
                                .contains(key));
                List<UserSummary> members = as(seeker, () -> accounts.searchOthers(query, null, 50));
                assertThat(members)
                        .as("people offered to add by %s", query)
                        .allSatisfy(found -> assertThat(
                                        (found.username() + "\n" + found.displayName()).toLowerCase(Locale.ROOT))
                                .contains(key));
                List<GroupResult> found = as(seeker, () -> groups.search(query, null, GroupService.MAX_PAGE));
                assertThat(found)
                        .as("groups found by %s", query)
                        .allSatisfy(result -> assertThat((result.group().name() + "\n"
                                                + result.group().description())
                                        .toLowerCase(Locale.ROOT))
                                .contains(key));
                assertThat(found)
                        .extracting(r -> r.group().id())
                        .as("groups found by %s", query)
                        .doesNotContain(quiet.id());
                assertThat(people)
                        .extracting(p -> p.user().id())
                        .as("people found by %s", query)
                        .doesNotContain(plain.id());
            }
        }

        // The text itself is found, exactly where it was written, and every table is still there.
        assertThat(as(seeker, () -> friends.searchPeople("'); drop table user_account;-- " + token, null, 50)))
                .extracting(p -> p.user().id())
                .containsExactly(bobby.id());
        assertThat(as(seeker, () -> groups.search("x' or '1'='1 " + token, null, 50)))
                .extracting(r -> r.group().id())
                .containsExactly(tables.id());
        assertThat(as(seeker, () -> groups.search("'; delete from chat_group; -- " + token, null, 50)))
                .extracting(r -> r.group().id())
                .containsExactly(tables.id());
        assertThat(as(seeker, () -> friends.searchPeople(token, null, 50)))
                .extracting(p -> p.user().id())
                .containsExactlyInAnyOrder(bobby.id(), plain.id());
        assertThat(as(seeker, () -> groups.search(token, null, 50)))
                .extracting(r -> r.group().id())
                .containsExactlyInAnyOrder(tables.id(), quiet.id());
    }

    // --- LIKE wildcards in the group search ----------------------------------------------------------------------

    @Test
    void like_wildcards_and_the_escape_character_are_plain_characters_in_the_group_search() {
        String token = uniqueName("w").replace("-", "");
        UserSummary owner = users.create("owner");
        GroupSummary percent = create(owner, "W" + token + "%off");
        GroupSummary underscore = create(owner, "W" + token + "_x");
        GroupSummary bang = create(owner, "W" + token + "!y");
        GroupSummary backslash = create(owner, "W" + token + "\\z");
        GroupSummary plain = create(owner, "W" + token + "Aoffx");
        UserSummary seeker = users.create("seeker");

        assertThat(groupIds(seeker, "w" + token + "%")).containsExactly(percent.id());
        assertThat(groupIds(seeker, "w" + token + "_")).containsExactly(underscore.id());
        assertThat(groupIds(seeker, "w" + token + "!")).containsExactly(bang.id());
        assertThat(groupIds(seeker, "w" + token + "!!")).isEmpty();
        assertThat(groupIds(seeker, "w" + token + "\\")).containsExactly(backslash.id());
        assertThat(groupIds(seeker, "w" + token + "%off")).containsExactly(percent.id());
        assertThat(groupIds(seeker, "w" + token + "_off")).isEmpty();
        assertThat(groupIds(seeker, "w" + token))
                .containsExactlyInAnyOrder(percent.id(), underscore.id(), bang.id(), backslash.id(), plain.id());
        // A lone wildcard or escape is not "every group".
        for (String lone : List.of("%", "_", "!", "\\", "%%", "!%")) {
            assertThat(as(seeker, () -> groups.search(lone, null, GroupService.MAX_PAGE)))
                    .as(lone)
                    .allSatisfy(
                            r -> assertThat(r.group().name() + "\n" + r.group().description())
                                    .contains(lone));
        }
    }

    // --- Over-long input -----------------------------------------------------------------------------------------

    @Test
    void an_over_long_join_message_is_refused_and_no_request_is_left_waiting() {
        UserSummary owner = users.create("owner");
        UserSummary asker = users.create("asker");
        GroupSummary group = create(owner, "Approval " + uniqueName("club"), JoinPolicy.APPROVAL);

        assertRefused(
                () -> as(asker, () -> groups.join(group.id(), "m".repeat(GroupService.MAX_MESSAGE_LENGTH + 1))),
                "The message can be at most 500 characters (it has 501).");
        assertThat(as(owner, () -> groupRequests.pendingRequests(group.id())))
                .as("no request waits")
                .isEmpty();

        assertThat(as(asker, () -> groups.join(group.id(), "m".repeat(GroupService.MAX_MESSAGE_LENGTH))))
                .isEqualTo(Standing.REQUEST_PENDING);
        assertThat(as(owner, () -> groupRequests.pendingRequests(group.id())))
                .singleElement()
                .satisfies(request -> assertThat(request.message()).hasSize(GroupService.MAX_MESSAGE_LENGTH));
    }

    @Test
    void an_over_long_reason_is_refused_and_the_act_is_not_done_or_logged() {
        UserSummary owner = users.create("owner");
        UserSummary member = users.create("member");
        UserSummary asker = users.create("asker");
        UserSummary stranger = users.create("stranger");
        GroupSummary group = create(owner, "Reasons " + uniqueName("club"), JoinPolicy.APPROVAL);
        run(owner, () -> groups.addMember(group.id(), member.id()));
        run(asker, () -> groups.join(group.id(), null));
        long requestId = as(owner, () -> groupRequests.pendingRequests(group.id()))
                .getFirst()
                .id();
        List<AdminLogView> logBefore = as(owner, () -> moderation.adminLog(group.id(), null, GroupService.MAX_PAGE));
        String tooLong = "r".repeat(GroupService.MAX_REASON_LENGTH + 1);
        String refusal = "The reason can be at most 200 characters (it has 201).";

        assertRefused(
                () -> run(owner, () -> moderation.mute(group.id(), member.id(), Duration.ofHours(1), tooLong)),
                refusal);
        assertRefused(() -> run(owner, () -> moderation.removeMember(group.id(), member.id(), tooLong)), refusal);
        assertRefused(() -> run(owner, () -> moderation.ban(group.id(), member.id(), tooLong)), refusal);
        assertRefused(() -> run(owner, () -> moderation.ban(group.id(), stranger.id(), tooLong)), refusal);
        assertRefused(() -> run(owner, () -> groupRequests.reject(requestId, tooLong)), refusal);

        GroupMemberView still = as(member, () -> groups.myMembership(group.id()));
        assertThat(still.mutedUntil()).as("not muted").isNull();
        assertThat(as(owner, () -> moderation.bannedUsers(group.id())))
                .as("nobody banned")
                .isEmpty();
        assertThat(as(owner, () -> groupRequests.pendingRequests(group.id())))
                .extracting(r -> r.id())
                .as("the request still waits")
                .containsExactly(requestId);
        assertThat(as(owner, () -> moderation.adminLog(group.id(), null, GroupService.MAX_PAGE)))
                .as("nothing logged")
                .isEqualTo(logBefore);

        // At the limit, the act is done and the whole reason logged.
        String longest = "r".repeat(GroupService.MAX_REASON_LENGTH);
        run(owner, () -> moderation.mute(group.id(), member.id(), Duration.ofHours(1), longest));
        assertThat(as(owner, () -> moderation.adminLog(group.id(), null, 1)))
                .singleElement()
                .satisfies(entry -> assertThat(entry.reason()).isEqualTo(longest));
    }

    @Test
    void a_search_of_a_hundred_thousand_characters_finds_nothing_and_breaks_nothing() {
        UserSummary seeker = users.create("seeker");
        String huge = "a".repeat(100_000);

        assertThat(as(seeker, () -> friends.searchPeople(huge, null, FriendService.MAX_PAGE)))
                .isEmpty();
        assertThat(as(seeker, () -> accounts.searchOthers(huge, null, 50))).isEmpty();
        assertThat(as(seeker, () -> groups.search(huge, null, GroupService.MAX_PAGE)))
                .isEmpty();
        assertThat(as(seeker, () -> groups.search(huge.replace('a', '%'), null, GroupService.MAX_PAGE)))
                .isEmpty();
        // And the next search works as ever.
        assertThat(as(seeker, () -> friends.searchPeople(seeker.username(), null, 10)))
                .isEmpty();
        UserSummary other = users.create("other");
        assertThat(as(seeker, () -> friends.searchPeople(other.username(), null, 10)))
                .extracting(p -> p.user().id())
                .containsExactly(other.id());
    }

    // --- Group pictures ------------------------------------------------------------------------------------------

    @Test
    void a_group_picture_is_not_served_to_someone_who_is_not_signed_in() throws Exception {
        UserSummary owner = users.create("owner");
        UserSummary outsider = users.create("outsider");
        GroupSummary group = create(owner, "Pictures " + uniqueName("club"), JoinPolicy.INVITATION);
        byte[] png = AttachmentTestFiles.picture("png", 300, 200, Color.GREEN);
        String url = as(owner, () -> groupSettings.changeAvatar(group.id(), new ByteArrayInputStream(png), png.length))
                .avatarUrl();
        assertThat(url).startsWith(GroupSummary.AVATAR_PREFIX + group.id());

        HttpClient anonymous = client();
        HttpResponse<byte[]> refused = get(anonymous, url);
        assertThat(refused.statusCode()).as("signed out").isIn(302, 401, 403);
        if (refused.statusCode() == 302) {
            assertThat(refused.headers().firstValue("Location"))
                    .hasValueSatisfying(location -> assertThat(location).endsWith("/login"));
        }
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).doesNotStartWith("image/");

        // Signed in, anyone sees it (groups show their pictures in search): the address above is the right one.
        HttpClient signedIn = signIn(outsider);
        HttpResponse<byte[]> served = get(signedIn, url);
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().firstValue("Content-Type").orElse("")).startsWith("image/");
    }

    // ----------------------------------------------------------------------------------------------------------

    private GroupSummary create(UserSummary owner, String name) {
        return create(owner, name, JoinPolicy.OPEN);
    }

    private GroupSummary create(UserSummary owner, String name, JoinPolicy policy) {
        return as(owner, () -> groups.create(name, null, policy));
    }

    private List<Long> groupIds(UserSummary seeker, String query) {
        return as(seeker, () -> groups.search(query, null, GroupService.MAX_PAGE)).stream()
                .map(r -> r.group().id())
                .toList();
    }

    private static void assertRefused(Runnable call, String message) {
        assertThatThrownBy(call::run).isInstanceOf(InvalidInputException.class).hasMessage(message);
    }

    private static HttpClient client() {
        return HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(20))
                .build();
    }

    private HttpResponse<byte[]> get(HttpClient http, String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .timeout(Duration.ofSeconds(20))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Signs in as the login form does (it carries no CSRF token: see SameSiteSignIn). */
    private HttpClient signIn(UserSummary user) throws Exception {
        HttpClient http = client();
        assertThat(get(http, "/login").statusCode()).isEqualTo(200);
        String form = "username=" + URLEncoder.encode(user.username(), StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(TestUsers.PASSWORD, StandardCharsets.UTF_8);
        HttpResponse<Void> response = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                        .timeout(Duration.ofSeconds(20))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(response.statusCode()).as("signing in").isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElse(""))
                .as("signed in")
                .doesNotContain("error");
        return http;
    }
}
