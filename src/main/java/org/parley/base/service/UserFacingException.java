package org.parley.base.service;

/**
 * A refusal whose message is written for the person using Parley: the UI shows it as it is.
 * Anything else that escapes a service is a bug and is shown as a generic error.
 */
public class UserFacingException extends RuntimeException {
    public UserFacingException(String message) {
        super(message);
    }
}
