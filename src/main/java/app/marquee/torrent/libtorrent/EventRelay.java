package app.marquee.torrent.libtorrent;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;

import app.marquee.torrent.TorrentEvent;

/**
 * Publishes {@link TorrentEvent}s as Spring application events on one thread of its own, in order: listeners
 * never run on libtorrent's alert thread, so a slow one cannot stall the engine or overflow its alert queue.
 */
final class EventRelay implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EventRelay.class);

    private final ApplicationEventPublisher publisher;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().daemon().name("torrent-events").factory());

    EventRelay(ApplicationEventPublisher publisher) {
        this.publisher = publisher;
    }

    void publish(TorrentEvent event) {
        try {
            thread.execute(() -> {
                try {
                    publisher.publishEvent(event);
                } catch (RuntimeException e) {
                    // boundary: a failing listener must not end the relay thread's work for the others
                    log.warn("a listener of {} failed: {}", event, e.getMessage(), e);
                }
            });
        } catch (RejectedExecutionException e) {
            log.debug("engine stopped; {} not published", event);
        }
    }

    @Override
    public void close() {
        thread.shutdown();
        try {
            thread.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
