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

    /**
     * Records a download (or updates it when already recorded) as watched now, with the bytes and pieces of the
     * files selected in it.
     */
    void opened(String location, long wantedBytes, int wantedPieces) {
        storage.findByLocation(location).ifPresentOrElse(
                row -> row.wanted(wantedBytes, wantedPieces, clock.instant()),
                () -> storage.save(new Storage(location, wantedBytes, wantedPieces, clock.instant())));
    }

    void accessed(String location) {
        storage.findByLocation(location).ifPresent(row -> row.accessed(clock.instant()));
    }

    void progress(String location, long bytes, int pieces) {
        storage.findByLocation(location).ifPresent(row -> row.progress(bytes, pieces, clock.instant()));
    }

    @Transactional(readOnly = true)
    List<Storage> leastRecentlyWatchedFirst() {
        return storage.findAllByOrderByLastAccessedAtAscIdAsc();
    }

    void delete(long storageId) {
        storage.deleteById(storageId);
    }
}
