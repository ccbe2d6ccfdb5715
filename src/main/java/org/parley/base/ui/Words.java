package org.parley.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.i18n.I18NProvider;
import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.parley.base.service.Phrase;
import org.parley.base.service.UserFacingException;

/** Puts what a service said into the current reader's language, its moments in the reader's time zone. */
public final class Words {

    private Words() {}

    public static String of(Phrase phrase) {
        if (phrase.isText()) {
            return String.valueOf(phrase.args().getFirst()); // a name, what someone wrote: no lookup needed
        }
        return I18NProvider.translate(phrase.key(), forReader(phrase.args()));
    }

    /** A refusal's words, in the reader's language. */
    public static String of(UserFacingException refusal) {
        return of(refusal.phrase());
    }

    /** A moment as the reader reads it: "3 Dec 2026, 14:05" in their zone ("2026年12月3日 14:05"). */
    public static String of(Instant moment) {
        UI ui = UI.getCurrent();
        Locale language = Translations.supported(ui == null ? null : ui.getLocale());
        String pattern = Phrase.in(language, ui == null ? "base.date.time-utc" : "base.date.time");
        return DateTimeFormatter.ofPattern(pattern, language)
                .withZone(ui == null ? ZoneOffset.UTC : ReaderZone.of(ui))
                .format(moment);
    }

    private static Object[] forReader(List<Serializable> args) {
        Object[] words = new Object[args.size()];
        for (int i = 0; i < words.length; i++) {
            Object arg = args.get(i);
            words[i] = switch (arg) {
                case Phrase phrase -> of(phrase);
                case Instant moment -> of(moment);
                case null, default -> arg;
            };
        }
        return words;
    }
}
