package app.marquee.trakt.internal;

import java.time.Clock;
import java.time.Instant;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import app.marquee.platform.ApiException;
import app.marquee.trakt.client.TraktClient;
import app.marquee.trakt.client.TraktClient.DevicePoll;
import app.marquee.trakt.client.TraktClient.Profile;
import app.marquee.trakt.client.TraktClient.Tokens;
import app.marquee.trakt.client.TraktUnavailableException;

/**
 * Trakt's OAuth device flow as the API offers it: start one, then poll it once per client call, as often as
 * the interval Trakt gave. The server keeps no state between polls: the client holds the device code.
 */
@Component
public class DeviceLogins {

    private final TraktClient trakt;
    private final Clock clock;

    public DeviceLogins(TraktClient trakt, Clock clock) {
        this.trakt = trakt;
        this.clock = clock;
    }

    /** API.md's {@code DeviceAuthResponse}. */
    public record DeviceAuthResponse(String codeUrl, String userCode, String deviceCode, int expiresIn, int interval,
            Instant expiresAt) {
    }

    /** Where a device login stands after one poll. */
    public sealed interface Approval {
        /** Not approved yet; {@code slowDown} when the client polled faster than the interval. */
        record Pending(boolean slowDown) implements Approval {
        }

        record Approved(Profile profile, Tokens tokens) implements Approval {
        }
    }

    public DeviceAuthResponse start() {
        try {
            TraktClient.DeviceCode code = trakt.requestDeviceCode();
            return new DeviceAuthResponse(code.verificationUrl(), code.userCode(), code.deviceCode(), code.expiresIn(),
                    code.interval(), clock.instant().plusSeconds(code.expiresIn()));
        } catch (TraktUnavailableException e) {
            throw unavailable(e);
        }
    }

    /**
     * Polls Trakt once.
     *
     * @throws ApiException 400 for an unknown code, 409 for a used one, 410 for an expired one, 403 when the user
     *     denied access, 502 when Trakt fails
     */
    public Approval poll(String deviceCode) {
        try {
            return switch (trakt.pollDeviceToken(deviceCode)) {
                case DevicePoll.Approved approved -> new Approval.Approved(
                        trakt.profile(approved.tokens().accessToken()), approved.tokens());
                case DevicePoll.Pending pending -> new Approval.Pending(false);
                case DevicePoll.SlowDown slowDown -> new Approval.Pending(true);
                case DevicePoll.Invalid invalid -> throw new ApiException(HttpStatus.BAD_REQUEST, "Invalid device code");
                case DevicePoll.AlreadyUsed used -> throw new ApiException(HttpStatus.CONFLICT, "Device code already used");
                case DevicePoll.Expired expired -> throw new ApiException(HttpStatus.GONE, "Device code expired",
                        "Start a new device login");
                case DevicePoll.Denied denied -> throw new ApiException(HttpStatus.FORBIDDEN,
                        "Trakt authorization denied");
            };
        } catch (TraktUnavailableException e) {
            throw unavailable(e);
        }
    }

    private static ApiException unavailable(TraktUnavailableException e) {
        return new ApiException(HttpStatus.BAD_GATEWAY, "Trakt is unavailable", e.getMessage());
    }
}
