package org.parley.base.service;

/**
 * A refusal whose message is written for the person using Parley: the UI shows it as it is.
 * Anything else that escapes a service is a bug and is shown as a generic error.
 */
public class UserFacingException extends RuntimeException {

    private final Phrase phrase;

    /** A refusal in the reader's language; its message is the English, for logs and tests. */
    public UserFacingException(Phrase phrase) {
        super(phrase.inEnglish());
        this.phrase = phrase;
    }

    /** What to tell the person, in words to translate. */
    public Phrase phrase() {
        return phrase;
    }
}
