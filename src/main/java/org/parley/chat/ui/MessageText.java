package org.parley.chat.ui;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parley.account.service.UserSummary;
import org.parley.base.ui.Words;
import org.parley.chat.service.MentionSyntax;

/**
 * A message's text as the message list's Markdown, where nothing but its http(s) links becomes markup: every other
 * character a person typed shows as typed ({@code **}, {@code <b>}, {@code # }, {@code 1. }, a
 * {@code javascript:} address), and line breaks stay line breaks. The list opens the links in a new tab (see
 * {@link MessageTimeline}); the list's Markdown is sanitized besides.
 */
final class MessageText {

    /**
     * An http(s) address: printable ASCII up to white space, an angle bracket, a quote or a backslash (none can stand
     * unescaped in a link's address), so that Chinese written right after an address is not taken into it;
     * punctuation that ends a sentence is not part of it.
     */
    private static final Pattern LINK =
            Pattern.compile("https?://[\\x21-\\x7E&&[^<>\"\\\\]]+", Pattern.CASE_INSENSITIVE);

    private static final String TRAILING_PUNCTUATION = ".,;:!?'\")]}";

    private MessageText() {}

    static String toMarkdown(String text) {
        return toMarkdown(text, List.of());
    }

    /**
     * As {@link #toMarkdown(String)}, with each "@username" of the {@code mentioned} people shown, in bold, as
     * "@" and their display name now.
     */
    static String toMarkdown(String text, List<UserSummary> mentioned) {
        StringBuilder markdown = new StringBuilder(text.length() + 16);
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                markdown.append("\\\n"); // a backslash at the end of a line: a hard line break
            }
            mentionsIn(lines[i], MentionSyntax.in(lines[i], mentioned), markdown);
        }
        return markdown.toString();
    }

    private static void mentionsIn(String line, List<MentionSyntax.Found> mentions, StringBuilder markdown) {
        int at = 0;
        for (MentionSyntax.Found mention : mentions) {
            if (mention.start() > at) {
                line(line.substring(at, mention.start()), at == 0, markdown);
            }
            markdown.append("**@");
            literal(Words.of(mention.person().shownName()), false, markdown);
            markdown.append("**");
            at = mention.end();
        }
        if (at == 0 || at < line.length()) {
            line(line.substring(at), at == 0, markdown);
        }
    }

    /**
     * A reply's quote of its original, as a block above the reply's own text: the sender's name in bold, then one
     * short line of the original. Both show as typed, like any text (no links in a quote).
     */
    static String quote(String sender, String line) {
        StringBuilder markdown = new StringBuilder("> **");
        literal(sender, false, markdown);
        markdown.append("**: ");
        literal(line, false, markdown);
        return markdown.append("\n\n").toString();
    }

    /** A line, or the part of one between mentions ({@code startsLine}: its beginning). */
    private static void line(String line, boolean startsLine, StringBuilder markdown) {
        if (startsLine && line.isBlank()) {
            markdown.append('\u00A0'); // keeps an empty line a line, instead of a paragraph break
            return;
        }
        Matcher link = LINK.matcher(line);
        int at = 0;
        while (link.find()) {
            int end = link.end();
            while (end > link.start()
                    && TRAILING_PUNCTUATION.indexOf(line.charAt(end - 1)) >= 0
                    && !closesOpenBracket(line, link.start(), end)) {
                end--;
            }
            String address = line.substring(link.start(), end);
            if (address.length() <= "https://".length()) {
                continue;
            }
            literal(line.substring(at, link.start()), startsLine && at == 0, markdown);
            markdown.append('[');
            literal(address, false, markdown);
            markdown.append("](<").append(address).append(">)");
            at = end;
        }
        literal(line.substring(at), startsLine && at == 0, markdown);
    }

    /** A ")" that closes a "(" inside the address (Wikipedia's "Java_(language)") belongs to it. */
    private static boolean closesOpenBracket(String line, int start, int end) {
        if (line.charAt(end - 1) != ')') {
            return false;
        }
        String address = line.substring(start, end);
        return address.chars().filter(c -> c == '(').count()
                >= address.chars().filter(c -> c == ')').count();
    }

    /**
     * Text that shows as typed: every ASCII punctuation mark escaped (Markdown gives none of them a meaning then),
     * and the line's leading spaces kept as non-breaking ones (four would otherwise start a code block).
     */
    private static void literal(String text, boolean startsLine, StringBuilder markdown) {
        int i = 0;
        if (startsLine) {
            for (; i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t'); i++) {
                markdown.append(text.charAt(i) == '\t' ? "\u00A0\u00A0\u00A0\u00A0" : "\u00A0");
            }
        }
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 128 && isPunctuation(c)) {
                markdown.append('\\');
            }
            markdown.append(c);
        }
    }

    private static boolean isPunctuation(char c) {
        return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
    }
}
