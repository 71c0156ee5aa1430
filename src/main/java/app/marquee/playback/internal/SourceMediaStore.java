package app.marquee.playback.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import app.marquee.catalog.SourceMedia;
import app.marquee.catalog.SourceMediaLookup;
import tools.jackson.databind.json.JsonMapper;

/** The {@code source_media} table: each source's probe, kept so a source is probed once. */
@Component
class SourceMediaStore implements SourceMediaLookup {

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final JsonMapper json;
    private final Clock clock;

    SourceMediaStore(JdbcTemplate jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.json = json;
        this.clock = clock;
    }

    Optional<SourceMedia> find(long sourceId) {
        return jdbc.query("SELECT media_json FROM source_media WHERE source_id = ?",
                (row, n) -> read(row.getString(1)), sourceId).stream().findFirst();
    }

    @Override
    public Map<Long, SourceMedia> mediaOf(Collection<Long> sourceIds) {
        Map<Long, SourceMedia> found = new HashMap<>();
        if (sourceIds.isEmpty()) {
            return found;
        }
        named.query("SELECT source_id, media_json FROM source_media WHERE source_id IN (:ids)",
                new MapSqlParameterSource("ids", List.copyOf(sourceIds)),
                row -> {
                    found.put(row.getLong(1), read(row.getString(2)));
                });
        return found;
    }

    /** Records a source's probe, replacing an earlier one. */
    void save(long sourceId, String fileName, SourceMedia media) {
        Long durationMs = media.durationSeconds() == null ? null : Math.round(media.durationSeconds() * 1000);
        jdbc.update("INSERT INTO source_media (source_id, file_name, container, video_codec, duration_ms, "
                + "media_json, probed_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (source_id) DO UPDATE SET "
                + "file_name = excluded.file_name, container = excluded.container, video_codec = excluded.video_codec, "
                + "duration_ms = excluded.duration_ms, media_json = excluded.media_json, probed_at = excluded.probed_at",
                sourceId, truncate(fileName, 1000), truncate(media.container(), 64),
                media.video() == null ? null : truncate(media.video().codec(), 32), durationMs,
                json.writeValueAsString(media), Timestamp.from(clock.instant()));
    }

    private SourceMedia read(String stored) {
        return json.readValue(stored, SourceMedia.class);
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
