package org.parley.chat.service;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.parley.base.service.TextRules;

/**
 * The terms of a text for message search. Words of spaced scripts (Latin, Cyrillic, Greek, Korean, …) are folded:
 * compatibility forms, case and accents do not count ("Grüße" is "grusse"). Chinese and Japanese are written without
 * spaces, so every character and every pair of neighbouring characters is a term: "吃午饭" holds 吃, 午, 饭, 吃午, 午饭,
 * and a search for 午饭 finds it. A term is stored as a 64-bit hash ({@link TextRules#termHash}); a hit is checked against the text itself, and the
 * same reading says where in the text the words found are ({@link #found}).
 */
final class SearchTerms {

    private SearchTerms() {}

    /** A term and where the text holds it: from {@code start} up to {@code end} (char offsets). */
    private record Term(String key, int start, int end) {}

    /** Everything a stored text can be found by. */
    static Set<String> ofText(String text) {
        return keys(read(text, true));
    }

    /**
     * What a search asks for: every term must be in a message. A run of Chinese or Japanese asks for its pairs (a
     * single character for itself), so "吃午饭" must appear as 吃午 and 午饭.
     */
    static Set<String> ofQuery(String query) {
        return keys(read(query, false));
    }

    /** Whether {@code text} holds every one of the {@code wanted} terms (the check of an index hit). */
    static boolean contains(String text, Set<String> wanted) {
        return ofText(text).containsAll(wanted);
    }

    /** Where {@code text} holds any of the {@code wanted} terms: ordered, overlapping places joined. */
    static List<MessageHit.Found> found(String text, Set<String> wanted) {
        List<Term> hits = read(text, true).stream()
                .filter(term -> wanted.contains(term.key()))
                .sorted(Comparator.comparingInt(Term::start))
                .toList();
        List<MessageHit.Found> joined = new ArrayList<>();
        for (Term hit : hits) {
            MessageHit.Found last = joined.isEmpty() ? null : joined.getLast();
            if (last != null && hit.start() <= last.end()) {
                joined.set(joined.size() - 1, new MessageHit.Found(last.start(), Math.max(last.end(), hit.end())));
            } else {
                joined.add(new MessageHit.Found(hit.start(), hit.end()));
            }
        }
        return joined;
    }

    private static Set<String> keys(List<Term> terms) {
        Set<String> keys = new LinkedHashSet<>();
        terms.forEach(term -> keys.add(term.key()));
        return keys;
    }

    /** The terms of {@code text}, one character at a time, each knowing where it stands in the text. */
    private static List<Term> read(String text, boolean everything) {
        Reader reader = new Reader(everything);
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            int end = i + Character.charCount(c);
            if (isMark(c)) {
                reader.mark(end);
            } else {
                String folded = fold(c);
                for (int j = 0; j < folded.length(); ) {
                    int f = folded.codePointAt(j);
                    j += Character.charCount(f);
                    reader.add(f, i, end);
                }
            }
            i = end;
        }
        reader.endWord();
        reader.endRun();
        return reader.terms;
    }

    /** One character as the index sees it: compatibility form, no accents, case folded ("ß" is "ss", "Ⅻ" is "xii"). */
    private static String fold(int c) {
        if (c < 0x80) {
            return Character.isLetterOrDigit(c) ? String.valueOf((char) Character.toLowerCase(c)) : " ";
        }
        if (isUnspaced(c) && c >= 0x3040 && c <= 0x9FFF) {
            return new String(Character.toChars(c)); // kana and common ideographs: no other form, no case
        }
        StringBuilder plain = new StringBuilder(2);
        Normalizer.normalize(new String(Character.toChars(c)), Normalizer.Form.NFKD)
                .codePoints()
                .filter(d -> !isMark(d))
                .forEach(plain::appendCodePoint);
        // Upper then lower case: "ß" becomes "ss", as a search for "strasse" expects.
        return plain.toString().toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    }

    private static boolean isMark(int c) {
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK
                || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK;
    }

    /** Chinese characters, kana and the like: scripts written without spaces between words. */
    private static boolean isUnspaced(int c) {
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return script == Character.UnicodeScript.HAN
                || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA;
    }

    /** Collects words and runs of unspaced characters into terms as the folded characters come. */
    private static final class Reader {

        private final boolean everything;
        private final List<Term> terms = new ArrayList<>();
        private final StringBuilder word = new StringBuilder();
        private int wordStart;
        private int wordEnd;
        /** The current run of unspaced characters: each as a term of its own. */
        private final List<Term> run = new ArrayList<>();

        Reader(boolean everything) {
            this.everything = everything;
        }

        void add(int folded, int start, int end) {
            if (isUnspaced(folded)) {
                endWord();
                run.add(new Term(new String(Character.toChars(folded)), start, end));
                return;
            }
            endRun();
            if (Character.isLetterOrDigit(folded)) {
                if (word.isEmpty()) {
                    wordStart = start;
                }
                word.appendCodePoint(folded);
                wordEnd = end;
            } else {
                endWord();
            }
        }

        /** An accent written as a character of its own belongs to the word before it. */
        void mark(int end) {
            if (!word.isEmpty()) {
                wordEnd = end;
            }
        }

        void endWord() {
            if (!word.isEmpty()) {
                terms.add(new Term("w:" + word, wordStart, wordEnd));
                word.setLength(0);
            }
        }

        void endRun() {
            for (int i = 0; i < run.size(); i++) {
                Term single = run.get(i);
                if (i > 0) {
                    Term previous = run.get(i - 1);
                    terms.add(new Term(previous.key() + single.key(), previous.start(), single.end()));
                }
                if (everything || run.size() == 1) {
                    terms.add(single);
                }
            }
            run.clear();
        }
    }
}
