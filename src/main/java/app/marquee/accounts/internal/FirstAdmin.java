package app.marquee.accounts.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

import app.marquee.accounts.AdminProperties;
import app.marquee.accounts.internal.AuditEntry.Outcome;
import app.marquee.platform.Secrets;

/**
 * At start-up: creates the admin of {@code MARQUEE_ADMIN_EMAIL}/{@code MARQUEE_ADMIN_PASSWORD} when no
 * user exists; otherwise, on a server with no user at all, says once how to create the first admin.
 */
@Component
class FirstAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

    private final AdminProperties admin;
    private final Users users;
    private final AuditTrail audit;

    FirstAdmin(AdminProperties admin, Users users, AuditTrail audit) {
        this.admin = admin;
        this.users = users;
        this.audit = audit;
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean configured = Secrets.isSet(admin.email()) && Secrets.isSet(admin.password());
        if (Secrets.isSet(admin.email()) != Secrets.isSet(admin.password())) {
            log.warn("marquee.admin.email and marquee.admin.password must both be set to create the first admin");
        }
        if (users.anyExists()) {
            return;
        }
        if (configured) {
            users.createFirstAdmin(admin.email(), admin.password()).ifPresent(user -> {
                audit.record(AuditEvent.USER_CREATED, Outcome.SUCCESS, user.getId(), user.getEmail(), null,
                        ClientInfo.SERVER, "first admin (marquee.admin.*)");
                log.info("Created the first admin account from marquee.admin.email");
            });
            return;
        }
        log.warn("No account exists yet. Create the first admin by opening the server in a browser, by "
                + "POST /api/auth/setup with {\"email\":...,\"password\":...}, or by starting with "
                + "MARQUEE_ADMIN_EMAIL and MARQUEE_ADMIN_PASSWORD set.");
    }
}
