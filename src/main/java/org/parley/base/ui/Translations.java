package org.parley.base.ui;

import com.vaadin.flow.i18n.I18NProvider;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.parley.base.service.Phrase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Every word Parley shows, in English and Simplified Chinese: one bundle per feature under
 * {@code src/main/resources/i18n/} ({@code chat.properties}, {@code chat_zh_CN.properties}, …), keys starting with
 * their bundle's name ({@code chat.send}); see {@link Phrase}. Vaadin matches a new page's browser languages
 * against these two; a person's choice in Profile wins (account.ui's LanguageInit). A key with no words shows as
 * itself, so a test finds it, and is logged once.
 */
@Component
public class Translations implements I18NProvider {

    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    private static final Logger log = LoggerFactory.getLogger(Translations.class);

    private final Set<String> reportedMissing = ConcurrentHashMap.newKeySet();

    @Override
    public List<Locale> getProvidedLocales() {
        return List.of(ENGLISH, CHINESE);
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        String words = Phrase.in(supported(locale), key, params);
        if (words.equals(key) && reportedMissing.add(key)) {
            log.warn("No words for \"{}\"", key);
        }
        return words;
    }

    /** Chinese for any Chinese the browser asks for (Simplified is all there is), English otherwise. */
    public static Locale supported(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage()) ? CHINESE : ENGLISH;
    }
}
