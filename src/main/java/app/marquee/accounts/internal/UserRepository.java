package app.marquee.accounts.internal;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

import app.marquee.accounts.Role;

public interface UserRepository extends JpaRepository<User, String> {

    Optional<User> findByEmailIndex(String emailIndex);

    boolean existsByRole(Role role);

    long countByRole(Role role);

    java.util.List<User> findAllByOrderByCreatedAtAsc();
}
