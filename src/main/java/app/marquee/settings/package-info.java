/**
 * Runtime configuration: {@code /api/config} lists the settings of CONFIG.md an admin may change, stores
 * changed values in the database (secrets encrypted) where they win over defaults and {@code application.yml}
 * but never over environment variables or arguments, and restarts the services that can re-read their settings
 * in place (by publishing {@link app.marquee.platform.ConfigurationChanged}).
 */
@NullMarked
package app.marquee.settings;

import org.jspecify.annotations.NullMarked;
