package app.marquee.streaming.internal;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The Storage rows, each change one short transaction. */
@Component
@Transactional
class StorageLedger {

    private final StorageRepository storage;
    private final Clock clock;

    StorageLedger(StorageRepository storage, Clock clock) {
        this.storage = storage;
        this.clock = clock;
    }

    /** Records a download (or touches it when already recorded) as watched now. */
    void opened(long sourceId, String location, long totalBytes, int pieces) {
        storage.findByMovieSourceId(sourceId).ifPresentOrElse(
                row -> row.accessed(clock.instant()),
                () -> storage.save(new Storage(sourceId, location, totalBytes, pieces, clock.instant())));
    }

    void accessed(long sourceId) {
        storage.findByMovieSourceId(sourceId).ifPresent(row -> row.accessed(clock.instant()));
    }

    void progress(long sourceId, long bytes, int pieces) {
        storage.findByMovieSourceId(sourceId).ifPresent(row -> row.progress(bytes, pieces, clock.instant()));
    }

    @Transactional(readOnly = true)
    List<Storage> leastRecentlyWatchedFirst() {
        return storage.findAllByOrderByLastAccessedAtAscIdAsc();
    }

    void delete(long storageId) {
        storage.deleteById(storageId);
    }
}
