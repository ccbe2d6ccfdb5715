package org.parley.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Made-up chat messages whose words are spread as in real text (Zipf: a few words in almost every message, most words
 * rare): English-like words, and one message in four in Chinese. The same seed makes the same vocabulary; every
 * {@value #SAMPLE_EVERY}th message made is kept as a sample to take search queries from.
 */
final class ChatText {

    static final int VOCABULARY = 20_000;
    private static final int HANZI = 500;
    private static final int SAMPLE_EVERY = 997;

    private static final String[] COMMON = {
        "the",
        "you",
        "to",
        "and",
        "it",
        "is",
        "that",
        "we",
        "for",
        "on",
        "are",
        "can",
        "have",
        "be",
        "me",
        "at",
        "this",
        "so",
        "just",
        "not",
        "tomorrow",
        "lunch",
        "meeting",
        "photos",
        "train",
        "sorry",
        "thanks",
        "later",
        "today",
        "tonight",
        "news",
        "bridge",
        "office",
        "coffee",
        "weekend",
        "project",
        "ticket",
        "call",
        "late",
        "home"
    };
    private static final String[] ONSETS = {
        "b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "ch", "st", "br", "tr"
    };
    private static final String[] VOWELS = {"a", "e", "i", "o", "u", "ai", "ou"};

    private final String[] words;
    private final double[] wordWeights;
    private final String[] hanzi;
    private final double[] hanziWeights;
    private final List<String> samples = new ArrayList<>();
    private long made;

    ChatText(long seed) {
        Random random = new Random(seed);
        Set<String> vocabulary = new LinkedHashSet<>(Arrays.asList(COMMON));
        while (vocabulary.size() < VOCABULARY) {
            StringBuilder word = new StringBuilder();
            for (int syllables = 1 + random.nextInt(3); syllables > 0; syllables--) {
                word.append(ONSETS[random.nextInt(ONSETS.length)]).append(VOWELS[random.nextInt(VOWELS.length)]);
            }
            if (random.nextInt(3) == 0) {
                word.append(ONSETS[random.nextInt(ONSETS.length)]);
            }
            vocabulary.add(word.toString());
        }
        words = vocabulary.toArray(String[]::new);
        wordWeights = zipf(words.length);
        Set<String> characters = new LinkedHashSet<>();
        while (characters.size() < HANZI) {
            characters.add(new String(Character.toChars(0x4E00 + random.nextInt(0x5000))));
        }
        hanzi = characters.toArray(String[]::new);
        hanziWeights = zipf(hanzi.length);
    }

    /** The next message: 3 to 12 words, or 4 to 14 Chinese characters. */
    String message(Random random) {
        StringBuilder text = new StringBuilder();
        if (random.nextInt(4) == 0) {
            for (int n = 4 + random.nextInt(11); n > 0; n--) {
                text.append(hanzi[pick(hanziWeights, random)]);
            }
        } else {
            for (int n = 3 + random.nextInt(10); n > 0; n--) {
                if (!text.isEmpty()) {
                    text.append(' ');
                }
                text.append(words[pick(wordWeights, random)]);
            }
        }
        String message = text.toString();
        if (made++ % SAMPLE_EVERY == 0) {
            samples.add(message);
        }
        return message;
    }

    /** The word of this frequency rank (0: the most frequent). */
    String word(int rank) {
        return words[rank];
    }

    /** Some of the messages made so far. */
    List<String> samples() {
        return samples;
    }

    /** Cumulative weights of ranks 1..n under Zipf's law (weight 1/rank). */
    private static double[] zipf(int n) {
        double[] cumulative = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += 1.0 / (i + 1);
            cumulative[i] = sum;
        }
        return cumulative;
    }

    private static int pick(double[] cumulative, Random random) {
        int at = Arrays.binarySearch(cumulative, random.nextDouble() * cumulative[cumulative.length - 1]);
        return Math.min(at < 0 ? -at - 1 : at, cumulative.length - 1);
    }
}
