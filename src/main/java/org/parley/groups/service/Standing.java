package org.parley.groups.service;

/** Where the signed-in user stands with a group. */
public enum Standing {
    MEMBER,
    REQUEST_PENDING,
    BANNED,
    NONE
}
