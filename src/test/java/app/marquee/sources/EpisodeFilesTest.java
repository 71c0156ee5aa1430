package app.marquee.sources;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import app.marquee.torrent.InfoHash;
import app.marquee.torrent.TorrentFile;
import app.marquee.torrent.TorrentMetadata;

class EpisodeFilesTest {

    private static final long MB = 1024 * 1024;

    @Test
    void theEpisodesFileIsChosenInASeasonPack() {
        TorrentMetadata pack = torrent("The.Show.S01.1080p.WEB-DL",
                "The.Show.S01E01.1080p.WEB-DL.mkv", 900 * MB,
                "The.Show.S01E02.1080p.WEB-DL.mkv", 950 * MB,
                "The.Show.S01E03.1080p.WEB-DL.mkv", 920 * MB,
                "Sample/The.Show.S01E02.sample.mkv", 20 * MB,
                "The.Show.S01E02.1080p.WEB-DL.srt", 1 * MB);

        assertThat(EpisodeFiles.find(pack, 1, 2)).map(TorrentFile::name).contains("The.Show.S01E02.1080p.WEB-DL.mkv");
        assertThat(EpisodeFiles.find(pack, 1, 3)).map(TorrentFile::index).contains(2);
        assertThat(EpisodeFiles.find(pack, 1, 4)).isEmpty();
        assertThat(EpisodeFiles.find(pack, 2, 1)).isEmpty();
    }

    @Test
    void aMultiEpisodeFileHoldsEachOfItsEpisodes() {
        TorrentMetadata pack = torrent("Show.S02",
                "Show.S02E01E02.720p.mp4", 700 * MB,
                "Show.2x03.720p.mp4", 350 * MB);

        assertThat(EpisodeFiles.find(pack, 2, 2)).map(TorrentFile::index).contains(0);
        assertThat(EpisodeFiles.find(pack, 2, 3)).map(TorrentFile::index).contains(1);
    }

    @Test
    void filesNamedWithoutEpisodesAreNeverGuessed() {
        TorrentMetadata pack = torrent("Show.S01", "episode one.mkv", 900 * MB, "episode two.mkv", 900 * MB);

        assertThat(EpisodeFiles.find(pack, 1, 1)).isEmpty();
    }

    private static TorrentMetadata torrent(String name, Object... pathsAndSizes) {
        List<TorrentFile> files = new ArrayList<>();
        long offset = 0;
        for (int i = 0; i < pathsAndSizes.length; i += 2) {
            List<String> path = new ArrayList<>(List.of(name));
            path.addAll(List.of(((String) pathsAndSizes[i]).split("/")));
            long size = (Long) pathsAndSizes[i + 1];
            files.add(new TorrentFile(i / 2, path, size, offset));
            offset += size;
        }
        int pieceLength = 4 * 1024 * 1024;
        return new TorrentMetadata(InfoHash.of("0123456789abcdef0123456789abcdef01234567"), name, pieceLength,
                (int) ((offset + pieceLength - 1) / pieceLength), offset, files, List.of(), new byte[0]);
    }
}
