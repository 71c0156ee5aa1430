package app.marquee.catalog.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A genre's name in one language ({@code en}, {@code es}, {@code pt-BR}). */
@Entity
@Table(name = "genre_translation")
class GenreTranslation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "genre_id", nullable = false)
    private Genre genre;

    @Column(name = "language", nullable = false, length = 5)
    private String language;

    @Column(name = "name", nullable = false, length = 100)
    private String name;

    protected GenreTranslation() {
    }

    GenreTranslation(Genre genre, String language, String name) {
        this.genre = genre;
        this.language = language;
        this.name = name;
    }

    String language() {
        return language;
    }

    String name() {
        return name;
    }

    void rename(String newName) {
        this.name = newName;
    }
}
