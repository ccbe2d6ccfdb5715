package org.parley.base.ui;

import com.vaadin.flow.component.UI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.parley.base.service.Phrase;

/** Short times for lists, in the reader's language: "14:05" today, "Mon" ("周一") this week, "3 Feb" ("2月3日") before. */
public final class TimeFormat {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    private TimeFormat() {}

    public static String brief(Instant when, ZoneId zone, Clock clock) {
        Locale language = Translations.supported(
                UI.getCurrent() == null ? null : UI.getCurrent().getLocale());
        ZonedDateTime at = when.atZone(zone);
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate day = at.toLocalDate();
        if (day.equals(today)) {
            return TIME.format(at);
        }
        if (day.isAfter(today.minusDays(7))) {
            return DateTimeFormatter.ofPattern("EEE", language).format(at);
        }
        String pattern = day.getYear() == today.getYear() ? "base.date.short" : "base.date.full";
        return DateTimeFormatter.ofPattern(Phrase.in(language, pattern), language)
                .format(at);
    }
}
