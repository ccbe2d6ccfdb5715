package org.parley.account.service.internal;

import java.util.LinkedHashSet;
import java.util.Set;
import org.parley.base.service.TextRules;

/**
 * The grams people search reads: every three neighbouring characters (code points) of a lower-case name, as
 * {@link TextRules#termHash} keys. A name that contains a query contains each of the query's grams.
 */
public final class PersonGrams {

    public static final int LENGTH = 3;

    private PersonGrams() {}

    /** The grams of a person's user name and display name keys, each once. */
    public static Set<Long> of(String usernameKey, String displayNameKey) {
        Set<Long> grams = new LinkedHashSet<>();
        add(usernameKey, grams);
        add(displayNameKey, grams);
        return grams;
    }

    /** The grams of a search key; none when it is shorter than a gram. */
    public static Set<Long> ofQuery(String key) {
        Set<Long> grams = new LinkedHashSet<>();
        add(key, grams);
        return grams;
    }

    private static void add(String key, Set<Long> grams) {
        int[] points = key.codePoints().toArray();
        for (int i = 0; i + LENGTH <= points.length; i++) {
            grams.add(TextRules.termHash(new String(points, i, LENGTH)));
        }
    }
}
