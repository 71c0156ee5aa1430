/** The OpenSubtitles REST API client (search by IMDb id and language, download as WebVTT); its wire types stay here. */
@NullMarked
package app.marquee.playback.opensubtitles;

import org.jspecify.annotations.NullMarked;
