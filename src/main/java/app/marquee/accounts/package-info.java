/**
 * Users, roles, sessions, JWT access and rotating refresh tokens, rate limits, the audit log, and field
 * encryption with blind indexes for sensitive columns.
 */
@NullMarked
package app.marquee.accounts;

import org.jspecify.annotations.NullMarked;
