/**
 * Making every file play in the client that asks: probes each source's video with ffprobe, decides per client
 * between direct play, remux, audio transcode and full transcode, serves remuxed/transcoded video as HLS whose
 * segments are made on demand from the time asked (reading the torrent-backed stream, so a seek never restarts
 * from the start of the file), and serves subtitles as WebVTT. ffmpeg runs as bounded child processes the
 * server owns. Without ffmpeg, clients direct-play.
 */
@NullMarked
package app.marquee.playback;

import org.jspecify.annotations.NullMarked;
