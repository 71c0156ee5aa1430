package app.marquee.platform;

/**
 * Published after the settings of one service changed at run time, or an admin asked to restart it
 * ({@code POST /api/config/:service/restart}). Delivered synchronously on the publisher's thread: the module
 * that owns {@code service} rebinds its properties record from the {@link org.springframework.core.env.Environment}
 * with {@link SettingsBinder} and starts afresh before the publisher goes on, so the publisher can report the
 * service's status right after. Modules listen for their own service names only.
 *
 * @param service a service group of the configuration API: {@code tmdb}, {@code trakt}, {@code indexers}...
 */
public record ConfigurationChanged(String service) {

    public boolean concerns(String name) {
        return service.equals(name);
    }
}
