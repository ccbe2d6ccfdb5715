package org.parley.chat.service;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The terms of a text for message search. Words of spaced scripts (Latin, Cyrillic, Greek, Korean, …) are folded:
 * compatibility forms, case and accents do not count ("Grüße" is "grusse"). Chinese and Japanese are written without
 * spaces, so every character and every pair of neighbouring characters is a term: "吃午饭" holds 吃, 午, 饭, 吃午, 午饭,
 * and a search for 午饭 finds it. A term is stored as a 64-bit hash; a hit is checked against the text itself.
 */
final class SearchTerms {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private SearchTerms() {}

    /** Everything a stored text can be found by. */
    static Set<String> ofText(String text) {
        return terms(text, true);
    }

    /**
     * What a search asks for: every term must be in a message. A run of Chinese or Japanese asks for its pairs (a
     * single character for itself), so "吃午饭" must appear as 吃午 and 午饭.
     */
    static Set<String> ofQuery(String query) {
        return terms(query, false);
    }

    /** Whether {@code text} holds every one of the {@code wanted} terms (the check of an index hit). */
    static boolean contains(String text, Set<String> wanted) {
        return ofText(text).containsAll(wanted);
    }

    /** A term's key in the index: 64-bit FNV-1a over its characters. */
    static long hash(String term) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < term.length(); i++) {
            hash ^= term.charAt(i);
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    private static Set<String> terms(String text, boolean everything) {
        // Upper then lower case: "ß" becomes "ss", as a search for "strasse" expects.
        String folded = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD))
                .replaceAll("")
                .toUpperCase(Locale.ROOT)
                .toLowerCase(Locale.ROOT);
        Set<String> terms = new LinkedHashSet<>();
        StringBuilder word = new StringBuilder();
        int previousIdeograph = -1;
        for (int i = 0; i < folded.length(); ) {
            int c = folded.codePointAt(i);
            i += Character.charCount(c);
            if (isUnspaced(c)) {
                endWord(word, terms);
                String single = new String(Character.toChars(c));
                if (previousIdeograph >= 0) {
                    terms.add(new String(Character.toChars(previousIdeograph)) + single);
                }
                if (everything
                        || (previousIdeograph < 0 && (i >= folded.length() || !isUnspaced(folded.codePointAt(i))))) {
                    terms.add(single);
                }
                previousIdeograph = c;
            } else {
                previousIdeograph = -1;
                if (Character.isLetterOrDigit(c)) {
                    word.appendCodePoint(c);
                } else {
                    endWord(word, terms);
                }
            }
        }
        endWord(word, terms);
        return terms;
    }

    private static void endWord(StringBuilder word, Set<String> terms) {
        if (!word.isEmpty()) {
            terms.add("w:" + word);
            word.setLength(0);
        }
    }

    /** Chinese characters, kana and the like: scripts written without spaces between words. */
    private static boolean isUnspaced(int c) {
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return script == Character.UnicodeScript.HAN
                || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA;
    }
}
