package app.marquee.network.web;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import app.marquee.network.NetworkGate;
import app.marquee.network.VpnState;
import app.marquee.platform.ServiceStatus;

/** {@code GET /api/status}: the VPN and every outside service, as API.md gives it. No secret is ever in it. */
@RestController
@Tag(name = "Operations")
final class StatusController {

    private final NetworkGate gate;
    private final List<ServiceStatus.Reporter> reporters;

    private final List<ServiceStatus.ReporterGroup> groups;

    StatusController(NetworkGate gate, List<ServiceStatus.Reporter> reporters,
            ObjectProvider<ServiceStatus.ReporterGroup> groups) {
        this.gate = gate;
        this.reporters = reporters;
        this.groups = groups.orderedStream().toList();
    }

    /** @param isVpnActive null when no VPN interface is configured */
    record Vpn(@Nullable Boolean isVpnActive, boolean disabled) {
    }

    record Status(Vpn vpn, Map<String, ServiceStatus> services) {
    }

    @GetMapping("/api/status")
    @Operation(summary = "VPN and service status")
    Status status() {
        VpnState vpn = gate.vpn();
        Map<String, ServiceStatus> services = ServiceStatus.report(reporters, groups);
        return new Status(new Vpn(vpn.isDisabled() ? null : vpn.isUp(), vpn.isDisabled()), services);
    }
}
