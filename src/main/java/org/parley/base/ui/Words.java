package org.parley.base.ui;

import com.vaadin.flow.i18n.I18NProvider;
import org.parley.base.service.Phrase;
import org.parley.base.service.UserFacingException;

/** Puts what a service said into the current reader's language. */
public final class Words {

    private Words() {}

    public static String of(Phrase phrase) {
        return I18NProvider.translate(phrase.key(), phrase.args().toArray());
    }

    /** A refusal's words: its phrase in the reader's language, or its message where it has no phrase yet. */
    public static String of(UserFacingException refusal) {
        return refusal.phrase().map(Words::of).orElseGet(refusal::getMessage);
    }
}
