package app.marquee.catalog.internal;

import org.jspecify.annotations.Nullable;

/** The translated texts of a title in one language; any of them may be missing (then English is served). */
interface Translation {

    String language();

    @Nullable String title();

    @Nullable String overview();

    @Nullable String tagline();
}
