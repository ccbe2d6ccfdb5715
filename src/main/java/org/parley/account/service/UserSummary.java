package org.parley.account.service;

import java.io.Serializable;
import org.parley.account.domain.UserAccount;

/**
 * How a user appears to others: enough to render a name and an avatar anywhere, without touching
 * the entity. {@code avatarUrl} is null when the user has no picture (initials are shown).
 */
public record UserSummary(long id, String username, String displayName, String avatarUrl) implements Serializable {

    public static UserSummary of(UserAccount account) {
        String avatarUrl = account.hasAvatar() ? AvatarUrls.path(account.getId(), account.getAvatarVersion()) : null;
        return new UserSummary(account.getId(), account.getUsername(), account.getDisplayName(), avatarUrl);
    }

    /** The account was deleted by its owner: only "Deleted user" and a placeholder user name are left. */
    public boolean accountDeleted() {
        return username.startsWith(UserAccount.DELETED_USERNAME_PREFIX);
    }

    /** The user name as others see it ("@name"); nothing for a deleted account, whose user name is a placeholder. */
    public String handle() {
        return accountDeleted() ? "" : "@" + username;
    }

    /** A stable colour for the user's initials, the same in every view. */
    public int colorIndex() {
        return (int) (id % 7);
    }
}
