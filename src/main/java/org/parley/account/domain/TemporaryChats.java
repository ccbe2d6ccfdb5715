package org.parley.account.domain;

/** Who may start a temporary conversation with a person (someone they are not friends with). */
public enum TemporaryChats {
    /** Anyone who shares a group with them that allows temporary conversations. */
    SHARED_GROUPS,
    NOBODY
}
