package org.parley.base.service;

import java.time.Duration;

/** Refused because the caller did this too often; nothing was done. Says when it may be tried again. */
public class TooManyAttemptsException extends UserFacingException {

    private final Duration retryAfter;

    /** {@code refusal} names the wait as its last argument: "… try again in {n}." */
    public TooManyAttemptsException(Phrase refusal, Duration retryAfter) {
        super(refusal);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** A wait in words for any language, "1 second", "40 seconds", "3 minutes", "2 hours": rounded up, so that trying then works. */
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
}
