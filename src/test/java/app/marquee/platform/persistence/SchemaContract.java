package app.marquee.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the migrations must give on every database Marquee runs on: each table takes a row and gives it
 * back unchanged, and keys, foreign keys, unique and check constraints hold. Subclasses run it on a real
 * SQLite file and on the real PostgreSQL; a table added without a test here fails
 * {@link #everyTableIsCoveredByThisContract()}.
 */
abstract class SchemaContract {

    /** Times round-trip at millisecond precision on SQLite (epoch millis) and microseconds on PostgreSQL. */
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private static final Timestamp TS = Timestamp.from(NOW);

    private static final Set<String> COVERED = Set.of(
            "genre", "genre_translation", "movie", "movie_translation", "movie_genre", "tv_show",
            "tv_show_translation", "tv_show_genre", "season", "episode", "app_user", "user_session",
            "refresh_token", "audit_log", "app_setting", "media_list", "media_list_item", "torrent_source",
            "storage", "streaming_key", "trakt_user", "watch_progress", "sync_state", "shedlock", "trakt_outbox",
            "source_media");

    @Autowired
    DataSource dataSource;

    JdbcTemplate jdbc;

    @BeforeEach
    void emptyTables() {
        jdbc = new JdbcTemplate(dataSource);
        for (String table : new String[] {"trakt_outbox", "media_list_item", "media_list", "watch_progress", "streaming_key", "storage",
                "source_media", "torrent_source", "episode", "season", "movie_genre", "tv_show_genre", "movie_translation",
                "tv_show_translation", "genre_translation", "genre", "movie", "tv_show", "refresh_token",
                "user_session", "trakt_user", "audit_log", "app_setting", "app_user", "sync_state", "shedlock"}) {
            jdbc.update("DELETE FROM " + table);
        }
    }

    @Test
    void everyTableIsCoveredByThisContract() throws SQLException {
        assertThat(tables()).isEqualTo(new TreeSet<>(COVERED));
    }

    @Test
    void catalogTablesRoundTripAndCascade() {
        long genre = insertId("INSERT INTO genre (tmdb_id) VALUES (?) RETURNING id", 878);
        jdbc.update("INSERT INTO genre_translation (genre_id, language, name) VALUES (?, ?, ?)", genre, "es",
                "Ciencia ficción");
        long movie = movie(105, "tt0088763");
        jdbc.update("INSERT INTO movie_translation (movie_id, language, title, overview, tagline) VALUES (?, ?, ?, ?, ?)",
                movie, "pt-BR", "De Volta para o Futuro", "…", null);
        jdbc.update("INSERT INTO movie_genre (movie_id, genre_id) VALUES (?, ?)", movie, genre);

        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM movie WHERE id = ?", movie);
        assertThat(row).containsEntry("title", "Back to the Future").containsEntry("imdb_id", "tt0088763");
        assertThat(jdbc.queryForObject("SELECT release_date FROM movie WHERE id = ?", Date.class, movie).toLocalDate())
                .isEqualTo(LocalDate.of(1985, 7, 3));
        assertThat(jdbc.queryForObject("SELECT tmdb_synced_at FROM movie WHERE id = ?", Timestamp.class, movie)
                .toInstant()).isEqualTo(NOW);
        assertThat(jdbc.queryForObject("SELECT adult FROM movie WHERE id = ?", Boolean.class, movie)).isFalse();
        assertThat(jdbc.queryForObject("SELECT popularity FROM movie WHERE id = ?", Double.class, movie)).isEqualTo(13.324);
        assertThat(jdbc.queryForObject(
                "SELECT gt.name FROM genre_translation gt JOIN movie_genre mg ON mg.genre_id = gt.genre_id "
                        + "WHERE mg.movie_id = ? AND gt.language = 'es'", String.class, movie))
                .isEqualTo("Ciencia ficción");

        long show = show(1399);
        jdbc.update("INSERT INTO tv_show_translation (tv_show_id, language, name) VALUES (?, ?, ?)", show, "es",
                "Juego de tronos");
        jdbc.update("INSERT INTO tv_show_genre (tv_show_id, genre_id) VALUES (?, ?)", show, genre);
        long season = season(show, 0);
        long episode = episode(season, 1);
        assertThat(jdbc.queryForObject("SELECT name FROM episode WHERE id = ?", String.class, episode)).isEqualTo("Pilot");
        assertThat(jdbc.queryForObject("SELECT season_number FROM season WHERE id = ?", Integer.class, season)).isZero();

        jdbc.update("DELETE FROM tv_show WHERE id = ?", show);
        assertThat(count("season")).isZero();
        assertThat(count("episode")).isZero();
        assertThat(count("tv_show_translation")).isZero();
        jdbc.update("DELETE FROM movie WHERE id = ?", movie);
        assertThat(count("movie_translation")).isZero();
        assertThat(count("movie_genre")).isZero();
        assertThat(count("genre_translation")).isEqualTo(1);
    }

    @Test
    void catalogKeysAndConstraintsHold() {
        long movie = movie(105, null);
        assertThatThrownBy(() -> movie(105, null)).isInstanceOf(DuplicateKeyException.class);
        assertThatThrownBy(() -> jdbc.update("INSERT INTO movie_genre (movie_id, genre_id) VALUES (?, ?)", movie, 999_999))
                .isInstanceOf(DataIntegrityViolationException.class);
        long show = show(1399);
        season(show, 1);
        assertThatThrownBy(() -> season(show, 1)).isInstanceOf(DuplicateKeyException.class);
        assertThatThrownBy(() -> season(show, -1)).isInstanceOf(DataIntegrityViolationException.class);
        long genre = insertId("INSERT INTO genre (tmdb_id) VALUES (?) RETURNING id", 18);
        jdbc.update("INSERT INTO genre_translation (genre_id, language, name) VALUES (?, 'en', 'Drama')", genre);
        assertThatThrownBy(() -> jdbc.update(
                "INSERT INTO genre_translation (genre_id, language, name) VALUES (?, 'en', 'Drama')", genre))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void listsHoldMoviesOrShowsInOrder() {
        String owner = user("owner@example.com", "user");
        long list = insertId("INSERT INTO media_list (slug, name, description, kind, tmdb_source, owner_user_id, "
                + "refreshed_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                "popular-movies", "Popular movies", "What people watch", "tmdb", "movie/popular", null, TS, TS, TS);
        long movie = movie(105, null);
        long show = show(1399);
        jdbc.update("INSERT INTO media_list_item (media_list_id, position, movie_id, tv_show_id, added_at) "
                + "VALUES (?, ?, ?, ?, ?)", list, 2, movie, null, TS);
        jdbc.update("INSERT INTO media_list_item (media_list_id, position, movie_id, tv_show_id, added_at) "
                + "VALUES (?, ?, ?, ?, ?)", list, 1, null, show, TS);
        assertThat(jdbc.queryForList("SELECT tv_show_id FROM media_list_item WHERE media_list_id = ? ORDER BY position",
                Long.class, list)).containsExactly(show, null);
        assertThatThrownBy(() -> jdbc.update("INSERT INTO media_list_item (media_list_id, position, movie_id, tv_show_id, "
                + "added_at) VALUES (?, ?, ?, ?, ?)", list, 3, movie, null, TS))
                .as("a title is in a list once").isInstanceOf(DuplicateKeyException.class);
        assertThatThrownBy(() -> jdbc.update("INSERT INTO media_list_item (media_list_id, position, movie_id, tv_show_id, "
                + "added_at) VALUES (?, ?, ?, ?, ?)", list, 3, null, null, TS))
                .as("an item is a movie or a show").isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.update("INSERT INTO media_list (slug, name, kind, created_at, updated_at) "
                + "VALUES (?, ?, ?, ?, ?)", "watchlist", "Watchlist", "bogus", TS, TS))
                .isInstanceOf(DataIntegrityViolationException.class);
        jdbc.update("INSERT INTO media_list (slug, name, kind, owner_user_id, created_at, updated_at) "
                + "VALUES (?, ?, ?, ?, ?, ?)", "watchlist-owner", "Watchlist", "trakt-watchlist", owner, TS, TS);

        jdbc.update("DELETE FROM app_user WHERE id = ?", owner);
        assertThat(jdbc.queryForList("SELECT slug FROM media_list", String.class)).containsExactly("popular-movies");
        jdbc.update("DELETE FROM media_list WHERE id = ?", list);
        assertThat(count("media_list_item")).isZero();
    }

    @Test
    void accountTablesRoundTripAndEnforceTheirRules() {
        String user = user("Ana@Example.com".toLowerCase(), "admin");
        assertThatThrownBy(() -> user("ana@example.com", "user")).isInstanceOf(DuplicateKeyException.class);
        assertThatThrownBy(() -> user("root@example.com", "root")).isInstanceOf(DataIntegrityViolationException.class);

        jdbc.update("INSERT INTO user_session (id, user_id, created_at, last_seen_at, expires_at, ip, user_agent) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)", "s1", user, TS, TS, TS, "192.0.2.7", "TestAgent/1.0");
        jdbc.update("INSERT INTO refresh_token (session_id, token_hash, issued_at, expires_at) VALUES (?, ?, ?, ?)",
                "s1", "a".repeat(64), TS, TS);
        assertThatThrownBy(() -> jdbc.update(
                "INSERT INTO refresh_token (session_id, token_hash, issued_at, expires_at) VALUES (?, ?, ?, ?)",
                "s1", "a".repeat(64), TS, TS)).isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.update(
                "INSERT INTO refresh_token (session_id, token_hash, issued_at, expires_at) VALUES (?, ?, ?, ?)",
                "no-such-session", "b".repeat(64), TS, TS)).isInstanceOf(DataIntegrityViolationException.class);

        jdbc.update("INSERT INTO audit_log (occurred_at, event, outcome, user_id, email, session_id, ip, user_agent, detail) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", TS, "login", "success", user, "ana@example.com", "s1",
                "192.0.2.7", "TestAgent/1.0", null);
        assertThatThrownBy(() -> jdbc.update("INSERT INTO audit_log (occurred_at, event, outcome) VALUES (?, ?, ?)",
                TS, "login", "maybe")).isInstanceOf(DataIntegrityViolationException.class);

        jdbc.update("INSERT INTO app_setting (setting_key, setting_value, value_encrypted, updated_at, updated_by) "
                + "VALUES (?, ?, ?, ?, ?)", "marquee.tmdb.access-token", "k1:ciphertext", true, TS, user);
        assertThat(jdbc.queryForObject("SELECT value_encrypted FROM app_setting WHERE setting_key = ?", Boolean.class,
                "marquee.tmdb.access-token")).isTrue();

        jdbc.update("DELETE FROM app_user WHERE id = ?", user);
        assertThat(count("user_session")).isZero();
        assertThat(count("refresh_token")).isZero();
        assertThat(count("audit_log")).as("the audit trail outlives the account").isEqualTo(1);
    }

    @Test
    void sourcesStorageAndStreamingKeysRoundTrip() {
        String user = user("viewer@example.com", "user");
        long movie = movie(105, "tt0088763");
        byte[] info = {'d', '4', ':', 'i', 'n', 'f', 'o', 'd', 'e', 'e', 0, (byte) 0xff};
        long source = insertId("INSERT INTO torrent_source (movie_id, info_hash_index, info_hash, magnet, indexer, "
                + "quality, video_codec, size_bytes, seeders, leechers, torrent_data, file_list, video_file_index, "
                + "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                movie, "f".repeat(64), "k1:hash-cipher", "k1:magnet-cipher", "YTS", "1080p", "x264", 2_147_483_648L * 3,
                71, 10, info, "[{\"path\":\"movie.mp4\",\"size\":1}]", 0, TS, TS);
        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM torrent_source WHERE id = ?", source);
        assertThat(row).containsEntry("metadata_status", "pending").containsEntry("quality", "1080p");
        assertThat(((Number) row.get("size_bytes")).longValue()).isEqualTo(2_147_483_648L * 3);
        assertThat(jdbc.queryForObject("SELECT torrent_data FROM torrent_source WHERE id = ?", byte[].class, source))
                .isEqualTo(info);
        assertThatThrownBy(() -> jdbc.update("INSERT INTO torrent_source (movie_id, info_hash_index, info_hash, magnet, "
                + "indexer, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)", movie, "f".repeat(64), "x", "y", "YTS",
                TS, TS)).as("one row per torrent and movie").isInstanceOf(DuplicateKeyException.class);
        assertThatThrownBy(() -> jdbc.update("UPDATE torrent_source SET seeders = -1 WHERE id = ?", source))
                .isInstanceOf(DataIntegrityViolationException.class);

        // an episode's source: the same torrent may serve several episodes (a season pack), once per episode
        long episode = episode(season(show(1399), 1), 1);
        long packSource = insertId("INSERT INTO torrent_source (episode_id, info_hash_index, info_hash, magnet, "
                + "indexer, video_file_index, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                episode, "e".repeat(64), "k1:hash", "k1:magnet", "EZTV", 3, TS, TS);
        assertThatThrownBy(() -> jdbc.update("INSERT INTO torrent_source (episode_id, info_hash_index, info_hash, "
                + "magnet, indexer, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)", episode, "e".repeat(64),
                "x", "y", "EZTV", TS, TS)).as("one row per torrent and episode").isInstanceOf(DuplicateKeyException.class);
        assertThatThrownBy(() -> jdbc.update("INSERT INTO torrent_source (movie_id, episode_id, info_hash_index, "
                + "info_hash, magnet, indexer, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", movie, episode,
                "d".repeat(64), "x", "y", "EZTV", TS, TS))
                .as("a source is of one title").isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.update("INSERT INTO torrent_source (info_hash_index, info_hash, magnet, indexer, "
                + "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)", "d".repeat(64), "x", "y", "EZTV", TS, TS))
                .as("a source is of a title").isInstanceOf(DataIntegrityViolationException.class);

        byte[] resume = {1, 2, 3, 0, (byte) 0x80};
        jdbc.update("INSERT INTO storage (location, total_bytes, downloaded_bytes, pieces_total, pieces_done, "
                + "resume_data, last_accessed_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                "downloads/abc", 1000L, 500L, 10, 5, resume, TS, TS, TS);
        assertThat(jdbc.queryForObject("SELECT resume_data FROM storage", byte[].class)).isEqualTo(resume);
        assertThatThrownBy(() -> jdbc.update("UPDATE storage SET downloaded_bytes = 2000"))
                .as("never more downloaded than there is").isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.update("INSERT INTO storage (location, total_bytes, pieces_total, "
                + "last_accessed_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)", "downloads/abc", 1L, 1, TS, TS, TS))
                .as("one row per torrent directory").isInstanceOf(DuplicateKeyException.class);

        jdbc.update("INSERT INTO streaming_key (key_hash, user_id, movie_id, source_id, quality, created_at, "
                + "expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)", "c".repeat(64), user, movie, source, "1080p", TS, TS);
        jdbc.update("INSERT INTO streaming_key (key_hash, user_id, episode_id, source_id, created_at, expires_at) "
                + "VALUES (?, ?, ?, ?, ?, ?)", "e".repeat(64), user, episode, packSource, TS, TS);
        assertThatThrownBy(() -> jdbc.update("INSERT INTO streaming_key (key_hash, user_id, created_at, expires_at) "
                + "VALUES (?, ?, ?, ?)", "d".repeat(64), user, TS, TS))
                .as("a key is bound to a title").isInstanceOf(DataIntegrityViolationException.class);
        assertThat(jdbc.queryForObject("SELECT expires_at FROM streaming_key WHERE movie_id = ?", Timestamp.class, movie)
                .toInstant()).isEqualTo(NOW);

        String upsert = "INSERT INTO source_media (source_id, file_name, container, video_codec, duration_ms, "
                + "media_json, probed_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (source_id) DO UPDATE SET "
                + "file_name = excluded.file_name, container = excluded.container, video_codec = excluded.video_codec, "
                + "duration_ms = excluded.duration_ms, media_json = excluded.media_json, probed_at = excluded.probed_at";
        jdbc.update(upsert, source, "movie.mkv", "matroska,webm", "h264", 5_400_000L, "{}", TS);
        jdbc.update(upsert, source, "movie.mkv", "matroska,webm", "hevc", 5_400_000L, "{\"audio\":[]}", TS);
        assertThat(jdbc.queryForMap("SELECT video_codec, media_json FROM source_media WHERE source_id = ?", source))
                .as("a source has one probe, replaced when probed again")
                .containsEntry("video_codec", "hevc").containsEntry("media_json", "{\"audio\":[]}");
        assertThatThrownBy(() -> jdbc.update(upsert, 999_999L, "x.mkv", "matroska", null, null, "{}", TS))
                .isInstanceOf(DataIntegrityViolationException.class);

        jdbc.update("DELETE FROM movie WHERE id = ?", movie);
        jdbc.update("DELETE FROM episode WHERE id = ?", episode);
        assertThat(count("torrent_source")).isZero();
        assertThat(count("source_media")).isZero();
        assertThat(count("streaming_key")).isZero();
        assertThat(count("storage")).as("what is on disk is recorded until it is deleted from disk").isEqualTo(1);
    }

    @Test
    void traktUsersAndWatchProgressRoundTrip() {
        String user = user("viewer@example.com", "user");
        jdbc.update("INSERT INTO trakt_user (user_id, trakt_slug, trakt_username, access_token, refresh_token, "
                + "token_expires_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                user, "viewer", "Viewer", "k1:at", "k1:rt", TS, TS, TS);
        assertThatThrownBy(() -> jdbc.update("INSERT INTO trakt_user (trakt_slug, created_at, updated_at) VALUES (?, ?, ?)",
                "viewer", TS, TS)).isInstanceOf(DataIntegrityViolationException.class);

        long movie = movie(105, null);
        long episode = episode(season(show(1399), 1), 2);
        jdbc.update("INSERT INTO watch_progress (user_id, movie_id, progress, status, updated_at) VALUES (?, ?, ?, ?, ?)",
                user, movie, 0.42, "watching", TS);
        jdbc.update("INSERT INTO watch_progress (user_id, episode_id, progress, status, updated_at) VALUES (?, ?, ?, ?, ?)",
                user, episode, 1.0, "completed", TS);
        assertThat(jdbc.queryForObject("SELECT progress FROM watch_progress WHERE movie_id = ?", Double.class, movie))
                .isEqualTo(0.42);
        assertThatThrownBy(() -> jdbc.update("INSERT INTO watch_progress (user_id, movie_id, progress, status, updated_at) "
                + "VALUES (?, ?, ?, ?, ?)", user, movie, 0.5, "watching", TS))
                .as("one row per user and title").isInstanceOf(DuplicateKeyException.class);
        assertThatThrownBy(() -> jdbc.update("UPDATE watch_progress SET progress = 1.5 WHERE movie_id = ?", movie))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.update("UPDATE watch_progress SET status = 'rewinding' WHERE movie_id = ?", movie))
                .isInstanceOf(DataIntegrityViolationException.class);

        jdbc.update("INSERT INTO trakt_outbox (user_id, endpoint, payload, dedupe_key, created_at, next_attempt_at) "
                + "VALUES (?, ?, ?, ?, ?, ?)", user, "/scrobble/start", "{}", "key-1", TS, TS);
        assertThat(jdbc.queryForObject("SELECT attempts FROM trakt_outbox", Integer.class)).isZero();
        assertThatThrownBy(() -> jdbc.update("INSERT INTO trakt_outbox (user_id, endpoint, payload, dedupe_key, "
                + "created_at, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?)", user, "/scrobble/start", "{}", "key-1", TS, TS))
                .as("an event is queued once").isInstanceOf(DuplicateKeyException.class);
        assertThatThrownBy(() -> jdbc.update("INSERT INTO trakt_outbox (user_id, endpoint, payload, dedupe_key, "
                + "created_at, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?)", user, "/users/delete", "{}", "key-2", TS, TS))
                .isInstanceOf(DataIntegrityViolationException.class);

        jdbc.update("DELETE FROM app_user WHERE id = ?", user);
        assertThat(count("trakt_outbox")).isZero();
        assertThat(count("watch_progress")).isZero();
        assertThat(jdbc.queryForObject("SELECT user_id FROM trakt_user", String.class))
                .as("an unlinked Trakt account stays until it is removed").isNull();
    }

    @Test
    void syncStateAndTaskLocksRoundTrip() {
        jdbc.update("INSERT INTO sync_state (task, last_run_at, last_success_at, outcome, duration_ms, cursor_value, "
                + "consecutive_failures, next_run_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                "list-refresh", TS, TS, "success", 1234L, "page=3", 0, TS);
        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM sync_state WHERE task = 'list-refresh'");
        assertThat(row).containsEntry("cursor_value", "page=3").containsEntry("outcome", "success");
        assertThatThrownBy(() -> jdbc.update("INSERT INTO sync_state (task, consecutive_failures) VALUES (?, 0)",
                "list-refresh")).isInstanceOf(DuplicateKeyException.class);
        assertThatThrownBy(() -> jdbc.update("UPDATE sync_state SET outcome = 'meh'"))
                .isInstanceOf(DataIntegrityViolationException.class);

        jdbc.update("INSERT INTO shedlock (name, lock_until, locked_at, locked_by) VALUES (?, ?, ?, ?)",
                "list-refresh", TS, TS, "node-1");
        assertThatThrownBy(() -> jdbc.update("INSERT INTO shedlock (name, lock_until, locked_at, locked_by) "
                + "VALUES (?, ?, ?, ?)", "list-refresh", TS, TS, "node-2"))
                .as("ShedLock relies on a duplicate key here").isInstanceOf(DuplicateKeyException.class);
        assertThat(jdbc.queryForObject("SELECT locked_by FROM shedlock", String.class)).isEqualTo("node-1");
    }

    // ---- rows ----

    long movie(int tmdbId, String imdbId) {
        return insertId("INSERT INTO movie (tmdb_id, imdb_id, title, original_title, original_language, overview, "
                + "tagline, release_date, runtime, status, adult, poster_path, backdrop_path, popularity, vote_average, "
                + "vote_count, tmdb_synced_at, created_at, updated_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                tmdbId, imdbId, "Back to the Future", "Back to the Future", "en", "Marty travels back in time.",
                "He was never in time for his classes.", Date.valueOf(LocalDate.of(1985, 7, 3)), 116, "Released", false,
                "/poster.jpg", "/backdrop.jpg", 13.324, 8.3, 20577, TS, TS, TS);
    }

    long show(int tmdbId) {
        return insertId("INSERT INTO tv_show (tmdb_id, imdb_id, tvdb_id, name, first_air_date, in_production, "
                + "number_of_seasons, tmdb_synced_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "RETURNING id", tmdbId, "tt0944947", 121361, "Game of Thrones",
                Date.valueOf(LocalDate.of(2011, 4, 17)), false, 8, TS, TS, TS);
    }

    long season(long show, int number) {
        return insertId("INSERT INTO season (tv_show_id, tmdb_id, season_number, name, episode_count, created_at, "
                + "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id", show, 3624 + number, number,
                "Season " + number, 10, TS, TS);
    }

    long episode(long season, int number) {
        return insertId("INSERT INTO episode (season_id, tmdb_id, episode_number, name, air_date, runtime, created_at, "
                + "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id", season, 63056 + number, number, "Pilot",
                Date.valueOf(LocalDate.of(2011, 4, 17)), 62, TS, TS);
    }

    String user(String email, String role) {
        String id = UUID.randomUUID().toString();
        jdbc.update("INSERT INTO app_user (id, email, email_index, password_hash, role, created_at, updated_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)", id, "k1:" + email, "i:" + email, "$2a$10$" + "x".repeat(53), role, TS, TS);
        return id;
    }

    long insertId(String sql, Object... args) {
        Long id = jdbc.queryForObject(sql, Long.class, args);
        assertThat(id).isPositive();
        return id;
    }

    int count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
    }

    Set<String> tables() throws SQLException {
        Set<String> names = new TreeSet<>();
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            try (ResultSet rs = meta.getTables(null, connection.getSchema(), "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    String name = rs.getString("TABLE_NAME").toLowerCase();
                    if (!name.startsWith("flyway_") && !name.startsWith("sqlite_")) {
                        names.add(name);
                    }
                }
            }
        }
        return names;
    }
}
