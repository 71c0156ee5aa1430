package app.marquee.web.pages;

import org.jspecify.annotations.Nullable;

/** Where a page may send the browser after an action: only a path of this server, never another site. */
final class SafeRedirects {

    private SafeRedirects() {
    }

    static String localPath(@Nullable String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\")
                || next.chars().anyMatch(Character::isISOControl)) {
            return "/";
        }
        return next;
    }
}
