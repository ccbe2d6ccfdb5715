package org.parley.base.ui;

import com.vaadin.flow.i18n.I18NProvider;
import java.util.Locale;

/** "834 bytes", "12.4 KB", "3.0 MB": sizes as people read them (powers of 1024). */
public final class FileSizes {

    private FileSizes() {}

    public static String of(long bytes) {
        if (bytes < 1024) {
            return I18NProvider.translate("base.bytes", bytes);
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, value < 10 ? "%.1f %s" : "%.0f %s", value, units[unit]);
    }
}
