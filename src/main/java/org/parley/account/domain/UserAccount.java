package org.parley.account.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;

/** A person who can sign in. The avatar picture lives in {@link UserAvatar}, loaded only when shown. */
@Entity
@Table(name = "user_account")
public class UserAccount {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 32)
    private String username;

    /** Lower-cased user name: unique ignoring case, and what search matches. */
    @Column(name = "username_key", nullable = false, length = 32)
    private String usernameKey;

    @Column(name = "display_name", nullable = false, length = 64)
    private String displayName;

    @Column(name = "display_name_key", nullable = false, length = 64)
    private String displayNameKey;

    @Column(name = "password_hash", nullable = false, length = 100)
    private String passwordHash;

    /** Bumped on every avatar change so browsers fetch the new picture instead of a cached one. */
    @Column(name = "avatar_version", nullable = false)
    private int avatarVersion;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(name = "temporary_chats", nullable = false, length = 16)
    private TemporaryChats temporaryChats = TemporaryChats.SHARED_GROUPS;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(name = "color_scheme", nullable = false, length = 8)
    private ColorSchemeChoice colorScheme = ColorSchemeChoice.SYSTEM;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(name = "language", nullable = false, length = 8)
    private LanguageChoice language = LanguageChoice.BROWSER;

    @Column(name = "read_receipts", nullable = false)
    private boolean readReceipts = true;

    /** Disabled by a server administrator: cannot sign in; what they wrote stays. */
    @Column(nullable = false)
    private boolean disabled;

    /** Made a server administrator by another (those named in the settings are administrators anyway). */
    @Column(nullable = false)
    private boolean administrator;

    /** Deleted by its owner: no names, picture, password or ties left; what they wrote stays, as "Deleted user". */
    @Column(nullable = false)
    private boolean deleted;

    /** As the company's identity provider or directory gave it; none for accounts registered here. */
    @Column(length = 254)
    private String email;

    protected UserAccount() {}

    public UserAccount(String username, String displayName, String passwordHash, Instant createdAt) {
        this.username = username;
        this.usernameKey = username.toLowerCase(Locale.ROOT);
        setDisplayName(displayName);
        this.passwordHash = passwordHash;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getUsernameKey() {
        return usernameKey;
    }

    /** The display name as search compares it (lower case, at most 64 characters). */
    public String getDisplayNameKey() {
        return displayNameKey;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
        // Lower-casing can lengthen a name ("İ" becomes "i" + combining dot): keep the key within its column.
        String key = displayName.toLowerCase(Locale.ROOT);
        this.displayNameKey = key.length() <= 64 ? key : key.substring(0, 64);
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    public int getAvatarVersion() {
        return avatarVersion;
    }

    public void avatarChanged(boolean hasAvatar) {
        // Positive: has a picture; zero: initials. The magnitude only ever grows.
        this.avatarVersion = hasAvatar ? Math.abs(avatarVersion) + 1 : -Math.abs(avatarVersion);
    }

    public boolean hasAvatar() {
        return avatarVersion > 0;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public TemporaryChats getTemporaryChats() {
        return temporaryChats;
    }

    public void setTemporaryChats(TemporaryChats temporaryChats) {
        this.temporaryChats = temporaryChats;
    }

    public boolean isReadReceipts() {
        return readReceipts;
    }

    public void setReadReceipts(boolean readReceipts) {
        this.readReceipts = readReceipts;
    }

    public ColorSchemeChoice getColorScheme() {
        return colorScheme;
    }

    public void setColorScheme(ColorSchemeChoice colorScheme) {
        this.colorScheme = colorScheme;
    }

    public LanguageChoice getLanguage() {
        return language;
    }

    public void setLanguage(LanguageChoice language) {
        this.language = language;
    }

    public boolean isDisabled() {
        return disabled;
    }

    public void setDisabled(boolean disabled) {
        this.disabled = disabled;
    }

    public boolean isDeleted() {
        return deleted;
    }

    /**
     * What is left of a deleted account: a user name nobody can register or sign in with ("~" is never allowed in
     * one), the name "Deleted user", no picture, address or password anyone knows, and no way to sign in.
     */
    public void delete(String unusablePasswordHash) {
        this.deleted = true;
        this.disabled = true;
        this.administrator = false;
        this.username = DELETED_USERNAME_PREFIX + id;
        this.usernameKey = username;
        setDisplayName(DELETED_NAME);
        this.passwordHash = unusablePasswordHash;
        this.email = null;
        avatarChanged(false);
    }

    /** How a deleted account's messages are signed. */
    public static final String DELETED_NAME = "Deleted user";

    /** How a deleted account's user name begins: "~" is never allowed in one that people choose. */
    private static final String DELETED_USERNAME_PREFIX = "~deleted-";

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public boolean isAdministrator() {
        return administrator;
    }

    public void setAdministrator(boolean administrator) {
        this.administrator = administrator;
    }
}
