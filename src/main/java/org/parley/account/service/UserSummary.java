package org.parley.account.service;

import java.io.Serializable;
import org.parley.account.domain.UserAccount;
import org.parley.base.service.Phrase;

/**
 * How a user appears to others: enough to render a name and an avatar anywhere, without touching
 * the entity. {@code avatarUrl} is null when the user has no picture (initials are shown). {@code accountDeleted}:
 * the account was deleted by its owner, and only "Deleted user" and a placeholder user name are left.
 */
public record UserSummary(long id, String username, String displayName, String avatarUrl, boolean accountDeleted)
        implements Serializable {

    public static UserSummary of(UserAccount account) {
        String avatarUrl = account.hasAvatar() ? AvatarUrls.path(account.getId(), account.getAvatarVersion()) : null;
        return new UserSummary(
                account.getId(), account.getUsername(), account.getDisplayName(), avatarUrl, account.isDeleted());
    }

    /**
     * The name as others read it: the display name, or for a deleted account "Deleted user" in the reader's language
     * (the stored name is English). Views put it in words; services pass it into their phrases.
     */
    public Phrase shownName() {
        return accountDeleted ? Phrase.of("account.deleted-user") : Phrase.text(displayName);
    }

    /** The user name as others see it ("@name"); nothing for a deleted account, whose user name is a placeholder. */
    public String handle() {
        return accountDeleted ? "" : "@" + username;
    }

    /** A stable colour for the user's initials, the same in every view. */
    public int colorIndex() {
        return (int) (id % 7);
    }
}
