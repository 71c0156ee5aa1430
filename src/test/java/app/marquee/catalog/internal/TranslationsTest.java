package app.marquee.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class TranslationsTest {

    record Text(String language, @Nullable String title, @Nullable String overview, @Nullable String tagline)
            implements Translation {
    }

    private static Text text(String language) {
        return new Text(language, language, null, null);
    }

    @Test
    void theExactLanguageWinsThenTheLanguagesOwnCountryThenAnyCountry() {
        List<Text> all = List.of(text("es-MX"), text("es-ES"), text("pt-PT"), text("pt-BR"));
        assertThat(Translations.pick(all, "pt-BR")).map(Text::language).contains("pt-BR");
        assertThat(Translations.pick(all, "es")).map(Text::language).contains("es-ES");
        assertThat(Translations.pick(List.of(text("es-MX")), "es")).map(Text::language).contains("es-MX");
        assertThat(Translations.pick(all, "fr")).isEmpty();
    }

    @Test
    void aBlankTranslatedTextFallsBackToEnglish() {
        assertThat(Translations.or("", "English")).isEqualTo("English");
        assertThat(Translations.or(null, "English")).isEqualTo("English");
        assertThat(Translations.or("Español", "English")).isEqualTo("Español");
    }
}
