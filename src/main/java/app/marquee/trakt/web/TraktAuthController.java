package app.marquee.trakt.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import app.marquee.accounts.Accounts;
import app.marquee.platform.ApiError;
import app.marquee.trakt.internal.DeviceLogins;
import app.marquee.trakt.internal.DeviceLogins.Approval;
import app.marquee.trakt.internal.DeviceLogins.DeviceAuthResponse;
import app.marquee.trakt.internal.TraktAccounts;

/** Logging in to Marquee with a linked Trakt account, through Trakt's device flow (API.md). */
@RestController
@Tag(name = "Authentication")
final class TraktAuthController {

    private final DeviceLogins devices;
    private final TraktAccounts traktAccounts;
    private final Accounts accounts;

    TraktAuthController(DeviceLogins devices, TraktAccounts traktAccounts, Accounts accounts) {
        this.devices = devices;
        this.traktAccounts = traktAccounts;
        this.accounts = accounts;
    }

    record DeviceCodeRequest(@NotBlank @Pattern(regexp = "[A-Za-z0-9]{1,256}", message = "is not a device code")
            String deviceCode) {
    }

    @PostMapping("/api/auth/device/trakt")
    @Operation(summary = "Start a Trakt device login", description = "503 while Trakt is not configured.")
    DeviceAuthResponse start() {
        return devices.start();
    }

    @PostMapping("/api/auth/login/trakt")
    @Operation(summary = "Finish a Trakt device login", description = "Poll at the given interval: 202 "
            + "{pending:true} until the user approves, then the login answer of /api/auth/login.")
    ResponseEntity<?> login(@Valid @RequestBody DeviceCodeRequest body, HttpServletRequest request,
            HttpServletResponse response) {
        return switch (devices.poll(body.deviceCode())) {
            case Approval.Pending pending -> PendingAnswer.of(pending);
            case Approval.Approved approved -> traktAccounts.approved(approved.profile(), approved.tokens())
                    .flatMap(userId -> accounts.logIn(userId, "trakt", request, response))
                    .<ResponseEntity<?>>map(ResponseEntity::ok)
                    .orElseGet(() -> ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                            .body(ApiError.of("Trakt account not associated with a user")));
        };
    }

    /** The 202 of a device login that is not approved yet. */
    static final class PendingAnswer {
        private PendingAnswer() {
        }

        static ResponseEntity<?> of(Approval.Pending pending) {
            return ResponseEntity.accepted().body(pending.slowDown()
                    ? Map.of("pending", true, "slowDown", true)
                    : Map.of("pending", true));
        }
    }
}
