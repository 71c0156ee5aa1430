package app.marquee.network;

import org.springframework.http.HttpStatus;

import app.marquee.platform.ApiException;

/**
 * Traffic that must go through the VPN was refused because the VPN is down: never sent another way.
 * Answered as 503 when it reaches the API.
 */
public class VpnDownException extends ApiException {

    public VpnDownException(String message) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "VPN is down", message);
    }
}
