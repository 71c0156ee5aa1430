package app.marquee.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import app.marquee.platform.ApiException;

class RequestChecksTest {

    @Test
    void languagesAreTwoLettersWithAnOptionalRegionInCanonicalCase() {
        assertThat(RequestChecks.lang("en")).isEqualTo("en");
        assertThat(RequestChecks.lang("ES")).isEqualTo("es");
        assertThat(RequestChecks.lang("pt-br")).isEqualTo("pt-BR");
        for (String bad : new String[] {"", "e", "eng", "pt_BR", "pt-BRA", "12", "en-"}) {
            assertThatThrownBy(() -> RequestChecks.lang(bad)).as(bad).isInstanceOf(ApiException.class)
                    .hasMessageContaining("Invalid lang");
        }
    }

    @Test
    void idsArePositiveAndSeasonNumbersNotNegative() {
        assertThat(RequestChecks.id(1)).isEqualTo(1);
        assertThatThrownBy(() -> RequestChecks.id(0)).isInstanceOf(ApiException.class);
        assertThat(RequestChecks.seasonNumber(0)).isZero();
        assertThatThrownBy(() -> RequestChecks.seasonNumber(-1)).isInstanceOf(ApiException.class);
    }
}
