package app.marquee.sources.eztv;

import java.net.URI;
import java.util.Map;

import app.marquee.sources.mirrors.MirrorsUnavailableException;

/**
 * No EZTV mirror could answer a request: each failed (timeout, refused connection, error status, a page that is
 * not the EZTV API) or is cooling down after failing. The message names each mirror and why. Nothing is known
 * about the show; ask again later.
 */
public final class EztvUnavailableException extends MirrorsUnavailableException {

    EztvUnavailableException(String what, Map<URI, String> reasons) {
        super("EZTV", what, reasons);
    }
}
