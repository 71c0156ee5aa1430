package app.marquee.settings.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import app.marquee.accounts.Accounts;
import app.marquee.accounts.Accounts.ConfigurationAction;
import app.marquee.accounts.CurrentUser;
import app.marquee.platform.ServiceStatus;
import app.marquee.settings.internal.RuntimeConfiguration;

/**
 * {@code /api/config} (API.md): the settings an admin may change at run time, storing changes, and restarting a
 * service so it re-reads them. Route role: admin. Every change and restart is audited, without secret values.
 */
@RestController
@Tag(name = "Configuration")
final class ConfigController {

    private final RuntimeConfiguration configuration;
    private final Accounts accounts;

    ConfigController(RuntimeConfiguration configuration, Accounts accounts) {
        this.configuration = configuration;
        this.accounts = accounts;
    }

    record Change(@NotBlank @Size(max = 128) String key, @NotNull @Size(max = 4000) String value) {
    }

    record Changes(@NotNull @Size(min = 1, max = 200) List<@Valid @NotNull Change> entries) {
    }

    record Applied(boolean success, List<String> restarting, List<String> needsProcessRestart) {
    }

    record Refused(boolean success, List<String> invalidKeys, Map<String, String> errors) {
    }

    record Restarted(boolean success, ServiceStatus status) {
    }

    record ProcessRestartRequired(String error, boolean requiresProcessRestart) {
    }

    @GetMapping("/api/config")
    @Operation(summary = "Settings an admin may change (admin)",
            description = "A secret's value is always empty; hasValue tells whether it is set. locked: an environment "
                    + "variable or argument fixes it.")
    List<RuntimeConfiguration.Entry> list() {
        return configuration.list();
    }

    @PutMapping("/api/config")
    @Operation(summary = "Change settings (admin)",
            description = "All or nothing: 400 with invalidKeys when a value would be refused at start-up or a key is "
                    + "locked; an empty value removes a stored one. Services that re-read settings in place are "
                    + "restarted (restarting); the others apply them at the next start (needsProcessRestart).")
    Applied update(@Valid @RequestBody Changes body, @AuthenticationPrincipal CurrentUser admin,
            HttpServletRequest request) {
        Map<String, String> changes = new LinkedHashMap<>();
        body.entries().forEach(change -> changes.put(change.key().strip(), change.value().strip()));
        try {
            RuntimeConfiguration.Applied applied = configuration.update(changes, admin.id());
            accounts.auditConfiguration(admin, ConfigurationAction.CHANGED, true, applied.auditDetail(), request);
            return new Applied(true, applied.restarting(), applied.needsProcessRestart());
        } catch (RuntimeConfiguration.Refused e) {
            accounts.auditConfiguration(admin, ConfigurationAction.CHANGED, false,
                    "refused: " + String.join(", ", e.invalidKeys()), request);
            throw e;
        }
    }

    @PostMapping("/api/config/{service}/restart")
    @Operation(summary = "Restart a service so it re-reads its settings (admin)",
            description = "Answers the service's status as /api/status reports it; restarting tmdb checks the "
                    + "credentials with one call to TMDB. 422 for a service that needs a process restart.")
    Restarted restart(@PathVariable String service, @AuthenticationPrincipal CurrentUser admin,
            HttpServletRequest request) {
        ServiceStatus status = configuration.restart(service);
        accounts.auditConfiguration(admin, ConfigurationAction.RESTARTED, true, service + ": " + status.status().value(),
                request);
        return new Restarted(true, status);
    }

    @ExceptionHandler(RuntimeConfiguration.Refused.class)
    ResponseEntity<Refused> refused(RuntimeConfiguration.Refused e) {
        return ResponseEntity.badRequest().body(new Refused(false, e.invalidKeys(), e.reasons()));
    }

    @ExceptionHandler(RuntimeConfiguration.ProcessRestartRequired.class)
    ResponseEntity<ProcessRestartRequired> processRestart(RuntimeConfiguration.ProcessRestartRequired e) {
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(new ProcessRestartRequired(e.getMessage(), true));
    }
}
