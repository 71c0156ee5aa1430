/**
 * What every module stands on: the data directory, secrets generated at first start, the database
 * set-up (SQLite by default, PostgreSQL by URL), and the JSON error and request-id conventions of the API.
 */
@NullMarked
package app.marquee.platform;

import org.jspecify.annotations.NullMarked;
