package app.marquee.torrent.libtorrent;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.libtorrent4j.TorrentFlags;
import org.libtorrent4j.Vectors;
import org.libtorrent4j.swig.add_torrent_params;
import org.libtorrent4j.swig.byte_span;
import org.libtorrent4j.swig.error_code;
import org.libtorrent4j.swig.libtorrent;
import org.libtorrent4j.swig.torrent_flags_t;
import org.libtorrent4j.swig.torrent_handle;
import org.libtorrent4j.swig.torrent_info;

import app.marquee.torrent.InfoHash;
import app.marquee.torrent.InvalidTorrentException;
import app.marquee.torrent.TorrentMetadata;
import app.marquee.torrent.TorrentProperties;

/** Conversions between libtorrent's native torrent objects and Marquee's values. */
final class NativeTorrents {

    private NativeTorrents() {
    }

    static InfoHash infoHash(torrent_handle handle) {
        return InfoHash.of(handle.info_hash().to_hex());
    }

    /**
     * The metadata of a torrent whose info dictionary libtorrent has, from the info dictionary's exact bytes (so
     * the info-hash and the file paths are the torrent's own, not libtorrent's sanitised copy); null without it.
     */
    static @Nullable TorrentMetadata metadata(torrent_handle handle, List<String> trackers) {
        torrent_info info = handle.torrent_file_ptr();
        if (info == null || !info.is_valid()) {
            return null;
        }
        byte_span section = info.get_info_section();
        byte[] bytes = new byte[(int) section.size()];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = section.at(i);
        }
        section.delete();
        return TorrentMetadata.fromInfoDictionary(bytes, trackers);
    }

    /** @throws InvalidTorrentException for anything libtorrent cannot read as a magnet */
    static add_torrent_params parseMagnet(String magnetUri) {
        if (!magnetUri.startsWith("magnet:?")) {
            throw new InvalidTorrentException("not a magnet URI: '" + magnetUri + "'");
        }
        error_code error = new error_code();
        add_torrent_params params = libtorrent.parse_magnet_uri(magnetUri, error);
        String message = error.message();
        boolean failed = error.value() != 0;
        error.delete();
        if (failed) {
            throw new InvalidTorrentException("malformed magnet: " + message);
        }
        return params;
    }

    static List<String> trackers(org.libtorrent4j.swig.string_vector trackers) {
        return List.copyOf(Vectors.string_vector2list(trackers));
    }

    /**
     * Flags of a torrent Marquee adds: never paused or auto-managed (a stream must never wait in a queue), and
     * without the discovery the settings switch off.
     */
    static torrent_flags_t startFlags(torrent_flags_t flags, TorrentProperties properties) {
        torrent_flags_t result = flags.and_(TorrentFlags.PAUSED.inv())
                .and_(TorrentFlags.AUTO_MANAGED.inv())
                .and_(TorrentFlags.DUPLICATE_IS_ERROR.inv());
        if (!properties.dht()) {
            result = result.or_(TorrentFlags.DISABLE_DHT);
        }
        if (!properties.lsd()) {
            result = result.or_(TorrentFlags.DISABLE_LSD);
        }
        if (!properties.pex()) {
            result = result.or_(TorrentFlags.DISABLE_PEX);
        }
        return result;
    }
}
