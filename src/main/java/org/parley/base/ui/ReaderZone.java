package org.parley.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.page.ExtendedClientDetails;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The time zone of the reader's browser, for times written out on the server; UTC until the browser has said. */
public final class ReaderZone {

    private ReaderZone() {}

    public static ZoneId of(UI ui) {
        // Vaadin asks the browser once, as the page starts, and keeps the answer for the UI's lifetime.
        return of(ui.getPage().getExtendedClientDetails());
    }

    /** The zone the browser named in {@code details} (null: not known yet); UTC when unknown or not a zone. */
    public static ZoneId of(ExtendedClientDetails details) {
        if (details == null || details.getTimeZoneId() == null) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(details.getTimeZoneId());
        } catch (DateTimeException unknownZone) {
            return ZoneOffset.UTC;
        }
    }
}
