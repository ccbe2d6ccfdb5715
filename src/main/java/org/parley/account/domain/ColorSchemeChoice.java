package org.parley.account.domain;

/** How a person wants Parley's colours: as their operating system says, or always light or dark. */
public enum ColorSchemeChoice {
    SYSTEM,
    LIGHT,
    DARK
}
