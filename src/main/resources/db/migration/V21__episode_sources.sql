-- Episodes get torrent sources too. movie_source becomes torrent_source, whose row belongs to a movie or to an
-- episode: one table keeps one id space, so streaming keys, the source DTO's id and the source tasks (metadata,
-- tracker counts, resync) need no notion of which kind of title a torrent is for. A season pack is one row per
-- episode asked for, each with its own video file. storage now records a torrent on disk by its location (the
-- directory named after the info-hash), whatever titles it serves: two episodes of one pack share one download.
--
-- SQLite cannot drop a NOT NULL or re-point a foreign key in place, so the tables are rebuilt: the children
-- (streaming_key, storage) are copied aside and recreated before movie_source is dropped, so the drop cascades
-- into nothing. Copies that keep ids (torrent_source: clients hold source ids) move PostgreSQL's identity
-- sequence past them (${postgresql_only} is empty on PostgreSQL and comments the line out on SQLite).

CREATE TABLE torrent_source (
    id                   ${id_pk},
    movie_id             BIGINT                   REFERENCES movie (id) ON DELETE CASCADE,
    episode_id           BIGINT                   REFERENCES episode (id) ON DELETE CASCADE,
    info_hash_index      VARCHAR(64)              NOT NULL,
    info_hash            VARCHAR(255)             NOT NULL,
    magnet               TEXT                     NOT NULL,
    torrent_url          VARCHAR(2048),
    indexer              VARCHAR(32)              NOT NULL,
    release_name         VARCHAR(500),
    quality              VARCHAR(8),
    video_codec          VARCHAR(16),
    bit_depth            INTEGER,
    hdr                  BOOLEAN                  NOT NULL DEFAULT FALSE,
    audio_channels       VARCHAR(8),
    release_type         VARCHAR(16),
    size_bytes           BIGINT,
    seeders              INTEGER,
    leechers             INTEGER,
    uploaded_at          TIMESTAMP WITH TIME ZONE,
    trackers_checked_at  TIMESTAMP WITH TIME ZONE,
    metadata_status      VARCHAR(16)              NOT NULL DEFAULT 'pending',
    metadata_reason      VARCHAR(255),
    metadata_attempts    INTEGER                  NOT NULL DEFAULT 0,
    metadata_checked_at  TIMESTAMP WITH TIME ZONE,
    torrent_data         ${blob},
    file_list            TEXT,
    video_file_index     INTEGER,
    video_file_path      VARCHAR(1024),
    video_file_size      BIGINT,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_torrent_source_movie_hash UNIQUE (movie_id, info_hash_index),
    CONSTRAINT uq_torrent_source_episode_hash UNIQUE (episode_id, info_hash_index),
    CONSTRAINT ck_torrent_source_one_title CHECK (
        (movie_id IS NOT NULL AND episode_id IS NULL) OR (movie_id IS NULL AND episode_id IS NOT NULL)),
    CONSTRAINT ck_torrent_source_metadata_status CHECK (metadata_status IN ('pending', 'valid', 'rejected')),
    CONSTRAINT ck_torrent_source_counts CHECK (
        (seeders IS NULL OR seeders >= 0) AND (leechers IS NULL OR leechers >= 0) AND (size_bytes IS NULL OR size_bytes >= 0))
);
INSERT INTO torrent_source (id, movie_id, info_hash_index, info_hash, magnet, torrent_url, indexer, release_name,
        quality, video_codec, bit_depth, hdr, audio_channels, release_type, size_bytes, seeders, leechers,
        uploaded_at, trackers_checked_at, metadata_status, metadata_reason, metadata_attempts, metadata_checked_at,
        torrent_data, file_list, video_file_index, video_file_path, video_file_size, created_at, updated_at)
    SELECT id, movie_id, info_hash_index, info_hash, magnet, torrent_url, indexer, release_name,
        quality, video_codec, bit_depth, hdr, audio_channels, release_type, size_bytes, seeders, leechers,
        uploaded_at, trackers_checked_at, metadata_status, metadata_reason, metadata_attempts, metadata_checked_at,
        torrent_data, file_list, video_file_index, video_file_path, video_file_size, created_at, updated_at
    FROM movie_source;
