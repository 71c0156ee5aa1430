package app.marquee.streaming.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface StorageRepository extends JpaRepository<Storage, Long> {

    Optional<Storage> findByLocation(String location);

    /** Least recently watched first: the eviction order. */
    List<Storage> findAllByOrderByLastAccessedAtAscIdAsc();
}
