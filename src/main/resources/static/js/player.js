// The player: asks the API for a streaming key, plays /api/stream/<key> in a plain <video>, resumes from
// the saved position and saves progress (every 10 s, on pause, at the end), shows buffering and download state,
// and explains a stream that fails.
'use strict';

(function () {
    const api = window.Marquee.api;
    const page = document.getElementById('player');
    const video = document.getElementById('video');
    const buffering = document.getElementById('buffering');
    const download = document.getElementById('download');
    // a movie (data-movie, its TMDB id) or an episode (data-show, data-season, data-episode)
    const movieId = page.dataset.movie ? Number(page.dataset.movie) : null;
    const episode = page.dataset.show ? {
        showId: Number(page.dataset.show), season: Number(page.dataset.season), episode: Number(page.dataset.episode)
    } : null;
    const title = page.dataset.streamTitle || document.querySelector('#player h1').textContent;
    const SAVE_EVERY_MS = 10000;
    let streamUrl = null;
    let lastSaved = 0;
    let failed = false;

    function fail(text) {
        failed = true;
        document.getElementById('failure-message').textContent = text;
        document.getElementById('failure').hidden = false;
        buffering.hidden = true;
        document.getElementById('failure-back').focus();
    }

    // Why a request for a key or the stream failed, in words: API.md's statuses.
    function explain(status, body) {
        const error = body && body.error ? body.error : '';
        switch (status) {
            case 404: return error && error.indexOf('quality') >= 0
                ? 'There is no source of this quality. Try another one on the ' + (episode ? 'show' : 'movie') + ' page.'
                : 'No source is available to play this ' + (episode ? 'episode' : 'movie') + ' yet.';
            case 503: return 'Playback is paused: the VPN is down, so no torrent traffic may leave this server.';
            case 504: return 'The video did not start in time: nobody seems to share it right now.';
            case 401: return 'Your session or this video link expired. Go back and press Play again.';
            default: return 'The video cannot be played (' + (error || 'error ' + status) + ').';
        }
    }

    async function save(status) {
        if (!video.duration || !isFinite(video.duration) || failed) {
            return;
        }
        lastSaved = Date.now();
        const progress = Math.min(1, Math.max(0, video.currentTime / video.duration));
        await api('/api/progress', {
            method: 'POST', keepalive: true,
            json: Object.assign(episode ? { type: 'episode' } : { type: 'movie', movieId: movieId },
                episode || {}, { progress: progress, status: status })
        });
    }

    async function resumeFraction() {
        const saved = await api('/api/progress');
        if (!saved.ok) {
            return 0;
        }
        const entry = saved.body.progress.find(p => episode
            ? p.type === 'episode' && p.showId === episode.showId && p.season === episode.season
                && p.episode === episode.episode
            : p.type === 'movie' && p.movieId === movieId);
        return entry && entry.status !== 'completed' && entry.progress < 0.95 ? entry.progress : 0;
    }

    async function pollDownload() {
        if (failed) {
            return;
        }
        const stats = await api('/api/stats');
        const stream = stats.ok ? stats.body.streams.find(s => s.title === title) : null;
        if (stream && stream.progress < 1) {
            download.hidden = false;
            download.textContent = 'Downloading ' + Math.floor(stream.progress * 100) + ' % · '
                + stream.peers + ' peers · ' + (stream.downloadRate / 1048576).toFixed(1) + ' MB/s';
        } else {
            download.hidden = true;
        }
    }

    // What this browser decodes, as the names GET /api/stream/:key/playback takes (ffprobe's): asked of the
    // element and of Media Source Extensions, never assumed. Matroska is left out: Chromium answers "maybe" for
    // it and then plays the video without an AC3 track's sound, so an MKV is remuxed for it instead.
    function capabilities() {
        const plays = type => video.canPlayType(type) !== ''
            || (window.MediaSource !== undefined && MediaSource.isTypeSupported(type));
        const names = {
            h264: 'video/mp4; codecs="avc1.42E01E"', hevc: 'video/mp4; codecs="hvc1.1.6.L93.B0"',
            vp8: 'video/webm; codecs="vp8"', vp9: 'video/webm; codecs="vp9"', av1: 'video/mp4; codecs="av01.0.05M.08"',
            aac: 'audio/mp4; codecs="mp4a.40.2"', mp3: 'audio/mpeg', opus: 'audio/webm; codecs="opus"',
            vorbis: 'audio/webm; codecs="vorbis"', flac: 'audio/mp4; codecs="flac"', ac3: 'audio/mp4; codecs="ac-3"',
            eac3: 'audio/mp4; codecs="ec-3"', mp4: 'video/mp4', webm: 'video/webm'
        };
        return Object.keys(names).filter(name => plays(names[name]));
    }

    // The subtitle tracks the server offers as WebVTT, for the player's own menu (none shown until picked).
    function addSubtitles(options) {
        for (const option of options || []) {
            if (!option.url) {
                continue; // image subtitles can only be burnt in
            }
            const track = document.createElement('track');
            track.kind = 'subtitles';
            track.src = option.url;
            if (option.language) {
                track.srclang = option.language.slice(0, 2);
            }
            track.label = (option.title || option.language || 'Subtitles') + (option.forced ? ' (forced)' : '');
            video.appendChild(track);
        }
    }

    async function start() {
        const quality = page.dataset.quality || 'auto';
        const caps = capabilities();
        const canHevc = caps.indexOf('hevc') >= 0;
        const titlePath = episode
            ? '/api/shows/' + episode.showId + '/seasons/' + episode.season + '/episodes/' + episode.episode
            : '/api/movies/' + movieId;
        const key = await api(titlePath + '/' + encodeURIComponent(quality) + '?hevc=' + canHevc
            + '&caps=' + encodeURIComponent(caps.join(',')), { method: 'POST' });
        if (!key.ok) {
            fail(explain(key.status, key.body));
            return;
        }
        const resume = await resumeFraction();
        const direct = '/api/stream/' + encodeURIComponent(key.body.streamingKey);
        // the server decides how this browser plays the file: as it is, or remuxed/transcoded to HLS
        const plan = await api(direct + '/playback?hevc=' + canHevc + '&caps=' + encodeURIComponent(caps.join(','))
            + '&lang=' + encodeURIComponent(page.dataset.lang || 'en'));
        streamUrl = plan.ok ? plan.body.url : direct;
        page.dataset.mode = plan.ok ? plan.body.mode : 'direct';
        if (plan.ok) {
            addSubtitles(plan.body.subtitles);
        }
        video.addEventListener('loadedmetadata', function () {
            if (resume > 0 && isFinite(video.duration)) {
                video.currentTime = resume * video.duration;
            }
        }, { once: true });
        video.src = streamUrl;
        page.dataset.state = 'loading';
        const playing = video.play();
        if (playing) {
            playing.catch(() => { /* autoplay refused: the controls are there */ });
        }
        pollDownload();
        setInterval(pollDownload, 3000);
    }

    video.addEventListener('waiting', () => { buffering.hidden = false; page.dataset.state = 'buffering'; });
    video.addEventListener('playing', () => { buffering.hidden = true; page.dataset.state = 'playing'; });
    video.addEventListener('timeupdate', function () {
        if (!video.paused && Date.now() - lastSaved >= SAVE_EVERY_MS) {
            save('watching');
        }
    });
    video.addEventListener('pause', function () {
        if (!video.ended) {
            save('paused');
        }
    });
    video.addEventListener('ended', () => save('completed'));
    window.addEventListener('pagehide', function () {
        if (!video.paused && !video.ended) {
            save('paused');
        }
    });
    video.addEventListener('error', async function () {
        if (!streamUrl) {
            return;
        }
        // the element does not say why; the same URL asked directly does
        const probe = await fetch(streamUrl, { headers: { 'Range': 'bytes=0-0' } });
        let body = null;
        if ((probe.headers.get('Content-Type') || '').includes('json')) {
            body = await probe.json();
        }
        fail(probe.ok ? 'This browser cannot play this video format.' : explain(probe.status, body));
    });

    start();
})();
