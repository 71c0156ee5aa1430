package app.marquee.streaming.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class ByteRangeTest {

    private static final long SIZE = 1000;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            bytes=0-99         | 0   | 99
            bytes=500-         | 500 | 999
            bytes=-100         | 900 | 999
            bytes=-5000        | 0   | 999
            bytes=990-5000     | 990 | 999
            BYTES = 10 - 19    | 10  | 19
            bytes=0-0,50-60    | 0   | 0
            bytes=999-999      | 999 | 999
            """)
    void rangesAreServedPartially(String header, long start, long end) throws Exception {
        assertThat(ByteRange.of(header, SIZE)).isEqualTo(new ByteRange(start, end, true));
    }

    @ParameterizedTest(name = "[{0}] is ignored")
    @NullSource
    @ValueSource(strings = {"", "bytes=", "bytes=-", "bytes=50-10", "items=0-10", "bytes=a-b",
        "bytes=99999999999999999999999-", "bytes 0-10"})
    void anythingElseServesTheWholeFile(String header) throws Exception {
        assertThat(ByteRange.of(header, SIZE)).isEqualTo(new ByteRange(0, 999, false));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"bytes=1000-", "bytes=1000-2000", "bytes=-0"})
    void rangesOutsideTheFileAreUnsatisfiable(String header) {
        assertThatThrownBy(() -> ByteRange.of(header, SIZE)).isInstanceOf(ByteRange.Unsatisfiable.class);
    }
}
