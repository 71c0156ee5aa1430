package app.marquee.sources.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.marquee.sources.PlaybackWork.Level;

class SourceRankingTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    @Test
    void withoutProbesTheQualityThenACodecTheClientPlaysThenTheSeedersDecide() {
        TorrentSource hevcWellSeeded = source(1, "1080p", "x265", 500);
        TorrentSource h264 = source(2, "1080p", "x264", 20);
        TorrentSource p720 = source(3, "720p", "x264", 900);

        assertThat(sorted(false, Map.of(), hevcWellSeeded, h264, p720)).containsExactly(2L, 1L, 3L);
        assertThat(sorted(true, Map.of(), hevcWellSeeded, h264, p720)).containsExactly(1L, 2L, 3L);
    }

    @Test
    void withProbesTheSourceThatNeedsTheLeastWorkForTheClientComesFirstWithinItsQuality() {
        TorrentSource mkvWithAc3 = source(1, "1080p", "x264", 900);   // probed: an audio transcode for this client
        TorrentSource mkvRemux = source(2, "1080p", "x264", 300);     // probed: a remux
        TorrentSource mp4 = source(3, "1080p", "x264", 10);           // probed: plays as it is
        TorrentSource unprobed = source(4, "1080p", "x264", 50);      // not probed, a codec the client plays
        TorrentSource hevc = source(5, "1080p", "x265", 999);         // probed: a full transcode
        TorrentSource p720 = source(6, "720p", "x264", 5);            // probed direct, but the quality comes first
        Map<Long, Level> work = Map.of(1L, Level.AUDIO_TRANSCODE, 2L, Level.REMUX, 3L, Level.DIRECT,
                5L, Level.TRANSCODE, 6L, Level.DIRECT);

        assertThat(sorted(false, work, mkvWithAc3, mkvRemux, mp4, unprobed, hevc, p720))
                .containsExactly(3L, 4L, 2L, 1L, 5L, 6L);
    }

    private static List<Long> sorted(boolean hevc, Map<Long, Level> work, TorrentSource... sources) {
        return java.util.Arrays.stream(sources).sorted(SourceRanking.order(hevc, work)).map(TorrentSource::id).toList();
    }

    private static TorrentSource source(long id, String quality, String codec, int seeders) {
        TorrentSource source = new TorrentSource(SourceOwner.movie(1), "index-" + id, "hash-" + id, "YTS", NOW);
        source.listing(new TorrentSource.Listing("magnet:?xt=urn:btih:" + id, null, "Name " + id, quality, codec, null,
                false, null, null, 1_000_000_000L, seeders, 1, null), NOW);
        try {
            Field field = TorrentSource.class.getDeclaredField("id"); // assigned by the database otherwise
            field.setAccessible(true);
            field.set(source, id);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        return source;
    }
}
