package app.marquee.accounts.internal;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import app.marquee.accounts.BlindIndex;
import app.marquee.accounts.Role;
import app.marquee.platform.ApiException;

/** Creating and finding accounts. Emails are compared trimmed and lower-cased, through their blind index. */
@Component
public class Users {

    private final UserRepository users;
    private final BlindIndex blindIndex;
    private final PasswordEncoder passwords;
    private final Clock clock;

    public Users(UserRepository users, BlindIndex blindIndex, PasswordEncoder passwords, Clock clock) {
        this.users = users;
        this.blindIndex = blindIndex;
        this.passwords = passwords;
        this.clock = clock;
    }

    public static String normaliseEmail(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    public String emailIndex(String email) {
        return blindIndex.of(normaliseEmail(email));
    }

    /**
     * Creates an account.
     *
     * @throws ApiException 409 when an account with that email exists
     */
    @Transactional
    public User create(String email, String password, Role role) {
        String index = emailIndex(email);
        if (users.findByEmailIndex(index).isPresent()) {
            throw new ApiException(HttpStatus.CONFLICT, "User already exists");
        }
        try {
            return users.saveAndFlush(new User(normaliseEmail(email), index, passwords.encode(password), role,
                    clock.instant()));
        } catch (DataIntegrityViolationException e) {
            throw new ApiException(HttpStatus.CONFLICT, "User already exists");
        }
    }

    /**
     * Creates the first admin, only while no admin exists. Serializable, so two concurrent first-run
     * set-ups cannot both succeed: one of them fails to commit.
     */
    @Transactional(isolation = Isolation.SERIALIZABLE)
    public Optional<User> createFirstAdmin(String email, String password) {
        if (users.existsByRole(Role.ADMIN)) {
            return Optional.empty();
        }
        return Optional.of(create(email, password, Role.ADMIN));
    }

    @Transactional(readOnly = true)
    public boolean anyExists() {
        return users.count() > 0;
    }

    @Transactional(readOnly = true)
    public boolean adminExists() {
        return users.existsByRole(Role.ADMIN);
    }

    @Transactional(readOnly = true)
    public Optional<User> findById(String id) {
        return users.findById(id);
    }

    @Transactional(readOnly = true)
    public Optional<User> findByEmail(String email) {
        return users.findByEmailIndex(emailIndex(email));
    }
}
