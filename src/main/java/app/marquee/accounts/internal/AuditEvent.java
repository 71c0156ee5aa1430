package app.marquee.accounts.internal;

/** What the audit trail records. */
public enum AuditEvent {
    LOGIN("login"),
    TOKEN_REFRESH("token.refresh"),
    TOKEN_REUSE("token.reuse"),
    LOGOUT("logout"),
    USER_CREATED("user.created"),
    USER_ROLE_CHANGED("user.role-changed"),
    USER_DELETED("user.deleted"),
    ACCESS_DENIED("access.denied"),
    RATE_LIMITED("rate-limited"),
    ACCOUNT_LOCKED("account.locked"),
    CONFIG_CHANGED("config.changed"),
    CONFIG_RESTART("config.restart");

    private final String value;

    AuditEvent(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }
}
