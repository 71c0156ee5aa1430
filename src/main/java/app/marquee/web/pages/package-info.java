/**
 * The pages of the web UI: each controller renders what other modules' facades answer for the signed-in
 * profile, and the browser scripts under {@code static/js} call the HTTP API itself where a page acts
 * (logging in, playing, saving progress), exactly as any other client does.
 */
@NullMarked
package app.marquee.web.pages;

import org.jspecify.annotations.NullMarked;
