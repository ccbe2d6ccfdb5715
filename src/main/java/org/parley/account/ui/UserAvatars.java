package org.parley.account.ui;

import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.avatar.AvatarVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import org.parley.account.service.UserSummary;

/** The one way a user is drawn: their picture, or their initials in their own colour. */
public final class UserAvatars {

    private UserAvatars() {
    }

    public static Avatar avatar(UserSummary user, AvatarVariant... variants) {
        Avatar avatar = new Avatar(user.displayName());
        if (user.avatarUrl() != null) {
            avatar.setImage(user.avatarUrl());
        }
        avatar.setColorIndex(user.colorIndex());
        avatar.addThemeVariants(variants);
        return avatar;
    }

    /** Avatar, display name and @username side by side. */
    public static Div identity(UserSummary user) {
        Span name = new Span(user.displayName());
        name.addClassName("identity-name");
        Span handle = new Span("@" + user.username());
        handle.addClassName("identity-handle");
        Div text = new Div(name, handle);
        text.addClassName("identity-text");
        Div identity = new Div(avatar(user), text);
        identity.addClassName("identity");
        return identity;
    }
}
