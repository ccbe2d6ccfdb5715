package org.parley.account.service;

/** Where avatar pictures are served; the version makes every change a new, cacheable address. */
public final class AvatarUrls {

    public static final String PREFIX = "/avatars/";

    private AvatarUrls() {}

    static String path(long userId, int version) {
        return PREFIX + userId + "?v=" + version;
    }
}
