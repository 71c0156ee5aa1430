package app.marquee.sync.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface SyncStateRepository extends JpaRepository<SyncState, String> {

    List<SyncState> findAllByOrderByTaskAsc();
}
