package org.parley.chat.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.support.TestUsers.run;

import com.vaadin.browserless.BrowserlessUIContext;
import com.vaadin.flow.component.messages.MessageListItem;
import jakarta.persistence.EntityManagerFactory;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.parley.account.service.UserSummary;
import org.parley.chat.service.ChatService;
import org.parley.groups.domain.ChatGroup.JoinPolicy;
import org.parley.groups.service.GroupSummary;
import org.parley.support.BrowserlessUiTest;
import org.parley.support.Scenarios;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A message to a group costs the database the same whether 2 or 200 members have it open: the send writes the
 * message, the conversation and its sender's read marker, and every open view (list row, badges, timeline)
 * follows the live event in memory — no query per member. Statements counted by Hibernate, from the send until
 * every member's open view shows the message.
 */
class GroupDeliveryQueriesTest extends BrowserlessUiTest {

    @Autowired
    ChatService chat;

    @Autowired
    Scenarios scenarios;

    @Autowired
    EntityManagerFactory entityManagers;

    @Test
    void delivering_a_message_to_200_open_views_runs_as_many_statements_as_to_2() {
        long toTwo = statementsToDeliverTo(2);
        long toTwoHundred = statementsToDeliverTo(200);

        assertThat(toTwoHundred)
                .as("statements for 200 open views, against %d for 2", toTwo)
                .isEqualTo(toTwo);
        assertThat(toTwo).as("a send is a handful of statements").isBetween(3L, 20L);
    }

    private long statementsToDeliverTo(int size) {
        UserSummary owner = users.create("owner");
        UserSummary[] members = new UserSummary[size];
        for (int i = 0; i < size; i++) {
            members[i] = users.create("member");
        }
        GroupSummary group = scenarios.groupWithMembers(owner, "Delivery " + size, "", JoinPolicy.OPEN, members);
        List<BrowserlessUIContext> windows = new ArrayList<>();
        List<ChatView> views = new ArrayList<>();
        try {
            for (UserSummary member : members) {
                BrowserlessUIContext window = windowOf(member);
                windows.add(window);
                views.add(window.navigate("chat/" + group.conversationId(), ChatView.class));
                push(window);
            }
            Statistics statistics = entityManagers.unwrap(SessionFactory.class).getStatistics();
            statistics.setStatisticsEnabled(true);
            statistics.clear();
            try {
                String text = "Hello " + size;
                run(owner, () -> chat.send(group.conversationId(), text));
                for (int i = 0; i < size; i++) {
                    push(windows.get(i));
                    windows.get(i).activate();
                    List<MessageListItem> shown =
                            in(windows.get(i)).test(views.get(i).messageList).getMessages();
                    assertThat(shown.getLast().getText())
                            .as("member %d sees it", i)
                            .isEqualTo(text);
                }
                return statistics.getPrepareStatementCount();
            } finally {
                statistics.setStatisticsEnabled(false);
            }
        } finally {
            windows.forEach(BrowserlessUIContext::close);
        }
    }
}
