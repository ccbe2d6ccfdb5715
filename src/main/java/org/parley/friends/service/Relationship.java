package org.parley.friends.service;

/** Where the signed-in user stands with another person. */
public enum Relationship {
    NONE,
    FRIEND,
    REQUEST_SENT,
    REQUEST_RECEIVED,
    BLOCKED
}
