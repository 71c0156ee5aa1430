package app.marquee.catalog.web;

import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;

import app.marquee.platform.ApiException;

/** The input rules of API.md for catalog routes: ids, season numbers and {@code lang}. */
final class RequestChecks {

    /** {@code en}, {@code es}, {@code pt-BR}: a language, optionally a region; 2-5 characters. */
    private static final Pattern LANG = Pattern.compile("[A-Za-z]{2}(-[A-Za-z]{2})?");

    private RequestChecks() {
    }

    static int id(int id) {
        if (id <= 0) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "Invalid id", "ids are positive TMDB ids");
        }
        return id;
    }

    static int seasonNumber(int number) {
        if (number < 0) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "Invalid season", "season numbers are integers >= 0");
        }
        return number;
    }

    static int episodeNumber(int number) {
        if (number < 0) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "Invalid episode", "episode numbers are integers >= 0");
        }
        return number;
    }

    /** The language in canonical form ({@code pt-br} → {@code pt-BR}). */
    static String lang(String lang) {
        if (!LANG.matcher(lang).matches()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "Invalid lang",
                    "lang is a language code of 2-5 characters such as en, es or pt-BR");
        }
        String base = lang.substring(0, 2).toLowerCase(Locale.ROOT);
        return lang.length() == 2 ? base : base + "-" + lang.substring(3).toUpperCase(Locale.ROOT);
    }
}
