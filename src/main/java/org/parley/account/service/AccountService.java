package org.parley.account.service;

import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.parley.account.domain.ColorSchemeChoice;
import org.parley.account.domain.ExternalIdentityRepository;
import org.parley.account.domain.LanguageChoice;
import org.parley.account.domain.TemporaryChats;
import org.parley.account.domain.UserAccount;
import org.parley.account.domain.UserAccountRepository;
import org.parley.account.domain.UserAvatar;
import org.parley.account.domain.UserAvatarRepository;
import org.parley.base.service.CurrentUser;
import org.parley.base.service.EncodedPicture;
import org.parley.base.service.InvalidInputException;
import org.parley.base.service.NotAllowedException;
import org.parley.base.service.Phrase;
import org.parley.base.service.RateLimits;
import org.parley.base.service.TextRules;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Accounts: registration, profile changes, and how users appear to each other. */
@Service
// A safety net: each method still checks its caller (CurrentUser); a call with nobody signed in never gets in.
@PreAuthorize("isAuthenticated()")
@Transactional
public class AccountService {

    public static final int MIN_PASSWORD_LENGTH = 8;
    public static final int MAX_PASSWORD_LENGTH = 128;
    public static final int MAX_DISPLAY_NAME_LENGTH = 64;
    /** Latin letters and Chinese characters; a Chinese name is often two characters ("王芳"), a Latin one at least three. */
    static final Pattern USERNAME =
            Pattern.compile("[A-Za-z0-9._-]{3,32}|(?=.*\\p{IsHan})[\\p{IsHan}A-Za-z0-9._-]{2,32}");

    private final UserAccountRepository accounts;
    private final UserAvatarRepository avatars;
    private final PasswordEncoder passwordEncoder;
    private final AvatarImages avatarImages;
    private final CurrentUser currentUser;
    private final RateLimits limits;
    private final Clock clock;
    private final PeopleSearchIndex searchIndex;
    private final SignInOptions signInOptions;
    private final ExternalIdentityRepository identities;
    private final MyAccount myAccount;

