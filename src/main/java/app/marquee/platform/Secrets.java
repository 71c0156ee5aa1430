package app.marquee.platform;

import java.net.URI;

import org.jspecify.annotations.Nullable;

/**
 * Helpers that keep secret values out of logs and messages: settings records print themselves through
 * these, so a record that is logged or shown in an error never carries a key, token or password.
 */
public final class Secrets {

    private Secrets() {
    }

    /** True when a secret setting has a value. */
    public static boolean isSet(@Nullable String value) {
        return value != null && !value.isBlank();
    }

    /** {@code "<set>"} or {@code "<unset>"}: never any part of the value. */
    public static String mask(@Nullable String value) {
        return isSet(value) ? "<set>" : "<unset>";
    }

    /** The URL without the credentials a user may have put in it ({@code https://user:pass@host}). */
    public static String redactUrl(@Nullable URI url) {
        if (url == null) {
            return "<unset>";
        }
        if (url.getRawUserInfo() == null) {
            return url.toString();
        }
        return url.toString().replace(url.getRawUserInfo() + "@", "<credentials>@");
    }
}
