package app.marquee.playback.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The language a subtitle file's name states. */
class TorrentSubtitleFilesTest {

    @Test
    void languagesAreReadFromCodesAndEnglishNames() {
        assertThat(TorrentSubtitleFiles.language("Movie.2001.1080p.en.srt")).isEqualTo("eng");
        assertThat(TorrentSubtitleFiles.language("Movie.2001.1080p.fre.srt")).isEqualTo("fre");
        assertThat(TorrentSubtitleFiles.language("French.srt")).isEqualTo("fra");
        assertThat(TorrentSubtitleFiles.language("2_English.srt")).isEqualTo("eng");
        assertThat(TorrentSubtitleFiles.language("Movie.2001.1080p.srt")).as("p is no language").isNull();
        assertThat(TorrentSubtitleFiles.language("Movie.srt")).isNull();
    }
}