    AccountService(
            UserAccountRepository accounts,
            UserAvatarRepository avatars,
            PasswordEncoder passwordEncoder,
            AvatarImages avatarImages,
            CurrentUser currentUser,
            RateLimits limits,
            Clock clock,
            PeopleSearchIndex searchIndex,
            SignInOptions signInOptions,
            ExternalIdentityRepository identities,
            MyAccount myAccount) {
        this.identities = identities;
        this.myAccount = myAccount;
        this.searchIndex = searchIndex;
        this.signInOptions = signInOptions;
        this.accounts = accounts;
        this.avatars = avatars;
        this.passwordEncoder = passwordEncoder;
        this.avatarImages = avatarImages;
        this.currentUser = currentUser;
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * Creates an account; anyone may call this (it is how people join), but only so often from one address
     * ({@code fromAddress}: the registering browser's), so nobody fills the directory with accounts; and not at all
     * where accounts come from the company's provider or directory only ({@link SignInOptions#localPasswords()}).
     */
    @PreAuthorize("permitAll()")
    public UserSummary register(String username, String displayName, String password, String fromAddress) {
        if (!signInOptions.localPasswords()) {
            throw new NotAllowedException(Phrase.of("account.refusal.registration-off"));
        }
        String name = username == null ? "" : username.strip();
        if (!USERNAME.matcher(name).matches()) {
            throw new InvalidInputException(Phrase.of("account.refusal.user-name-rule"));
        }
        String display = TextRules.requireName(displayName, "Display name", MAX_DISPLAY_NAME_LENGTH);
        checkPassword(password);
        if (accounts.existsByUsernameKey(TextRules.searchKey(name))) {
            throw usernameTaken();
        }
        limits.registrationsPerAddress().take(fromAddress == null ? "" : fromAddress);
        try {
            UserAccount account = accounts.saveAndFlush(
                    new UserAccount(name, display, passwordEncoder.encode(password), clock.instant()));
            searchIndex.index(account);
            return UserSummary.of(account);
        } catch (DataIntegrityViolationException raceWithAnotherRegistration) {
            throw usernameTaken();
        }
    }

    @Transactional(readOnly = true)
    public UserSummary me() {
        return UserSummary.of(requireMe());
    }

    public UserSummary changeDisplayName(String displayName) {
        UserAccount me = requireMe();
        me.setDisplayName(TextRules.requireName(displayName, "Display name", MAX_DISPLAY_NAME_LENGTH));
        searchIndex.index(me);
        return UserSummary.of(me);
    }

    public void changePassword(String currentPassword, String newPassword) {
        UserAccount me = requireMe();
        if (currentPassword == null || !passwordEncoder.matches(currentPassword, me.getPasswordHash())) {
            throw new InvalidInputException(Phrase.of("account.refusal.the-current-password-is-wrong"));
        }
        checkPassword(newPassword);
        me.setPasswordHash(passwordEncoder.encode(newPassword));
    }

    /**
     * Whether the caller signs in with a password kept here (and so may change it), rather than with the company's
     * identity provider or directory.
     */
    @Transactional(readOnly = true)
    public boolean signsInWithPasswordKeptHere() {
        return !identities.existsByUserId(requireMe().getId());
    }

    /** Whether the caller lets members of shared groups start temporary conversations with them. */
    @Transactional(readOnly = true)
    public boolean acceptsTemporaryChats() {
        return requireMe().getTemporaryChats() == TemporaryChats.SHARED_GROUPS;
    }

    public void setAcceptsTemporaryChats(boolean accepts) {
        requireMe().setTemporaryChats(accepts ? TemporaryChats.SHARED_GROUPS : TemporaryChats.NOBODY);
    }

    /**
     * Whether the caller sends read receipts in one-on-one conversations; who sends none sees none either
     * ({@code ReadReceipts}).
     */
    @Transactional(readOnly = true)
    public boolean sendsReadReceipts() {
        return requireMe().isReadReceipts();
    }

    public void setSendsReadReceipts(boolean sends) {
        requireMe().setReadReceipts(sends);
    }

    /** The caller's colours: as their operating system says (the default), or always light or dark. */
    @Transactional(readOnly = true)
    public ColorSchemeChoice colorScheme() {
        return requireMe().getColorScheme();
    }

    public void chooseColorScheme(ColorSchemeChoice choice) {
        if (choice == null) {
            throw new InvalidInputException(Phrase.of("account.refusal.choose-light-dark-or-as-your"));
        }
        requireMe().setColorScheme(choice);
    }

    /** The caller's language: their browser's (the default), or English or Chinese whatever the browser says. */
    @Transactional(readOnly = true)
    public LanguageChoice language() {
        return requireMe().getLanguage();
    }

    public void chooseLanguage(LanguageChoice choice) {
        if (choice == null) {
            throw new InvalidInputException(Phrase.of("account.refusal.choose-a-language-or-your-browser"));
        }
        requireMe().setLanguage(choice);
    }

    /**
     * Sets the caller's picture from an upload of {@code declaredBytes} (negative: unknown), streamed. The upload
     * is read before the database is touched: a slow one never holds a connection of the pool.
     */
    public UserSummary changeAvatar(InputStream upload, long declaredBytes) {
        EncodedPicture picture = avatarImages.normalize(upload, declaredBytes);
        UserAccount me = requireMe();
        avatars.findById(me.getId())
                .ifPresentOrElse(
                        existing -> existing.replace(picture.contentType(), picture.data()),
                        () -> avatars.save(new UserAvatar(me.getId(), picture.contentType(), picture.data())));
        me.avatarChanged(true);
        return UserSummary.of(me);
    }

    public UserSummary removeAvatar() {
        UserAccount me = requireMe();
        avatars.deleteById(me.getId());
        me.avatarChanged(false);
        return UserSummary.of(me);
    }

    /** Any signed-in user may see any user's avatar: it is shown wherever that user appears. */
    @Transactional(readOnly = true)
    public Optional<EncodedPicture> avatar(long userId) {
        currentUser.requireId();
        return avatars.findById(userId).map(a -> new EncodedPicture(a.getContentType(), a.getData()));
    }

    public long avatarMaxBytes() {
        return avatarImages.maxBytes();
    }

    private UserAccount requireMe() {
        return myAccount.require();
    }

    private static void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new InvalidInputException(Phrase.of("account.refusal.password-short", MIN_PASSWORD_LENGTH));
        }
        if (password.length() > MAX_PASSWORD_LENGTH) {
            throw new InvalidInputException(Phrase.of("account.refusal.password-long", MAX_PASSWORD_LENGTH));
        }
    }

    private static InvalidInputException usernameTaken() {
        return new InvalidInputException(Phrase.of("account.refusal.that-user-name-is-taken-please"));
    }

    /**
     * For features that list users: the people other than the caller whose user name or display name contains
     * {@code query} (any case), in user-name order, with keyset paging on the user name. The gram index answers when it
     * can do so fastest ({@link PeopleSearchIndex}); otherwise the name index is walked in order.
     */
    @Transactional(readOnly = true)
    public List<UserSummary> searchOthers(String query, String afterUsernameKey, int limit) {
        long me = currentUser.requireId();
        String after = afterUsernameKey == null ? "" : afterUsernameKey;
        List<Long> ids = searchIndex.search(TextRules.searchKey(query), after, me, limit);
        if (ids == null) {
            ids = accounts.searchIds(
                    TextRules.containsPattern(query), after, me, org.springframework.data.domain.Limit.of(limit));
        }
        Map<Long, UserAccount> found =
                accounts.findByIdIn(ids).stream().collect(Collectors.toMap(UserAccount::getId, Function.identity()));
        // A deleted account may still match by its leftover name ("deleted"): it is nobody to find.
        return ids.stream()
                .map(found::get)
                .filter(account -> !account.isDeleted())
                .map(UserSummary::of)
                .toList();
    }
}
