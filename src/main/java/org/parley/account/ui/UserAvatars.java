package org.parley.account.ui;

import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.avatar.AvatarVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import org.parley.account.service.UserSummary;
import org.parley.base.ui.Words;

/** The one way a user is drawn: their picture, or their initials in their own colour. */
public final class UserAvatars {

    private UserAvatars() {}

    public static Avatar avatar(UserSummary user, AvatarVariant... variants) {
        Avatar avatar = new Avatar(Words.of(user.shownName()));
        avatar.setAbbreviation(initials(Words.of(user.shownName())));
        if (user.avatarUrl() != null) {
            avatar.setImage(user.avatarUrl());
        }
        avatar.setColorIndex(user.colorIndex());
        avatar.addThemeVariants(variants);
        return avatar;
    }

    /**
     * What an avatar without a picture shows: the first letter of the name's first two words ("Ann Lee": "AL"); for a
     * Chinese name, its last two characters, the given name, as Chinese apps show it ("李小龙": "小龙").
     */
    public static String initials(String displayName) {
        String name = displayName.strip();
        if (!name.isEmpty()
                && name.codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
            int characters = name.codePointCount(0, name.length());
            return characters <= 2 ? name : name.substring(name.offsetByCodePoints(0, characters - 2));
        }
        StringBuilder initials = new StringBuilder();
        for (String word : displayName.strip().split("\\s+")) {
            if (!word.isEmpty() && initials.codePointCount(0, initials.length()) < 2) {
                initials.appendCodePoint(word.codePointAt(0));
            }
        }
        return initials.toString();
    }

    /** Avatar, display name and @username side by side. */
    public static Div identity(UserSummary user) {
        Span name = new Span(Words.of(user.shownName()));
        name.addClassName("identity-name");
        Span handle = new Span(user.handle());
        handle.addClassName("identity-handle");
        Div text = new Div(name, handle);
        text.addClassName("identity-text");
        Div identity = new Div(avatar(user), text);
        identity.addClassName("identity");
        return identity;
    }
}
