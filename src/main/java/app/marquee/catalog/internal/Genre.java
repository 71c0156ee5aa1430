package app.marquee.catalog.internal;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;

/** A TMDB genre, stored once for movies and shows alike (TMDB's genre ids do not collide), named per language. */
@Entity
@Table(name = "genre")
class Genre {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "tmdb_id", nullable = false)
    private int tmdbId;

    @OneToMany(mappedBy = "genre", cascade = CascadeType.ALL, orphanRemoval = true)
    private List<GenreTranslation> translations = new ArrayList<>();

    protected Genre() {
    }

    Genre(int tmdbId) {
        this.tmdbId = tmdbId;
    }

    Long id() {
        return id;
    }

    int tmdbId() {
        return tmdbId;
    }

    List<GenreTranslation> translations() {
        return translations;
    }

    /** Sets this genre's name in {@code language}, adding the translation if it is new. */
    void name(String language, String name) {
        for (GenreTranslation translation : translations) {
            if (translation.language().equals(language)) {
                translation.rename(name);
                return;
            }
        }
        translations.add(new GenreTranslation(this, language, name));
    }
}
