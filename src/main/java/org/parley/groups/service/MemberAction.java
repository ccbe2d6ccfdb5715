package org.parley.groups.service;

/** What an administrator may do to another member; {@link GroupMemberView#callerMay()} lists those allowed. */
public enum MemberAction {
    MUTE,
    UNMUTE,
    REMOVE,
    BAN,
    APPOINT,
    DISMISS,
    HAND_OVER
}
