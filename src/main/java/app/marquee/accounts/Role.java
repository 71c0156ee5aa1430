package app.marquee.accounts;

import java.util.Locale;

/** What a user may do. An admin may do everything a user may. */
public enum Role {
    ADMIN,
    USER;

    /** The wire and database form: {@code "admin"} or {@code "user"}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role of a wire value; {@link IllegalArgumentException} for anything else. */
    public static Role of(String value) {
        return switch (value) {
            case "admin" -> ADMIN;
            case "user" -> USER;
            default -> throw new IllegalArgumentException("role must be \"admin\" or \"user\"");
        };
    }
}
