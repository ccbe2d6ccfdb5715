package org.parley.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.parley.account.service.UserSummary;
import org.parley.chat.service.ChatService;
import org.parley.groups.service.GroupService;
import org.parley.groups.service.GroupSummary;
import org.parley.support.Scenarios;
import org.parley.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Parley speaks the browser's language (English or Simplified Chinese) until one chooses in Profile. In Chinese,
 * every view (the tour of {@link ViewTour}) shows no English word but what people wrote, names, the brand and file
 * formats; Parley's own lines in a conversation, stored as events, read in each reader's language.
 */
class LanguageBrowserTest extends BrowserTestBase {

    /** Latin words a Chinese page may show: the brand, picture formats and the name of the English choice. */
    private static final Set<String> ALLOWED = Set.of("Parley", "PNG", "JPEG", "GIF", "WebP", "MB", "English", "zip");

    @Autowired
    org.parley.administration.service.AdministrationService administration;

    @Autowired
    TestUsers users;

    @Autowired
    Scenarios scenarios;

    @Autowired
    ChatService chat;

    @Autowired
    GroupService groups;

    @Test
    void a_chinese_user_name_registers_signs_in_and_is_found() {
        String name = "王芳" + (System.nanoTime() % 1_000_000);
        Page wang = newPerson();
        registerAndSignIn(wang, name, "王芳", "s3cret-passw0rd", "websocket");
        assertThat(wang.locator("vaadin-app-layout")).containsText("@" + name);

        UserSummary ann = users.create("ann");
        Page annPage = newPerson();
        signIn(annPage, ann, "websocket");
        annPage.navigate(url("people"));
        annPage.locator("[data-testid=people-search] input").fill(name);
        assertThat(annPage.locator("[data-testid=people-results] [data-testid=person-" + name + "]"))
                .isVisible();
    }

    @Test
    void a_chinese_browser_gets_chinese_until_one_chooses_english_in_profile() {
        UserSummary ann = users.create("ann");
        UserSummary bob = users.create("bob");
        GroupSummary club = scenarios.openGroup(ann, "Club " + TestUsers.uniqueName("l"), "Books", bob);
        Page page = newPerson(new Browser.NewContextOptions().setLocale("zh-CN"));

        page.navigate(url("login"));
        assertThat(page.locator("vaadin-login-form")).containsText("登录");
        assertThat(page).hasTitle("登录 · Parley");
        page.navigate(url("register"));
        assertThat(page.locator("[data-testid=register-submit]")).hasText("创建账号");
        // A refusal from the service, in the reader's language too.
        page.locator("[data-testid=register-username] input").fill(ann.username());
        page.locator("[data-testid=register-display-name] input").fill("安");
        page.locator("[data-testid=register-password] input").fill("s3cret-passw0rd");
        page.locator("[data-testid=register-confirm] input").fill("s3cret-passw0rd");
        page.locator("[data-testid=register-submit]").click();
        assertThat(page.locator("[data-testid=register-error]")).hasText("这个用户名已被使用，请换一个。");

        signIn(page, ann, "websocket");
        page.navigate(url("profile"));
        assertThat(page.locator("[data-testid=profile-language]")).isVisible();
        assertThat(page.locator("vaadin-side-nav")).containsText("好友");
        snapshot(page, "language-profile-zh");
        // Parley's own lines are stored as events and said in the reader's language.
        page.navigate(url("chat/" + club.conversationId()));
        Locator messages = page.locator("[data-testid=message-list]");
        assertThat(messages).containsText(bob.displayName() + " 加入了群组");
        assertThat(messages).containsText(ann.displayName() + " 创建了群组");
        page.navigate(url("profile"));

        page.locator("[data-testid=profile-language]").getByLabel("English").check();
        assertThat(page.locator("vaadin-side-nav")).containsText("Friends");
        assertThat(page.locator("[data-testid=profile-language]").getByLabel("English"))
                .isChecked();
        assertThat(page).hasTitle("Profile · Parley");
        // Remembered with the account: a new tab of the same browser speaks English too.
        Page other = page.context().newPage();
        other.navigate(url("profile"));
        assertThat(other.locator("vaadin-side-nav")).containsText("Find people");
        other.navigate(url("chat/" + club.conversationId()));
        assertThat(other.locator("[data-testid=message-list]")).containsText(bob.displayName() + " joined");

        page.locator("[data-testid=profile-language]")
                .getByLabel("As my browser")
                .check();
        // Back to the browser's language: Chinese.
        assertThat(page.locator("[data-testid=profile-language]").getByLabel("跟随浏览器"))
                .isChecked();
        assertThat(page.locator("vaadin-side-nav")).containsText("好友");
    }

    @Test
    void every_view_speaks_chinese_to_a_chinese_browser() {
        ViewTour.Cast cast = ViewTour.cast(users, scenarios, chat, groups, administration);
        Page page = newPerson(new Browser.NewContextOptions().setLocale("zh-CN"));
        List<String> english = new ArrayList<>();
        ViewTour.walk(this, page, cast, (at, view) -> {
            snapshot(at, "zh-" + view);
            englishOn(at, cast.theirWords()).forEach(word -> english.add(view + ": " + word));
        });
        assertThat(english).as("English words on Chinese pages").isEmpty();
    }

    @Test
    void an_english_browser_gets_english() {
        Page page = newPerson(new Browser.NewContextOptions().setLocale("en-GB"));
        page.navigate(url("login"));
        assertThat(page.locator("vaadin-login-form")).containsText("Sign in");
        assertThat(page.getByText("Chat with your people, in real time.")).isVisible();
    }

    private static String initials(String name) {
        StringBuilder initials = new StringBuilder();
        for (String part : name.split("\\s+")) {
            if (!part.isEmpty()) {
                initials.append(part.charAt(0));
            }
        }
        return initials.toString();
    }

    /** Every Latin word the page shows (its text, and labels a screen reader reads) that is not a name or allowed. */
    static List<String> englishOn(Page page, List<String> names) {
        String shown = (String) page.evaluate("""
                () => {
                  const parts = [document.body.innerText, document.title];
                  const shownText = root => {
                    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
                    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                      const parent = node.parentElement;
                      if (parent && !['STYLE', 'SCRIPT'].includes(parent.tagName) && parent.checkVisibility()) {
                        parts.push(node.textContent);
                      }
                    }
                  };
                  const visit = root => root.querySelectorAll('*').forEach(e => {
                    if (e.checkVisibility && e.checkVisibility()) {
                      for (const a of ['placeholder', 'label', 'title', 'aria-label']) {
                        if (e.getAttribute(a)) parts.push(e.getAttribute(a));
                      }
                    }
                    if (e.shadowRoot) { shownText(e.shadowRoot); visit(e.shadowRoot); }
                  });
                  visit(document);
                  return parts.join('\\n');
                }""");
        List<String> english = new ArrayList<>();
        Matcher words = Pattern.compile("[A-Za-z][A-Za-z'-]+").matcher(shown);
        while (words.find()) {
            String word = words.group();
            // A name, or a name's initials (an avatar without a picture shows them).
            boolean aName = names.stream()
                    .anyMatch(name -> name.contains(word) || initials(name).equals(word));
            if (!ALLOWED.contains(word) && !aName && !english.contains(word)) {
                english.add(word);
            }
        }
        return english;
    }
}
