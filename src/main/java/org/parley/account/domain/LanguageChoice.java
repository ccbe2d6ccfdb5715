package org.parley.account.domain;

/** Which language Parley speaks to a person: their browser's (the default), or one they chose. */
public enum LanguageChoice {
    BROWSER,
    ENGLISH,
    CHINESE
}
