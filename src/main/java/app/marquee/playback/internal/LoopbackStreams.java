package app.marquee.playback.internal;

import java.net.InetAddress;
import java.net.URI;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The URL at which ffmpeg and ffprobe read a key's video: this server's own {@code GET /api/stream/:key} over
 * loopback. It serves HTTP ranges and makes every read wait for (and put deadlines on) its pieces, so the media
 * tools seek in a torrent that is still downloading exactly as a player would.
 */
@Component
class LoopbackStreams {

    private final @Nullable String address;
    private volatile int port = -1;

    LoopbackStreams(Environment environment) {
        this.address = environment.getProperty("server.address");
    }

    @EventListener
    void serverStarted(WebServerInitializedEvent event) {
        if (event.getApplicationContext().getServerNamespace() == null) {
            port = event.getWebServer().getPort();
        }
    }

    URI streamOf(String key) {
        if (port < 0) {
            throw new IllegalStateException("the web server has not started");
        }
        return URI.create("http://" + host() + ":" + port + "/api/stream/" + key);
    }

    private String host() {
        if (address == null || address.isBlank()) {
            return "127.0.0.1";
        }
        try {
            InetAddress bound = InetAddress.getByName(address);
            if (bound.isAnyLocalAddress()) {
                return "127.0.0.1";
            }
            return bound.getHostAddress().contains(":") ? "[" + bound.getHostAddress() + "]" : bound.getHostAddress();
        } catch (java.net.UnknownHostException e) {
            return "127.0.0.1";
        }
    }
}
