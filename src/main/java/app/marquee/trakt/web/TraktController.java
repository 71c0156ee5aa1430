package app.marquee.trakt.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import app.marquee.accounts.Accounts;
import app.marquee.accounts.CurrentUser;
import app.marquee.accounts.UserDto;
import app.marquee.platform.ApiException;
import app.marquee.trakt.internal.DeviceLogins;
import app.marquee.trakt.internal.DeviceLogins.Approval;
import app.marquee.trakt.internal.DeviceLogins.DeviceAuthResponse;
import app.marquee.trakt.internal.TraktAccount;
import app.marquee.trakt.internal.TraktAccounts;
import app.marquee.trakt.internal.TraktAccounts.Association;
import app.marquee.trakt.internal.WatchlistImport;

/** A user's link to Trakt: see it, make it through the device flow, remove it; an admin links by slug. */
@RestController
@Tag(name = "Trakt")
final class TraktController {

    private final TraktAccounts traktAccounts;
    private final DeviceLogins devices;
    private final Accounts accounts;
    private final WatchlistImport watchlists;

    TraktController(TraktAccounts traktAccounts, DeviceLogins devices, Accounts accounts, WatchlistImport watchlists) {
        this.traktAccounts = traktAccounts;
        this.devices = devices;
        this.accounts = accounts;
        this.watchlists = watchlists;
    }

    record AssociateRequest(
            @NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{1,100}", message = "is not a Trakt slug") String traktSlug,
            @NotBlank @Email String userEmail) {
    }

    record AssociationView(Long id, String traktSlug, String userEmail) {
    }

    record AssociateResponse(boolean success, AssociationView association) {
    }

    @GetMapping("/api/trakt/association")
    @Operation(summary = "The caller's Trakt link")
    Association association(@AuthenticationPrincipal CurrentUser user) {
        return traktAccounts.association(user.id());
    }

    @PostMapping("/api/trakt/admin/associate")
    @Operation(summary = "Link a Trakt slug to a user (admin)")
    AssociateResponse associate(@Valid @RequestBody AssociateRequest body) {
        UserDto target = accounts.findByEmail(body.userEmail())
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "User not found"));
        TraktAccount linked = traktAccounts.associate(body.traktSlug(), target.id());
        return new AssociateResponse(true, new AssociationView(linked.getId(), linked.getTraktSlug(), target.email()));
    }

    @PostMapping("/api/trakt/device")
    @Operation(summary = "Start linking the caller's own Trakt account")
    DeviceAuthResponse startLink() {
        return devices.start();
    }

    @PostMapping("/api/trakt/link")
    @Operation(summary = "Finish linking", description = "202 {pending:true} until the user approves at Trakt.")
    ResponseEntity<?> link(@Valid @RequestBody TraktAuthController.DeviceCodeRequest body,
            @AuthenticationPrincipal CurrentUser user) {
        return switch (devices.poll(body.deviceCode())) {
            case Approval.Pending pending -> TraktAuthController.PendingAnswer.of(pending);
            case Approval.Approved approved -> {
                Association linked = traktAccounts.link(user.id(), approved.profile(), approved.tokens());
                watchlists.importSoon(user.id());
                yield ResponseEntity.ok(linked);
            }
        };
    }

    @DeleteMapping("/api/trakt/link")
    @Operation(summary = "Unlink the caller's Trakt account")
    Association unlink(@AuthenticationPrincipal CurrentUser user) {
        traktAccounts.unlink(user.id());
        return traktAccounts.association(user.id());
    }
}
