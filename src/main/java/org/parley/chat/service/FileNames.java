package org.parley.chat.service;

import java.util.Locale;
import java.util.regex.Pattern;
import org.parley.base.service.TextRules;

/** Makes what a browser says about a file safe to store and show: a bare name, a plausible type. */
public final class FileNames {

    public static final int MAX_LENGTH = 255;
    /** type/subtype as RFC 6838 allows, at most 127 characters in all (the column's width). */
    private static final Pattern MIME_TYPE =
            Pattern.compile("(?=.{3,127}$)[a-z0-9][a-z0-9!#$&^_.+-]{0,63}/[a-z0-9][a-z0-9!#$&^_.+-]{0,63}");

    private FileNames() {}

    /**
     * The last path segment, without control, line-separator or direction-changing characters, at most 255
     * characters; letters of every script are kept. "file" when nothing is left.
     */
    public static String clean(String name) {
        if (name == null) {
            return "file";
        }
        String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder kept = new StringBuilder(base.length());
        base.codePoints().filter(FileNames::allowed).forEach(kept::appendCodePoint);
        String cleaned = kept.toString().strip();
        while (cleaned.startsWith(".")) {
            // "..", "." or a hidden-file name: no name that means a directory or hides itself.
            cleaned = cleaned.substring(1);
        }
        if (cleaned.isBlank()) {
            return "file";
        }
        if (cleaned.length() > MAX_LENGTH) {
            // Cut before a character that would not fit whole (an emoji is two chars): never past 255.
            int end = MAX_LENGTH;
            if (Character.isLowSurrogate(cleaned.charAt(end)) && Character.isHighSurrogate(cleaned.charAt(end - 1))) {
                end--;
            }
            cleaned = cleaned.substring(0, end).strip();
        }
        return cleaned;
    }

    /** What the sender's browser declared, if it looks like a media type; else "application/octet-stream". */
    public static String declaredType(String type) {
        if (type == null) {
            return "application/octet-stream";
        }
        String lower = type.strip().toLowerCase(Locale.ROOT);
        int parameters = lower.indexOf(';');
        if (parameters >= 0) {
            lower = lower.substring(0, parameters).strip();
        }
        return MIME_TYPE.matcher(lower).matches() ? lower : "application/octet-stream";
    }

    private static boolean allowed(int codePoint) {
        if (TextRules.isInvisible(codePoint)) {
            return false;
        }
        int type = Character.getType(codePoint);
        return type != Character.UNASSIGNED && type != Character.PRIVATE_USE && type != Character.SURROGATE;
    }
}
