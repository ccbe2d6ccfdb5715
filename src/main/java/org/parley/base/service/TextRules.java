package org.parley.base.service;

/** Input checks shared by every feature, so each rule reads and answers the same everywhere. */
public final class TextRules {

    private TextRules() {
    }

    /** Strips the text and refuses it when blank or longer than {@code max} characters. */
    public static String requireText(String value, String what, int max) {
        String stripped = value == null ? "" : value.strip();
        if (stripped.isEmpty()) {
            throw new InvalidInputException(what + " cannot be empty.");
        }
        return requireMaxLength(stripped, what, max);
    }

    /** Strips the text; blank becomes null. Refuses it when longer than {@code max} characters. */
    public static String optionalText(String value, String what, int max) {
        String stripped = value == null ? "" : value.strip();
        return stripped.isEmpty() ? null : requireMaxLength(stripped, what, max);
    }

    private static String requireMaxLength(String value, String what, int max) {
        if (value.length() > max) {
            throw new InvalidInputException(what + " can be at most " + max + " characters (it has "
                    + value.length() + ").");
        }
        if (value.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\t' && c != '\r')) {
            throw new InvalidInputException(what + " contains control characters.");
        }
        return value;
    }

    /** Lower-cases for case-insensitive keys and search, the same way everywhere. */
    public static String searchKey(String value) {
        return value == null ? "" : value.strip().toLowerCase(java.util.Locale.ROOT);
    }

    /** The escape character for {@link #containsPattern}: not a backslash, which MariaDB reads itself. */
    public static final char LIKE_ESCAPE = '!';

    /** A LIKE pattern matching the query anywhere, wildcards escaped: "50%" finds "50%", not all. */
    public static String containsPattern(String query) {
        String escaped = searchKey(query).replace("!", "!!").replace("%", "!%").replace("_", "!_");
        return "%" + escaped + "%";
    }
}