${postgresql_only}SELECT setval(pg_get_serial_sequence('torrent_source', 'id'), (SELECT COALESCE(MAX(id), 0) + 1 FROM torrent_source), false);
CREATE INDEX ix_torrent_source_movie ON torrent_source (movie_id);
CREATE INDEX ix_torrent_source_episode ON torrent_source (episode_id);
CREATE INDEX ix_torrent_source_hash_index ON torrent_source (info_hash_index);
CREATE INDEX ix_torrent_source_trackers_checked_at ON torrent_source (trackers_checked_at);
CREATE INDEX ix_torrent_source_metadata ON torrent_source (metadata_status, metadata_checked_at);

-- streaming_key: source_id now points at torrent_source
CREATE TABLE streaming_key_copy AS
    SELECT key_hash, user_id, movie_id, episode_id, movie_source_id, quality, created_at, expires_at FROM streaming_key;
DROP TABLE streaming_key;
CREATE TABLE streaming_key (
    id                  ${id_pk},
    key_hash            VARCHAR(64)              NOT NULL,
    user_id             VARCHAR(36)              NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    movie_id            BIGINT                   REFERENCES movie (id) ON DELETE CASCADE,
    episode_id          BIGINT                   REFERENCES episode (id) ON DELETE CASCADE,
    source_id           BIGINT                   REFERENCES torrent_source (id) ON DELETE CASCADE,
    quality             VARCHAR(8),
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_streaming_key_hash UNIQUE (key_hash),
    CONSTRAINT ck_streaming_key_one_title CHECK (
        (movie_id IS NOT NULL AND episode_id IS NULL) OR (movie_id IS NULL AND episode_id IS NOT NULL))
);
INSERT INTO streaming_key (key_hash, user_id, movie_id, episode_id, source_id, quality, created_at, expires_at)
    SELECT key_hash, user_id, movie_id, episode_id, movie_source_id, quality, created_at, expires_at
    FROM streaming_key_copy;
DROP TABLE streaming_key_copy;
CREATE INDEX ix_streaming_key_expires_at ON streaming_key (expires_at);
CREATE INDEX ix_streaming_key_user ON streaming_key (user_id);

-- storage: one row per torrent directory (two movies listing one torrent had two rows for one directory)
CREATE TABLE storage_copy AS
    SELECT location, total_bytes, downloaded_bytes, pieces_total, pieces_done, resume_data, last_accessed_at,
        created_at, updated_at
    FROM storage WHERE id IN (SELECT MIN(id) FROM storage GROUP BY location);
DROP TABLE storage;
CREATE TABLE storage (
    id                  ${id_pk},
    location            VARCHAR(1024)            NOT NULL,
    total_bytes         BIGINT                   NOT NULL,
    downloaded_bytes    BIGINT                   NOT NULL DEFAULT 0,
    pieces_total        INTEGER                  NOT NULL,
    pieces_done         INTEGER                  NOT NULL DEFAULT 0,
    resume_data         ${blob},
    last_accessed_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_storage_location UNIQUE (location),
    CONSTRAINT ck_storage_progress CHECK (
        downloaded_bytes >= 0 AND downloaded_bytes <= total_bytes AND pieces_done >= 0 AND pieces_done <= pieces_total)
);
INSERT INTO storage (location, total_bytes, downloaded_bytes, pieces_total, pieces_done, resume_data,
        last_accessed_at, created_at, updated_at)
    SELECT location, total_bytes, downloaded_bytes, pieces_total, pieces_done, resume_data, last_accessed_at,
        created_at, updated_at
    FROM storage_copy;
DROP TABLE storage_copy;
CREATE INDEX ix_storage_last_accessed_at ON storage (last_accessed_at);

DROP TABLE movie_source;

-- when an episode's sources were last searched (null: never), as movie.sources_searched_at
ALTER TABLE episode ADD COLUMN sources_searched_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX ix_episode_sources_searched_at ON episode (sources_searched_at);
