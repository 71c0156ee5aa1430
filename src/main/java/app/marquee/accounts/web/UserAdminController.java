package app.marquee.accounts.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import app.marquee.accounts.AuditRecord;
import app.marquee.accounts.CurrentUser;
import app.marquee.accounts.Role;
import app.marquee.accounts.UserDto;
import app.marquee.accounts.internal.ClientAddresses;
import app.marquee.accounts.internal.UserAdministration;

/** Admin-only: the accounts (list, change role, delete) and the audit trail. Creating one is {@code POST /api/auth/users}. */
@RestController
@Tag(name = "Authentication")
final class UserAdminController {

    private final UserAdministration administration;
    private final ClientAddresses addresses;

    UserAdminController(UserAdministration administration, ClientAddresses addresses) {
        this.administration = administration;
        this.addresses = addresses;
    }

    record RoleChange(@NotNull @Pattern(regexp = "admin|user", message = "must be \"admin\" or \"user\"") String role) {
    }

    @GetMapping("/api/auth/users")
    @Operation(summary = "All accounts (admin)")
    List<UserDto> users() {
        return administration.list();
    }

    @PatchMapping("/api/auth/users/{id}")
    @Operation(summary = "Change a user's role (admin)", description = "409 when it would leave no admin.")
    UserDto changeRole(@PathVariable String id, @Valid @RequestBody RoleChange body,
            @AuthenticationPrincipal CurrentUser admin, HttpServletRequest request) {
        return administration.changeRole(id, Role.of(body.role()), admin, addresses.client(request));
    }

    @DeleteMapping("/api/auth/users/{id}")
    @Operation(summary = "Delete a user and all of theirs (admin)", description = "409 for the last admin.")
    ResponseEntity<Void> delete(@PathVariable String id, @AuthenticationPrincipal CurrentUser admin,
            HttpServletRequest request) {
        administration.delete(id, admin, addresses.client(request));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/audit")
    @Operation(summary = "The audit trail, newest first (admin)", description = "Filters: event (e.g. login, "
            + "access.denied), outcome (success, failure, denied); limit 1-500, default 100.")
    List<AuditRecord> audit(@RequestParam(required = false) @Nullable String event,
            @RequestParam(required = false) @Nullable String outcome, @RequestParam(defaultValue = "100") int limit) {
        return administration.auditTrail(event, outcome, limit);
    }
}
