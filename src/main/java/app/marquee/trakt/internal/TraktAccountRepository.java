package app.marquee.trakt.internal;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface TraktAccountRepository extends JpaRepository<TraktAccount, Long> {

    Optional<TraktAccount> findByTraktSlug(String traktSlug);

    Optional<TraktAccount> findByUserId(String userId);
}
