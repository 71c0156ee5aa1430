package app.marquee.sources.yts;

import java.net.URI;
import java.util.Map;

import app.marquee.sources.mirrors.MirrorsUnavailableException;

/**
 * No YTS mirror could answer a search: each failed (timeout, refused connection, error status, a page that is
 * not the YTS API) or is cooling down after failing. The message names each mirror and why. Nothing is known
 * about the movie; ask again later.
 */
public final class YtsUnavailableException extends MirrorsUnavailableException {

    YtsUnavailableException(String what, Map<URI, String> reasons) {
        super("YTS", what, reasons);
    }
}
