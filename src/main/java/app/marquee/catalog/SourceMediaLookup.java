package app.marquee.catalog;

import java.util.Collection;
import java.util.Map;

/**
 * The hook through which {@code includeSources} adds what each source's video holds ({@link SourceMedia}). The
 * playback module implements it (catalog cannot depend on it); without one, {@code media} stays null.
 */
public interface SourceMediaLookup {

    /** The probed sources among these ids; sources never probed are left out. */
    Map<Long, SourceMedia> mediaOf(Collection<Long> sourceIds);
}
