package org.parley.base.service;

import java.io.Serializable;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Words for a person, not yet in a language: a key into Parley's translations (src/main/resources/i18n, one bundle
 * per feature, the key's first part naming it: {@code account.display-name.empty} is in {@code account.properties})
 * and the values it names. Services say what happened in phrases; views put them in the reader's language
 * (base.ui's Words). An argument may itself be a phrase ("3 minutes" in "try again in 3 minutes"), or a moment, which views write
 * in the reader's time zone.
 */
public record Phrase(String key, List<Serializable> args) implements Serializable {

    private static final String TEXT = "base.text";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    public Phrase {
        args = List.copyOf(args);
    }

    public static Phrase of(String key, Serializable... args) {
        return new Phrase(key, List.of(args));
    }

    /** Words that are the same in every language: what a person wrote, a name. */
    public static Phrase text(String text) {
        return of(TEXT, text);
    }

    /** Words that need no translating ({@link #text}). */
    public boolean isText() {
        return isText(key, args.size());
    }

    private static boolean isText(String key, int argumentCount) {
        return argumentCount == 1 && TEXT.equals(key);
    }

    /** In English: for logs, and for tests that read a refusal's message. */
    public String inEnglish() {
        return in(Locale.ROOT, key, args.toArray());
    }

    /**
     * The words of {@code key} in {@code locale} (Chinese, else English), each argument put in its place, phrases
     * among them first put in words themselves. A key with no words reads as itself.
     */
    public static String in(Locale locale, String key, Object... args) {
        if (isText(key, args.length)) {
            return String.valueOf(args[0]); // what someone wrote: the same in every language (the common case)
        }
        String bundle = key.contains(".") ? key.substring(0, key.indexOf('.')) : key;
        String pattern;
        try {
            pattern = ResourceBundle.getBundle("i18n/" + bundle, locale, NO_FALLBACK)
                    .getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        if (args.length == 0) {
            return pattern;
        }
        Object[] values = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            values[i] = switch (args[i]) {
                case Phrase phrase -> in(locale, phrase.key(), phrase.args().toArray());
                case Instant moment -> inUtc(locale, moment);
                case null, default -> args[i];
            };
        }
        return new MessageFormat(pattern, locale).format(values);
    }

    /** A moment where no reader's time zone is known (logs, tests): "3 Dec 2026, 14:05 UTC". */
    private static String inUtc(Locale locale, Instant moment) {
        Locale language = locale.getLanguage().isEmpty() ? Locale.ENGLISH : locale;
        return DateTimeFormatter.ofPattern(in(language, "base.date.time-utc"), language)
                .withZone(ZoneOffset.UTC)
                .format(moment);
    }
}
