-- What ffprobe found in a source's video file (container, codecs, audio and subtitle tracks), probed once per
-- source when it is first played; playback decides from it between direct play, remux and transcode. A source
-- row names one video file (a season pack has one row per episode), so one probe per row.
-- media_json is the whole summary (the API's SourceMedia); the columns beside it are for queries.
CREATE TABLE source_media (
    source_id        BIGINT                   NOT NULL PRIMARY KEY REFERENCES torrent_source (id) ON DELETE CASCADE,
    file_name        VARCHAR(1000)            NOT NULL,
    container        VARCHAR(64)              NOT NULL,
    video_codec      VARCHAR(32),
    duration_ms      BIGINT,
    media_json       TEXT                     NOT NULL,
    probed_at        TIMESTAMP WITH TIME ZONE NOT NULL
);
