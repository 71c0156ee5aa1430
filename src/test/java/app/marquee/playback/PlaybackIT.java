package app.marquee.playback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import app.marquee.support.ApiClient;
import app.marquee.support.FakeOpenSubtitles;
import app.marquee.support.FakeTmdb;
import app.marquee.support.FakeYts;
import app.marquee.support.HeadlessChromium;
import app.marquee.support.swarm.Swarm;
import app.marquee.support.swarm.Swarm.SeededTorrent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue #11 end to end on a loopback swarm: ffmpeg-made files seeded by aria2c, listed by a fake YTS under recorded
 * TMDB movies, probed, planned per client, remuxed/transcoded to HLS on demand, played by headless Chromium.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PlaybackIT {

    /** The MKV (H.264, AC3 5.1 eng, AAC fre, SRT eng), seeded at full speed. */
    private static final int MKV_MOVIE = 105;
    /** A 60 s MKV seeded slowly (a whole-file read takes about 40 s, 70 % of it about 30 s): for the seek. */
    private static final int SLOW_MKV_MOVIE = 122;
    /** The same MKV seeded very slowly: its ffmpeg cannot finish before the client is killed. */
    private static final int CRAWLING_MKV_MOVIE = 128;
    /** Lists the MKV (900 seeders) and an MP4 nobody has probed (10 seeders), both 1080p: for the ranking. */
    private static final int TWO_SOURCES_MOVIE = 11216;
    /** An HEVC MP4. */
    private static final int HEVC_MOVIE = 121;
    /** The HEVC MP4 in a folder with two subtitle files. */
    private static final int WITH_SUBTITLE_FILES_MOVIE = 120;
    private static final String FRENCH_SRT = "1\n00:00:02,500 --> 00:00:04,000\nBonjour à tous\n\n";
    /** What Chromium decodes (notes/browser.md): no AC3, no HEVC, no Matroska audio. */
    private static final String CHROMIUM_CAPS = "h264,aac,mp3,opus,mp4,webm";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path dataDir;
    static Path swarmDir;
    static Swarm swarm;
    static SeededTorrent mkv;
    static SeededTorrent slowMkv;
    static SeededTorrent crawlingMkv;
    static SeededTorrent hevc;
    static SeededTorrent withSubtitleFiles;
    static FakeTmdb tmdb = FakeTmdb.start();
    static FakeYts yts = FakeYts.start();
    static FakeOpenSubtitles openSubtitles = FakeOpenSubtitles.start();

    @BeforeAll
    static void seed() throws IOException {
        swarmDir = Files.createTempDirectory("playback-swarm");
        swarm = Swarm.start(swarmDir);
        Path matroska = PlaybackVideos.matroskaWithTwoLanguagesAndSubtitles();
        mkv = swarm.seed(matroska, "Helpful.Monkey.1985.1080p.mkv", 64 * 1024, null);
        slowMkv = swarm.seed(PlaybackVideos.longMatroska(), "Blank.Meerkat.2003.1080p.mkv", 64 * 1024, "250K");
        crawlingMkv = swarm.seed(matroska, "Used.Shrew.1997.1080p.mkv", 64 * 1024, "40K");
        hevc = swarm.seed(PlaybackVideos.hevcMp4(), "Genuine.Cattle.2003.1080p.x265.mp4", 64 * 1024, null);
        yts.serve("tt0088763", "Helpful Monkey", 1985, List.of(FakeYts.Torrent.of(mkv.infoHash(), "1080p", mkv.size())));
        yts.serve("tt0167260", "Blank Meerkat", 2003,
                List.of(FakeYts.Torrent.of(slowMkv.infoHash(), "1080p", slowMkv.size())));
        yts.serve("tt0119698", "Used Shrew", 1997,
                List.of(FakeYts.Torrent.of(crawlingMkv.infoHash(), "1080p", crawlingMkv.size())));
        Path subtitles = Files.createDirectories(swarmDir.resolve("subtitles"));
        Files.writeString(subtitles.resolve("French.srt"), FRENCH_SRT);
        Files.writeString(subtitles.resolve("english.vtt"), "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHello\n");
        withSubtitleFiles = swarm.seedFiles("Influential.Bat.2001.1080p", Map.of(
                "Influential.Bat.2001.1080p.mp4", PlaybackVideos.hevcMp4(),
                "French.srt", subtitles.resolve("French.srt"),
                "Influential.Bat.2001.1080p.en.vtt", subtitles.resolve("english.vtt")), 64 * 1024);
        yts.serve("tt0120737", "Influential Bat", 2001, List.of(FakeYts.Torrent.of(withSubtitleFiles.infoHash(), "1080p",
                Files.size(PlaybackVideos.hevcMp4()))));
        yts.serve("tt0167261", "Genuine Cattle", 2003, List.of(FakeYts.Torrent.of(hevc.infoHash(), "1080p", hevc.size())));
        yts.serve("tt0095765", "Scientific Salmon", 1988, List.of(
                new FakeYts.Torrent(mkv.infoHash(), "1080p", "bluray", mkv.size(), 900, 10),
                new FakeYts.Torrent("b".repeat(40), "1080p", "web", 700_000_000L, 10, 2)));
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        tmdb.register(registry, () -> dataDir);
        FakeYts.register(registry, yts);
        openSubtitles.register(registry);
        registry.add("marquee.torrent.trackers", () -> swarm.tracker().httpAnnounceUrl());
        registry.add("marquee.torrent.dht", () -> "false");
        registry.add("marquee.torrent.lsd", () -> "false");
        registry.add("marquee.streaming.read-timeout", () -> "20s");
        registry.add("marquee.sources.min-video-size", () -> "100KB"); // the HEVC file is small
        registry.add("logging.level.app.marquee.playback.internal.HlsSessions", () -> "DEBUG");
    }

    @AfterAll
    static void stop() throws IOException {
        tmdb.close();
        yts.close();
        openSubtitles.close();
        if (swarm != null) {
            swarm.close();
        }
        try (var paths = Files.walk(swarmDir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theMatroskaIsProbedAndItsTracksShownWithTheSource() throws Exception {
        ApiClient api = new ApiClient(port);
        String key = play(api, MKV_MOVIE, false);

        JsonNode media = getJson("/api/stream/" + key + "/media");
        assertThat(media.path("container").asString()).isEqualTo("matroska,webm");
        assertThat(media.path("durationSeconds").asDouble()).isBetween(29.5, 30.5);
        JsonNode video = media.path("video");
        assertThat(video.path("codec").asString()).isEqualTo("h264");
        assertThat(video.path("bitDepth").asInt()).isEqualTo(8);
        assertThat(video.path("hdr").asBoolean()).isFalse();
        assertThat(video.path("width").asInt()).isEqualTo(320);
        JsonNode audio = media.path("audio");
        assertThat(audio).hasSize(2);
        assertThat(audio.get(0).path("codec").asString()).isEqualTo("ac3");
        assertThat(audio.get(0).path("channels").asInt()).isEqualTo(6);
        assertThat(audio.get(0).path("language").asString()).isEqualTo("eng");
        assertThat(audio.get(0).path("isDefault").asBoolean()).isTrue();
        assertThat(audio.get(1).path("codec").asString()).isEqualTo("aac");
        assertThat(audio.get(1).path("channels").asInt()).isEqualTo(2);
        assertThat(audio.get(1).path("language").asString()).isEqualTo("fre");
        JsonNode subtitles = media.path("subtitles");
        assertThat(subtitles).hasSize(1);
        assertThat(subtitles.get(0).path("codec").asString()).isEqualTo("subrip");
        assertThat(subtitles.get(0).path("language").asString()).isEqualTo("eng");
        assertThat(subtitles.get(0).path("forced").asBoolean()).isFalse();
        assertThat(subtitles.get(0).path("text").asBoolean()).isTrue();

        // stored with the source: the movie's sources show it
        JsonNode source = api.get("/api/movies/" + MKV_MOVIE + "?includeSources=true").json().path("sources").get(0);
        assertThat(source.path("media").path("audio").get(1).path("language").asString()).isEqualTo("fre");
        assertThat(source.path("media").path("video").path("codec").asString()).isEqualTo("h264");

        assertThat(api.get("/api/status").json().path("services").path("ffmpeg").path("status").asString())
                .isEqualTo("running");
        String openApi = api.get("/v3/api-docs").body();
        assertThat(openApi).contains("/api/stream/{key}/playback", "/api/stream/{key}/media", "SourceMedia");
        assertThat(get("/api/stream/" + "A".repeat(43) + "/media").statusCode()).isEqualTo(401);
    }

    @Test
    void aClientWithoutAc3HearsTheLanguageItChoseAndChromiumPlaysIt() throws Exception {
        String key = play(new ApiClient(port), MKV_MOVIE, false);

        JsonNode english = getJson("/api/stream/" + key + "/playback?caps=" + CHROMIUM_CAPS + "&lang=en");
        assertThat(english.path("mode").asString()).isEqualTo("audio-transcode");
        assertThat(english.path("audioTrack").asInt()).isZero();
        JsonNode french = getJson("/api/stream/" + key + "/playback?caps=" + CHROMIUM_CAPS + "&lang=fr");
        assertThat(french.path("mode").asString()).as("AAC needs no transcode, only another container").isEqualTo("remux");
        assertThat(french.path("audioTrack").asInt()).isEqualTo(1);
        JsonNode withAc3 = getJson("/api/stream/" + key + "/playback?caps=h264,aac,ac3,mkv&lang=en");
        assertThat(withAc3.path("mode").asString()).isEqualTo("direct");
        assertThat(withAc3.path("url").asString()).isEqualTo("/api/stream/" + key);
        assertThat(get("/api/stream/" + key + "/playback?audio=7").statusCode()).isEqualTo(400);

        assertThat(audioOfFirstSegment(english.path("url").asString()))
                .containsEntry("codec_name", "aac").containsEntry("channels", "2").containsEntry("language", "eng");
        assertThat(audioOfFirstSegment(french.path("url").asString()))
                .containsEntry("codec_name", "aac").containsEntry("language", "fre");

        try (HeadlessChromium chromium = HeadlessChromium.start()) {
            JsonNode played = playInChromium(chromium, english.path("url").asString(), 2.0);
            assertThat(played.path("audioBytes").asLong()).as(played.toString()).isPositive();
            assertThat(played.path("width").asInt()).as(played.toString()).isEqualTo(320);
            assertThat(played.path("time").asDouble()).as(played.toString()).isGreaterThan(2.0);
        }
    }

    @Test
    void aSeekTo70PercentInChromiumPlaysWithinSecondsWithoutReadingTheFileFromTheStart() throws Exception {
        ApiClient api = new ApiClient(port);
        String key = play(api, SLOW_MKV_MOVIE, false);
        JsonNode plan = getJson("/api/stream/" + key + "/playback?caps=" + CHROMIUM_CAPS + "&lang=en");
        String variant = plan.path("url").asString().replace("/index.m3u8", "");
        String playlist = get(plan.path("url").asString()).body();
        assertThat(playlist).startsWith("#EXTM3U").contains("#EXT-X-MAP:URI=\"init.mp4\"", "0.m4s", "14.m4s")
                .doesNotContain("16.m4s").endsWith("#EXT-X-ENDLIST\n");

        int seekTo = (int) (0.7 * PlaybackVideos.LONG_MKV_SECONDS / 4); // the segment holding 70 %
        double seekSeconds = 0.7 * PlaybackVideos.LONG_MKV_SECONDS;
        java.util.Set<List<String>> commands = java.util.concurrent.ConcurrentHashMap.newKeySet();
        java.util.concurrent.atomic.AtomicBoolean watching = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread watcher = Thread.ofVirtual().start(() -> {
            while (watching.get()) {
                ourFfmpegs().forEach(handle -> handle.info().arguments().map(List::of).ifPresent(commands::add));
                try {
                    Thread.sleep(25);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        JsonNode seeked;
        long millis;
        double progress;
        try (HeadlessChromium chromium = HeadlessChromium.start()) {
            JsonNode playing = playInChromium(chromium, plan.path("url").asString(), 1.0);
            assertThat(playing.path("time").asDouble()).as(playing.toString()).isGreaterThan(1.0);
            long started = System.nanoTime();
            chromium.evaluate("document.getElementById('v').currentTime = " + seekSeconds);
            seeked = awaitVideo(chromium, state -> state.path("time").asDouble() > seekSeconds + 1
                    && state.path("ready").asInt() >= 3, Duration.ofSeconds(40));
            millis = (System.nanoTime() - started) / 1_000_000;
            progress = progressOf(api, "Blank Meerkat");
        } finally {
            watching.set(false);
            watcher.join();
        }
        System.out.printf("seek to 70 %% in Chromium: playing at %.1f s after %d ms, torrent %.0f %% downloaded%n",
                seeked.path("time").asDouble(), millis, progress * 100);
        assertThat(seeked.path("time").asDouble()).as(seeked.toString()).isGreaterThan(seekSeconds + 1);
        assertThat(seeked.path("audioBytes").asLong()).isPositive();
        // the seeder gives 250 KB/s and CI shares two cores: 9-17 s were seen; how fast belongs to
        // bench/playback.sh. That the seek did not read the file from its start (about 21 s at that rate) is
        // proved by the -ss and download-progress assertions below; this bound only catches a stuck seek
        assertThat(millis).isLessThan(25_000);
        assertThat(commands).as("an ffmpeg started at the segment sought, not at the start")
                .anySatisfy(command -> assertThat(String.join(" ", command)).contains("-ss " + seekTo * 4 + " -i "));
        assertThat(progress).as("the file up to 70 %% was not read first").isLessThan(0.9);

        // the segment, made by another ffmpeg run than the init the player kept, is on the file's timeline
        Path joined = Files.createTempFile(dataDir, "seek", ".mp4");
        Files.write(joined, getBytes(variant + "/init.mp4").body());
        Files.write(joined, getBytes(variant + "/" + seekTo + ".m4s").body(), java.nio.file.StandardOpenOption.APPEND);
        double start = ffprobe(joined).path("streams").get(0).path("start_time").asDouble();
        assertThat(start).isBetween(seekTo * 4 - 2.1, seekTo * 4 + 0.5);
    }

    @Test
    void subtitlesComeBackAsWebVtt() throws Exception {
        String key = play(new ApiClient(port), MKV_MOVIE, false);
        JsonNode plan = getJson("/api/stream/" + key + "/playback");
        assertThat(plan.path("subtitles")).singleElement().satisfies(track -> {
            assertThat(track.path("url").asString()).isEqualTo("/api/stream/" + key + "/subtitles/0.vtt");
            assertThat(track.path("burnInOnly").asBoolean()).isFalse();
        });

        HttpResponse<String> vtt = get("/api/stream/" + key + "/subtitles/0.vtt");
        assertThat(vtt.statusCode()).isEqualTo(200);
        assertThat(vtt.headers().firstValue("Content-Type").orElse("")).startsWith("text/vtt");
        assertThat(vtt.body()).startsWith("WEBVTT");
        // the cues where the seeded file has them (its muxer shifted the SRT by the video's start, 21 ms)
        List<long[]> times = subtitleTimes(mkv.file());
        assertThat(times).hasSize(PlaybackVideos.CUES.size());
        for (int i = 0; i < times.size(); i++) {
            PlaybackVideos.Cue cue = PlaybackVideos.CUES.get(i);
            assertThat(times.get(i)[0]).isCloseTo(cue.startMillis(), org.assertj.core.data.Offset.offset(50L));
            assertThat(vtt.body()).contains(vttTime(times.get(i)[0]) + " --> " + vttTime(times.get(i)[1]) + "\n"
                    + cue.text() + "\n");
        }
        assertThat(get("/api/stream/" + key + "/subtitles/3.vtt").statusCode()).isEqualTo(404);
    }

    @Test
    void subtitleFilesOfTheTorrentAreListedAndServedAsWebVtt() throws Exception {
        String key = play(new ApiClient(port), WITH_SUBTITLE_FILES_MOVIE, true);
        JsonNode plan = getJson("/api/stream/" + key + "/playback?hevc=true");
        assertThat(plan.path("mode").asString()).isEqualTo("direct");
        JsonNode files = plan.path("subtitles");
        assertThat(files).hasSize(2).allSatisfy(file -> assertThat(file.path("origin").asString()).isEqualTo("torrent"));
        JsonNode french = null;
        for (JsonNode file : files) {
            if (file.path("title").asString().endsWith("French.srt")) {
                french = file;
            } else {
                assertThat(file.path("title").asString()).endsWith("Influential.Bat.2001.1080p.en.vtt");
                assertThat(file.path("language").asString()).isEqualTo("eng");
            }
        }
        assertThat(french).as(files.toString()).isNotNull();
        assertThat(french.path("language").asString()).isEqualTo("fra");

        HttpResponse<String> vtt = get(french.path("url").asString());
        assertThat(vtt.statusCode()).as(vtt.body()).isEqualTo(200);
        assertThat(vtt.body()).startsWith("WEBVTT").contains("00:02.500 --> 00:04.000\nBonjour à tous");
        int videoIndex = 3 - files.get(0).path("track").asInt() - files.get(1).path("track").asInt(); // of 0, 1, 2
        assertThat(get("/api/stream/" + key + "/subtitles/file/" + videoIndex + ".vtt").statusCode())
                .as("the video is not a subtitle file").isEqualTo(404);
    }

    @Test
    void externalSubtitlesComeFromOpenSubtitlesOnceAndAsWebVtt() throws Exception {
        openSubtitles.offer(new FakeOpenSubtitles.Offered("0088763", "en", 101, 50, "Helpful.Monkey.1985.DVDRip",
                "WEBVTT\n\n00:00:02.000 --> 00:00:04.000\nFrom the DVD\n"));
        openSubtitles.offer(new FakeOpenSubtitles.Offered("0088763", "en", 102, 500, "Helpful.Monkey.1985.1080p",
                "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nFrom OpenSubtitles\n"));
        openSubtitles.offer(new FakeOpenSubtitles.Offered("0088763", "fr", 103, 9, "Helpful.Monkey.FR",
                "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nEn français\n"));
        ApiClient api = new ApiClient(port);
        String key = play(api, MKV_MOVIE, false);
        assertThat(api.get("/api/status").json().path("services").path("opensubtitles").path("status").asString())
                .isEqualTo("running");

        JsonNode english = getJson("/api/stream/" + key + "/subtitles/external?lang=en-US");
        assertThat(english).hasSize(2);
        assertThat(english.get(0).path("fileId").asLong()).as("most downloaded first").isEqualTo(102);
        assertThat(english.get(0).path("release").asString()).isEqualTo("Helpful.Monkey.1985.1080p");
        String url = english.get(0).path("url").asString();
        assertThat(url).isEqualTo("/api/stream/" + key + "/subtitles/external/102.vtt");

        HttpResponse<String> vtt = get(url);
        assertThat(vtt.statusCode()).isEqualTo(200);
        assertThat(vtt.headers().firstValue("Content-Type").orElse("")).startsWith("text/vtt");
        assertThat(vtt.body()).startsWith("WEBVTT").contains("00:00:01.000 --> 00:00:03.000\nFrom OpenSubtitles");
        assertThat(get(url).body()).isEqualTo(vtt.body());
        assertThat(getJson("/api/stream/" + key + "/subtitles/external?lang=en")).hasSize(2);
        assertThat(openSubtitles.searches()).as("searches are cached").isEqualTo(1);
        assertThat(openSubtitles.downloads()).as("files are kept").isEqualTo(1);
        assertThat(openSubtitles.refused()).isEmpty();

        assertThat(getJson("/api/stream/" + key + "/subtitles/external?lang=fr")).singleElement()
                .satisfies(french -> assertThat(french.path("fileId").asLong()).isEqualTo(103));
        assertThat(get("/api/stream/" + key + "/subtitles/external/999.vtt").statusCode())
                .as("only files offered for this movie").isEqualTo(404);
        assertThat(get("/api/stream/" + key + "/subtitles/external?lang=%3Cx%3E").statusCode()).isEqualTo(400);
        assertThat(get("/api/stream/" + "A".repeat(43) + "/subtitles/external").statusCode()).isEqualTo(401);
    }

    @Test
    void hevcIsDirectPlayedForAClientThatDecodesItAndTranscodedForOthers() throws Exception {
        String key = play(new ApiClient(port), HEVC_MOVIE, true);
        JsonNode forHevc = getJson("/api/stream/" + key + "/playback?hevc=true");
        assertThat(forHevc.path("media").path("video").path("codec").asString()).isEqualTo("hevc");
        assertThat(forHevc.path("mode").asString()).isEqualTo("direct");
        assertThat(forHevc.path("url").asString()).isEqualTo("/api/stream/" + key);

        JsonNode forOthers = getJson("/api/stream/" + key + "/playback?hevc=false");
        assertThat(forOthers.path("mode").asString()).isEqualTo("transcode");
        String variant = forOthers.path("url").asString().replace("/index.m3u8", "");
        Path joined = Files.createTempFile(dataDir, "transcoded", ".mp4");
        Files.write(joined, getBytes(variant + "/init.mp4").body());
        Files.write(joined, getBytes(variant + "/0.m4s").body(), java.nio.file.StandardOpenOption.APPEND);
        JsonNode streams = ffprobe(joined).path("streams");
        assertThat(streams.get(0).path("codec_name").asString()).isEqualTo("h264");
        assertThat(streams.get(0).path("pix_fmt").asString()).isEqualTo("yuv420p");
    }

    @Test
    void killingTheClientEndsItsFfmpegWithinSeconds() throws Exception {
        String key = play(new ApiClient(port), CRAWLING_MKV_MOVIE, false);
        JsonNode plan = getJson("/api/stream/" + key + "/playback?caps=" + CHROMIUM_CAPS + "&lang=en");
        assertThat(plan.path("mode").asString()).isEqualTo("audio-transcode");
        try (HeadlessChromium chromium = HeadlessChromium.start()) {
            chromium.evaluate(videoScript(plan.path("url").asString()));
            ProcessHandle ffmpeg = awaitFfmpeg(Duration.ofSeconds(60))
                    .orElseThrow(() -> new AssertionError("no ffmpeg started for the client"));
            // it holds the one transcode marquee.playback.max-transcodes allows: another client must wait
            String other = play(new ApiClient(port), HEVC_MOVIE, true);
            assertThat(getJson("/api/stream/" + other + "/playback?hevc=false").path("mode").asString())
                    .isEqualTo("transcode");
            HttpResponse<String> refused = get("/api/stream/" + other + "/hls/transcode/0/0.m4s");
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
            assertThat(refused.body()).contains("Transcoding capacity reached");
            chromium.kill();
            long killed = System.nanoTime();
            boolean ended = ffmpeg.onExit().toCompletableFuture().completeOnTimeout(null, 40, TimeUnit.SECONDS)
                    .thenApply(handle -> !ffmpeg.isAlive()).get();
            long seconds = (System.nanoTime() - killed) / 1_000_000_000;
            System.out.printf("client killed: its ffmpeg ended after %d s%n", seconds);
            assertThat(ended).as("ffmpeg ends once its client is gone").isTrue();
            // the server cannot tell a killed client's waiting request from a slow segment: that request keeps
            // the session for at most 8 s (HlsSessions.WAIT_CREDIT), then 8 s without a request (IDLE) stop its
            // ffmpeg, checked every second, stopped within one more (about 18 s, a margin for a busy machine);
            // without the idle rule it would run on for good
            assertThat(seconds).isLessThan(25);
            assertThat(ourFfmpegs()).isEmpty();
            assertThat(getBytes("/api/stream/" + other + "/hls/transcode/0/0.m4s").statusCode())
                    .as("its transcode slot is free again").isEqualTo(200);
        }
    }

    // --- helpers

    @Test
    void theBestSourceIsTheOneThisClientPlaysWithTheLeastWorkOnceItsMediaIsKnown() throws Exception {
        ApiClient api = new ApiClient(port);
        String chromium = "/api/movies/" + TWO_SOURCES_MOVIE + "/1080p?caps=" + CHROMIUM_CAPS;
        // nothing probed yet: the seeders decide, the MKV comes first
        ApiClient.Response first = api.post(chromium, "");
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().path("size").asLong()).isEqualTo(mkv.size());
        // the play request alone has the MKV probed, in the background, as soon as its header is in
        await().atMost(Duration.ofSeconds(60)).until(() -> api.get("/api/movies/" + TWO_SOURCES_MOVIE
                + "?includeSources=true").json().path("sources").valueStream()
                .anyMatch(source -> source.path("media").path("container").asString().startsWith("matroska")));

        // Chromium would need its AC3 transcoded: the MP4 it may play as it is comes first now
        assertThat(api.post(chromium, "").json().path("size").asLong()).isEqualTo(700_000_000L);
        // a client that plays Matroska and AC3 plays the MKV as it is: it keeps it
        assertThat(api.post("/api/movies/" + TWO_SOURCES_MOVIE + "/1080p", "",
                "X-Playback-Capabilities", "h264,ac3,aac,matroska,mp4").json().path("size").asLong())
                .isEqualTo(mkv.size());
        assertThat(api.post(chromium.replace(CHROMIUM_CAPS, "h264;drop"), "").status()).isEqualTo(400);
    }

    private String play(ApiClient api, int movie, boolean hevc) {
        ApiClient.Response play = api.post("/api/movies/" + movie + "/auto" + (hevc ? "?hevc=true" : ""), "");
        assertThat(play.status()).as(play.body()).isEqualTo(200);
        return play.json().path("streamingKey").asString();
    }

    private String videoScript(String path) {
        String url = "http://127.0.0.1:" + port + path;
        return "(() => { const v = document.createElement('video'); v.id = 'v'; v.src = '" + url
                + "'; document.body.appendChild(v); v.play().catch(e => { window.playError = String(e); }); "
                + "return true; })()";
    }

    /** Plays the URL in a video element until it has played {@code seconds} with sound, or a minute passed. */
    private JsonNode playInChromium(HeadlessChromium chromium, String path, double seconds) throws InterruptedException {
        chromium.evaluate(videoScript(path));
        return awaitVideo(chromium, state -> state.path("time").asDouble() > seconds
                && state.path("audioBytes").asLong() > 0, Duration.ofSeconds(60));
    }

    /** Polls the video element until its state passes the test, it fails, or the limit passed; its last state. */
    private static JsonNode awaitVideo(HeadlessChromium chromium, java.util.function.Predicate<JsonNode> done,
            Duration limit) throws InterruptedException {
        String state = "({time: v.currentTime, ready: v.readyState, width: v.videoWidth, "
                + "audioBytes: v.webkitAudioDecodedByteCount, videoBytes: v.webkitVideoDecodedByteCount, "
                + "error: v.error && v.error.code, playError: window.playError || null})";
        JsonNode last = null;
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            last = chromium.evaluate("(() => { const v = document.getElementById('v'); return " + state + "; })()");
            if (done.test(last) || !last.path("error").isNull() && !last.path("error").isMissingNode()) {
                return last;
            }
            Thread.sleep(200);
        }
        return last;
    }

    private java.util.Map<String, String> audioOfFirstSegment(String playlistPath) throws Exception {
        String variant = playlistPath.replace("/index.m3u8", "");
        Path joined = Files.createTempFile(dataDir, "segment", ".mp4");
        Files.write(joined, getBytes(variant + "/init.mp4").body());
        Files.write(joined, getBytes(variant + "/0.m4s").body(), java.nio.file.StandardOpenOption.APPEND);
        for (JsonNode stream : ffprobe(joined).path("streams")) {
            if (stream.path("codec_type").asString().equals("audio")) {
                return java.util.Map.of("codec_name", stream.path("codec_name").asString(),
                        "channels", stream.path("channels").asString(),
                        "language", stream.path("tags").path("language").asString(""));
            }
        }
        throw new AssertionError("no audio in the segment");
    }

    private static JsonNode ffprobe(Path file) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("ffprobe", "-v", "error", "-print_format", "json", "-show_streams",
                file.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(30, TimeUnit.SECONDS);
        return JSON.readTree(out);
    }

    private double progressOf(ApiClient api, String title) {
        for (JsonNode stream : api.get("/api/stats").json().path("streams")) {
            if (stream.path("title").asString().equals(title)) {
                return stream.path("progress").asDouble();
            }
        }
        throw new AssertionError("no stream of " + title);
    }

    /** The ffmpeg processes this server started (their HTTP user agent names its data directory). */
    private static List<ProcessHandle> ourFfmpegs() {
        String marker = dataDir.toAbsolutePath().normalize().toString();
        return ProcessHandle.allProcesses().filter(ProcessHandle::isAlive)
                .filter(handle -> handle.info().command().orElse("").endsWith("ffmpeg"))
                .filter(handle -> handle.info().arguments().map(List::of).orElse(List.of()).stream()
                        .anyMatch(argument -> argument.contains(marker)))
                .toList();
    }

    private static Optional<ProcessHandle> awaitFfmpeg(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            List<ProcessHandle> running = ourFfmpegs();
            if (!running.isEmpty()) {
                return Optional.of(running.getFirst());
            }
            Thread.sleep(100);
        }
        return Optional.empty();
    }

    /** WebVTT time as ffmpeg writes it: hours only when there are any. */
    private static String vttTime(long millis) {
        String minutes = String.format("%02d:%02d.%03d", millis / 60_000 % 60, millis / 1000 % 60, millis % 1000);
        return millis >= 3_600_000 ? String.format("%02d:", millis / 3_600_000) + minutes : minutes;
    }

    /** Start and end (ms) of each subtitle packet of the file, as ffprobe reads them. */
    private static List<long[]> subtitleTimes(Path file) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("ffprobe", "-v", "error", "-select_streams", "s:0", "-show_entries",
                "packet=pts_time,duration_time", "-of", "csv=p=0", file.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(30, TimeUnit.SECONDS);
        return out.lines().filter(line -> !line.isBlank()).map(line -> {
            String[] parts = line.split(",");
            long start = Math.round(Double.parseDouble(parts[0]) * 1000);
            return new long[] {start, start + Math.round(Double.parseDouble(parts[1]) * 1000)};
        }).toList();
    }

    private JsonNode getJson(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<byte[]> getBytes(String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response;
    }
}
