package app.marquee.catalog.internal;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import org.jspecify.annotations.Nullable;

import app.marquee.catalog.tmdb.TmdbData;

/** The columns every title translation has: a language ({@code xx-YY}, as TMDB lists them) and its texts. */
@MappedSuperclass
abstract class StoredTranslation implements Translation, Translations.Updatable {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "language", nullable = false, length = 5)
    private String language;

    @Column(name = "title", length = 500)
    private @Nullable String title;

    @Column(name = "overview", columnDefinition = "text")
    private @Nullable String overview;

    @Column(name = "tagline", length = 1000)
    private @Nullable String tagline;

    protected StoredTranslation() {
    }

    StoredTranslation(TmdbData.Translation translation) {
        this.language = translation.language();
        update(translation);
    }

    @Override
    public final void update(TmdbData.Translation translation) {
        title = Title.truncate(translation.title(), 500);
        overview = translation.overview();
        tagline = Title.truncate(translation.tagline(), 1000);
    }

    @Override
    public String language() {
        return language;
    }

    @Override
    public @Nullable String title() {
        return title;
    }

    @Override
    public @Nullable String overview() {
        return overview;
    }

    @Override
    public @Nullable String tagline() {
        return tagline;
    }
}
