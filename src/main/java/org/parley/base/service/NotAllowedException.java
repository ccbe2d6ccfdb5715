package org.parley.base.service;

/**
 * The caller may not do this. Messages never reveal more than the caller may know: a conversation
 * that is not yours is "not found", not "belongs to someone else".
 */
public class NotAllowedException extends UserFacingException {
    public NotAllowedException(Phrase phrase) {
        super(phrase);
    }
}
