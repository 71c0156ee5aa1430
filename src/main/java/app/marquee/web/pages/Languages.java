package app.marquee.web.pages;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

import app.marquee.accounts.CurrentUser;

/**
 * The language each profile reads titles in ({@code lang} of the API), remembered per profile in a cookie of
 * its own, so two people sharing a TV keep theirs.
 */
final class Languages {

    static final String DEFAULT = "en";
    /** The languages offered in the picker; the API takes any 2-5 letter code. */
    static final List<String> OFFERED = List.of("en", "es", "fr", "de", "it", "pt-BR");
    private static final Pattern CODE = Pattern.compile("[a-z]{2}(-[A-Z]{2})?");

    private Languages() {
    }

    static String of(HttpServletRequest request, CurrentUser user) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (cookie.getName().equals(cookieName(user)) && isCode(cookie.getValue())) {
                    return cookie.getValue();
                }
            }
        }
        return DEFAULT;
    }

    static boolean isCode(String value) {
        return value != null && CODE.matcher(value).matches();
    }

    static void remember(HttpServletResponse response, CurrentUser user, String lang) {
        response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(cookieName(user), lang)
                .path("/").httpOnly(true).sameSite("Strict").maxAge(Duration.ofDays(365)).build().toString());
    }

    private static String cookieName(CurrentUser user) {
        return "__lang_" + user.id();
    }
}
