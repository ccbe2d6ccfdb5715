package org.parley.account.ui;

import com.vaadin.collaborationengine.PresenceManager;
import com.vaadin.collaborationengine.UserInfo;
import com.vaadin.flow.component.Component;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.parley.account.service.UserSummary;

/**
 * Who is online now, through the Collaboration Kit's presence: every signed-in tab marks its user present
 * while attached; views that show people watch the same topic. Presence is ephemeral by design.
 */
public final class OnlinePresence {

    private static final String TOPIC = "parley/online";

    private OnlinePresence() {
    }

    /** Marks the user online for as long as {@code owner} (the main layout of a tab) is attached. */
    public static void markOnline(Component owner, UserSummary user) {
        new PresenceManager(owner, userInfo(user), TOPIC).markAsPresent(true);
    }

    /** Calls {@code onChange} with the ids of everyone online, whenever that changes, while {@code owner} is attached. */
    public static void watch(Component owner, UserSummary viewer, Consumer<Set<Long>> onChange) {
        Set<Long> online = ConcurrentHashMap.newKeySet();
        PresenceManager presence = new PresenceManager(owner, userInfo(viewer), TOPIC);
        presence.setPresenceHandler(context -> {
            long id = Long.parseLong(context.getUser().getId());
            online.add(id);
            onChange.accept(Set.copyOf(online));
            return () -> {
                online.remove(id);
                onChange.accept(Set.copyOf(online));
            };
        });
    }

    private static UserInfo userInfo(UserSummary user) {
        UserInfo info = new UserInfo(String.valueOf(user.id()), user.displayName());
        if (user.avatarUrl() != null) {
            info.setImage(user.avatarUrl());
        }
        info.setColorIndex(user.colorIndex());
        return info;
    }
}
