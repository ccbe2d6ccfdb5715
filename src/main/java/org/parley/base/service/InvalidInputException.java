package org.parley.base.service;

/** The input itself is wrong (empty, too long, malformed, taken); nothing was stored. */
public class InvalidInputException extends UserFacingException {
    public InvalidInputException(Phrase phrase) {
        super(phrase);
    }
}
