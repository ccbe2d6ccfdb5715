package org.parley.base.service;

/** Input checks shared by every feature, so each rule reads and answers the same everywhere. */
public final class TextRules {

    private TextRules() {}

    /** Strips the text and refuses it when blank or longer than {@code max} characters. */
    /** What a refusal names ("Display name"), as words for any language: base.what.* in base.properties. */
    private static Phrase named(String what) {
        return Phrase.of("base.what." + what.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]+", "-"));
    }

    public static String requireText(String value, String what, int max) {
        String stripped = value == null ? "" : value.strip();
        if (stripped.isEmpty()) {
            throw new InvalidInputException(Phrase.of("base.refusal.empty", named(what)));
        }
        return requireMaxLength(stripped, what, max);
    }

    /**
     * A name others will see beside what its owner writes (a display name, a group name): one line, and none of
     * the invisible characters that make a name look like another's — direction overrides and isolates (which
     * reorder what follows, "Admin" from "nimdA"), zero-width spaces and joiners between letters, and other
     * formatting characters. The zero-width joiner inside emoji sequences (a family, a flag) stays allowed.
     */
    public static String requireName(String value, String what, int max) {
        String name = requireText(value, what, max);
        if (name.chars().anyMatch(c -> c == '\n' || c == '\r' || c == '\t')) {
            throw new InvalidInputException(Phrase.of("base.refusal.one-line", named(what)));
        }
        for (int i = 0; i < name.length(); ) {
            int c = name.codePointAt(i);
            i += Character.charCount(c);
            if (invisibleInName(c, i < name.length() ? name.codePointAt(i) : -1)) {
                throw new InvalidInputException(
                        Phrase.of("base.refusal.invisible", named(what), String.format("%04X", c)));
            }
        }
        return name;
    }

    private static boolean invisibleInName(int c, int next) {
        if (c == 0x200D) {
            // A joiner is part of an emoji sequence only when it joins a pictograph to what follows.
            return next == -1 || !Character.isEmoji(next);
        }
        // Hangul fillers and the blank braille pattern are letters that draw nothing: an "empty" name.
        return isInvisible(c) || c == 0x115F || c == 0x1160 || c == 0x3164 || c == 0xFFA0 || c == 0x2800;
    }

    /**
     * Characters that draw nothing yet change how text around them reads: controls, line and paragraph separators,
     * and format characters (direction overrides and isolates, zero-width spaces and joiners). Shared by every
     * rule about names people see (display and group names, file names).
     */
    public static boolean isInvisible(int codePoint) {
        int type = Character.getType(codePoint);
        return Character.isISOControl(codePoint)
                || type == Character.FORMAT
                || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }

    /** Strips the text; blank becomes null. Refuses it when longer than {@code max} characters. */
    public static String optionalText(String value, String what, int max) {
        String stripped = value == null ? "" : value.strip();
        return stripped.isEmpty() ? null : requireMaxLength(stripped, what, max);
    }

    private static String requireMaxLength(String value, String what, int max) {
        if (value.length() > max) {
            throw new InvalidInputException(Phrase.of("base.refusal.too-long", named(what), max, value.length()));
        }
        if (value.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\t' && c != '\r')) {
            throw new InvalidInputException(Phrase.of("base.refusal.control", named(what)));
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
        return "%" + likeEscaped(query) + "%";
    }

    /** A LIKE pattern matching what starts with the query, wildcards escaped as for {@link #containsPattern}. */
    public static String prefixPattern(String query) {
        return likeEscaped(query) + "%";
    }

    private static String likeEscaped(String query) {
        return searchKey(query).replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    /**
     * A search index's key for a term (a word, a few characters): 64-bit FNV-1a over its chars. A number compares
     * alike on every database and collation, where the term itself might not ("é" equals "e" under some).
     */
    public static long termHash(String term) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < term.length(); i++) {
            hash ^= term.charAt(i);
            hash *= 0x100000001b3L;
        }
        return hash;
    }
}
