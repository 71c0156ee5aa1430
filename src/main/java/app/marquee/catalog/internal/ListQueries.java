package app.marquee.catalog.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import app.marquee.catalog.ListResponse;
import app.marquee.catalog.ListSummary;
import app.marquee.catalog.MediaDto;

/**
 * Lists as the API serves them, from the database only. A list page costs a fixed number of queries
 * whatever its length: the items with their titles, the titles' genres in batches, and (not English) the
 * translations of all its titles at once.
 */
@Component
@Transactional(readOnly = true)
public class ListQueries {

    private final MediaListRepository lists;
    private final TitleQueries titles;
    private final ImageUrls images;

    ListQueries(MediaListRepository lists, TitleQueries titles, ImageUrls images) {
        this.lists = lists;
        this.titles = titles;
        this.images = images;
    }

    public List<ListSummary> lists() {
        return lists.findAllByOrderByIdAsc().stream()
                .map(l -> new ListSummary(l.name(), l.slug(), l.description(), "/list/" + l.slug()))
                .toList();
    }

    public Optional<ListResponse> list(String slug, String lang) {
        return lists.findBySlug(slug).map(list -> {
            List<MediaListItem> items = lists.findItems(list);
            List<Long> movieIds = items.stream().map(MediaListItem::movie).filter(Objects::nonNull).map(Movie::id).toList();
            List<Long> showIds = items.stream().map(MediaListItem::show).filter(Objects::nonNull).map(TvShow::id).toList();
            Map<Long, Translation> movieTexts = titles.movieTranslations(movieIds, lang);
            Map<Long, Translation> showTexts = titles.showTranslations(showIds, lang);
            List<MediaDto> results = new ArrayList<>(items.size());
            for (MediaListItem item : items) {
                if (item.movie() != null) {
                    results.add(movie(item.movie(), movieTexts.get(item.movie().id()), lang));
                } else if (item.show() != null) {
                    results.add(show(item.show(), showTexts.get(item.show().id()), lang));
                }
            }
            return new ListResponse(results, results.size(),
                    new ListResponse.ListInfo(list.name(), list.slug(), list.description()));
        });
    }

    private MediaDto.MovieDto movie(Movie m, Translation t, String lang) {
        return new MediaDto.MovieDto("movie", m.id(), m.tmdbId(), m.imdbId(),
                Translations.or(t == null ? null : t.title(), m.title()),
                Translations.or(t == null ? null : t.overview(), m.overview()),
                images.poster(m.posterPath()), images.backdrop(m.backdropPath()), titles.genreNames(m.genres(), lang),
                m.popularity(), m.voteAverage(), m.releaseDate(), m.runtime(), m.createdAt(), m.updatedAt());
    }

    private MediaDto.TvShowDto show(TvShow s, Translation t, String lang) {
        return new MediaDto.TvShowDto("tvshow", s.id(), s.tmdbId(),
                Translations.or(t == null ? null : t.title(), s.name()),
                Translations.or(t == null ? null : t.overview(), s.overview()),
                images.poster(s.posterPath()), images.backdrop(s.backdropPath()), titles.genreNames(s.genres(), lang),
                s.popularity(), s.voteAverage(), s.firstAirDate(), s.createdAt(), s.updatedAt());
    }
}
