package org.parley.base.service;

import java.time.Duration;

/** Refused because the caller did this too often; nothing was done. Says when it may be tried again. */
public class TooManyAttemptsException extends UserFacingException {

    private final Duration retryAfter;

    public TooManyAttemptsException(String refusal, Duration retryAfter) {
        super(refusal + "; try again in " + inWords(retryAfter) + ".");
        this.retryAfter = retryAfter;
    }

    /** {@code refusal} names the wait as its last argument: "… try again in {n}." */
    public TooManyAttemptsException(Phrase refusal, Duration retryAfter) {
        super(refusal);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** A wait in words, "3 minutes", for any language: rounded up as {@link #inWords} rounds. */
    public static Phrase waitPhrase(Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        if (seconds < 60) {
            return Phrase.of("base.wait.seconds", seconds);
        }
        long minutes = (seconds + 59) / 60;
        if (minutes < 120) {
            return Phrase.of("base.wait.minutes", minutes);
        }
        return Phrase.of("base.wait.hours", (minutes + 59) / 60);
    }

    /** "1 second", "40 seconds", "3 minutes", "2 hours": rounded up, so that trying then works. */
    public static String inWords(Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        if (seconds < 60) {
            return plural(seconds, "second");
        }
        long minutes = (seconds + 59) / 60;
        if (minutes < 120) {
            return plural(minutes, "minute");
        }
        return plural((minutes + 59) / 60, "hour");
    }

    private static String plural(long count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s");
    }
}
