package app.marquee.web.pages;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import app.marquee.accounts.Accounts;
import app.marquee.accounts.CurrentUser;
import app.marquee.network.NetworkGate;
import app.marquee.network.VpnState;
import app.marquee.platform.ServiceStatus;

/**
 * The first run: while no admin exists, the form that creates one ({@code POST /api/auth/setup} from the
 * browser); then, for the admin, the outside services: the TMDB read token checked live, Trakt's app
 * credentials, and whether a VPN interface is configured and up.
 */
@Controller
final class SetupPage {

    private final Accounts accounts;
    private final NetworkGate network;
    private final List<ServiceStatus.Reporter> reporters;

    SetupPage(Accounts accounts, NetworkGate network, List<ServiceStatus.Reporter> reporters) {
        this.accounts = accounts;
        this.network = network;
        this.reporters = reporters;
    }

    @GetMapping("/setup")
    String setup(Model model) {
        if (accounts.needsSetup()) {
            model.addAttribute("step", "account");
            return "setup";
        }
        CurrentUser user = SignedInPages.currentUser();
        if (user == null) {
            return "redirect:/profiles?next=/setup";
        }
        if (!user.isAdmin()) {
            return "redirect:/";
        }
        model.addAttribute("step", "services");
        model.addAttribute("vpn", vpnLine(network.vpn()));
        model.addAttribute("vpnUp", network.vpn().isDisabled() || network.vpn().isUp());
        Map<String, ServiceStatus> services = new TreeMap<>();
        reporters.forEach(reporter -> services.put(reporter.service(), reporter.status()));
        model.addAttribute("services", services);
        return "setup";
    }

    private static String vpnLine(VpnState vpn) {
        if (vpn.isDisabled()) {
            return "No VPN interface is configured (marquee.vpn.interface): torrent traffic uses the default route.";
        }
        return vpn.isUp()
                ? "VPN interface " + vpn.interfaceName() + " is up: torrent traffic leaves only through it."
                : "VPN interface " + vpn.interfaceName() + " is down" + (vpn.reason() == null ? "" : ": " + vpn.reason());
    }
}
