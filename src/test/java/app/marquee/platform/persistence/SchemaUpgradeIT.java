package app.marquee.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import app.marquee.support.PostgresSchema;

/**
 * A database of an earlier version keeps its data through the later migrations: V21 (episode sources) rebuilds
 * tables that SQLite cannot alter in place, so movie sources, the streaming keys that name them and the record
 * of what is on disk are written at V20 and read back after, on a real SQLite file (foreign keys on, as the
 * server runs it) and on PostgreSQL.
 */
class SchemaUpgradeIT {

    private static final Timestamp TS = Timestamp.from(Instant.parse("2026-11-20T10:00:00Z"));

    @TempDir
    Path dataDir;

    @Test
    void movieSourcesStreamingKeysAndStorageSurviveV21OnSqlite() {
        DriverManagerDataSource sqlite = new DriverManagerDataSource(
                "jdbc:sqlite:" + dataDir.resolve("marquee.db") + "?foreign_keys=true");
        upgradeKeepsData(sqlite, null);
    }

    @Test
    void movieSourcesStreamingKeysAndStorageSurviveV21OnPostgresql() throws Exception {
        try (PostgresSchema schema = PostgresSchema.create()) {
            DriverManagerDataSource postgres = new DriverManagerDataSource(schema.url(), PostgresSchema.USER, "");
            upgradeKeepsData(postgres, schema.name());
        }
    }

    private void upgradeKeepsData(DriverManagerDataSource dataSource, String schema) {
        migrate(dataSource, schema, "20");
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.update("INSERT INTO app_user (id, email, email_index, password_hash, role, created_at, updated_at) "
                + "VALUES ('u1', 'k1:mail', 'mail-index', 'hash', 'user', ?, ?)", TS, TS);
        for (int tmdbId : new int[] {105, 120}) {
            jdbc.update("INSERT INTO movie (id, tmdb_id, title, tmdb_synced_at, created_at, updated_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?)", tmdbId, tmdbId, "Movie " + tmdbId, TS, TS, TS);
        }
        // two movies listing one torrent: two sources, and at V20 two storage rows for its one directory
        jdbc.update("INSERT INTO movie_source (id, movie_id, info_hash_index, info_hash, magnet, indexer, quality, "
                + "seeders, metadata_status, video_file_index, created_at, updated_at) "
                + "VALUES (7, 105, 'idx-a', 'k1:hash-a', 'k1:magnet-a', 'YTS', '1080p', 40, 'valid', 0, ?, ?)", TS, TS);
        jdbc.update("INSERT INTO movie_source (id, movie_id, info_hash_index, info_hash, magnet, indexer, quality, "
                + "created_at, updated_at) VALUES (8, 120, 'idx-a', 'k1:hash-a', 'k1:magnet-a', 'YTS', '720p', ?, ?)",
                TS, TS);
        for (int source : new int[] {7, 8}) {
            jdbc.update("INSERT INTO storage (movie_source_id, location, total_bytes, downloaded_bytes, pieces_total, "
                    + "pieces_done, last_accessed_at, created_at, updated_at) VALUES (?, 'downloads/aaaa', 1000, "
                    + "400, 10, 4, ?, ?, ?)", source, TS, TS, TS);
        }
        jdbc.update("INSERT INTO streaming_key (key_hash, user_id, movie_id, movie_source_id, quality, created_at, "
                + "expires_at) VALUES ('keyhash', 'u1', 105, 7, '1080p', ?, ?)", TS, TS);

        migrate(dataSource, schema, null);

        assertThat(jdbc.queryForList("SELECT id, movie_id, quality FROM torrent_source ORDER BY id"))
                .extracting(row -> ((Number) row.get("id")).longValue(), row -> ((Number) row.get("movie_id")).longValue(),
                        row -> row.get("quality"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(7L, 105L, "1080p"),
                        org.assertj.core.groups.Tuple.tuple(8L, 120L, "720p"));
        Map<String, Object> source = jdbc.queryForMap("SELECT * FROM torrent_source WHERE id = 7");
        assertThat(source).containsEntry("metadata_status", "valid").containsEntry("magnet", "k1:magnet-a");
        assertThat(((Number) jdbc.queryForObject("SELECT source_id FROM streaming_key WHERE key_hash = 'keyhash'",
                Number.class)).longValue()).isEqualTo(7);
        assertThat(jdbc.queryForList("SELECT location, downloaded_bytes FROM storage"))
                .singleElement().satisfies(row -> {
                    assertThat(row.get("location")).isEqualTo("downloads/aaaa");
                    assertThat(((Number) row.get("downloaded_bytes")).longValue()).isEqualTo(400);
                });
        // new sources are numbered after the copied ones (PostgreSQL's identity was moved past them)
        long added = jdbc.queryForObject("INSERT INTO torrent_source (movie_id, info_hash_index, info_hash, magnet, "
                + "indexer, created_at, updated_at) VALUES (105, 'idx-b', 'h', 'm', 'EZTV', ?, ?) RETURNING id",
                Long.class, TS, TS);
        assertThat(added).isGreaterThan(8);
        // a deleted movie takes its sources and keys, as before
        jdbc.update("DELETE FROM movie WHERE id = 105");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM streaming_key", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM torrent_source", Integer.class)).isEqualTo(1);
    }

    private static void migrate(DriverManagerDataSource dataSource, String schema, String target) {
        FluentConfiguration configuration = Flyway.configure().dataSource(dataSource)
                .locations("classpath:db/migration");
        if (schema != null) {
            configuration.schemas(schema);
        }
        if (target != null) {
            configuration.target(target);
        }
        new FlywayVendorPlaceholders().customize(configuration);
        configuration.load().migrate();
    }
}
