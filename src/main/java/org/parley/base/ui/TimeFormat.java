package org.parley.base.ui;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Short times for lists: "14:05" today, "Mon" this week, "3 Feb" before. */
public final class TimeFormat {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter WEEKDAY = DateTimeFormatter.ofPattern("EEE", Locale.ENGLISH);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private TimeFormat() {}

    public static String brief(Instant when, ZoneId zone, Clock clock) {
        ZonedDateTime at = when.atZone(zone);
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate day = at.toLocalDate();
        if (day.equals(today)) {
            return TIME.format(at);
        }
        if (day.isAfter(today.minusDays(7))) {
            return WEEKDAY.format(at);
        }
        return day.getYear() == today.getYear() ? DATE.format(at) : FULL.format(at);
    }
}
