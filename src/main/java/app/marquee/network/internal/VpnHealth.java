package app.marquee.network.internal;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

import app.marquee.network.VpnProperties;
import app.marquee.network.VpnState;

/** The VPN in Actuator's health: DOWN only while it is required and down. */
@Component("vpn")
class VpnHealth implements HealthIndicator {

    private final VpnMonitor monitor;
    private final VpnProperties properties;

    VpnHealth(VpnMonitor monitor, VpnProperties properties) {
        this.monitor = monitor;
        this.properties = properties;
    }

    @Override
    public Health health() {
        VpnState vpn = monitor.current();
        Health.Builder health = vpn.status() == VpnState.Status.DOWN && properties.required()
                ? Health.down()
                : Health.up();
        health.withDetail("status", vpn.status().name().toLowerCase(java.util.Locale.ROOT));
        if (vpn.interfaceName() != null) {
            health.withDetail("interface", vpn.interfaceName());
        }
        if (vpn.reason() != null) {
            health.withDetail("reason", vpn.reason());
        }
        return health.build();
    }
}
