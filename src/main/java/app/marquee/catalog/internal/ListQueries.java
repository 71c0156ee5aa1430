package app.marquee.catalog.internal;

import java.util.ArrayList;
import java.util.HashMap;
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
 * whatever its length: the list, its items with their titles' columns (a projection, not entities), the
 * titles' genre ids, and (not English) the translations of all its titles at once.
 */
@Component
@Transactional(readOnly = true)
public class ListQueries {

    private final MediaListRepository lists;
    private final TitleQueries titles;
    private final GenreNames genreNames;
    private final ImageUrls images;

    ListQueries(MediaListRepository lists, TitleQueries titles, GenreNames genreNames, ImageUrls images) {
        this.lists = lists;
        this.titles = titles;
        this.genreNames = genreNames;
        this.images = images;
    }

    /** The lists {@code userId} may see: everyone's, and their own. */
    public List<ListSummary> lists(String userId) {
        return lists.findAllByOrderByIdAsc().stream()
                .filter(l -> l.visibleTo(userId))
                .map(l -> new ListSummary(l.name(), l.slug(), l.description(), "/list/" + l.slug()))
                .toList();
    }

    /** A list by slug, when {@code userId} may see it (another user's own list is as good as missing). */
    public Optional<ListResponse> list(String slug, String lang, String userId) {
        return lists.findBySlug(slug).filter(l -> l.visibleTo(userId)).map(list -> {
            List<ListItemRow> rows = lists.findItemRows(list.id());
            List<Long> movieIds = rows.stream().map(ListItemRow::movieId).filter(Objects::nonNull).toList();
            List<Long> showIds = rows.stream().map(ListItemRow::showId).filter(Objects::nonNull).toList();
            Map<Long, List<Integer>> movieGenres = movieIds.isEmpty() ? Map.of() : byId(lists.findMovieGenres(list.id()));
            Map<Long, List<Integer>> showGenres = showIds.isEmpty() ? Map.of() : byId(lists.findShowGenres(list.id()));
            Map<Long, Translation> movieTexts = titles.movieTranslations(movieIds, lang);
            Map<Long, Translation> showTexts = titles.showTranslations(showIds, lang);
            List<MediaDto> results = new ArrayList<>(rows.size());
            for (ListItemRow row : rows) {
                if (row.movieId() != null) {
                    results.add(movie(row, movieTexts.get(row.movieId()),
                            genreNames.names(movieGenres.getOrDefault(row.movieId(), List.of()), lang)));
                } else if (row.showId() != null) {
                    results.add(show(row, showTexts.get(row.showId()),
                            genreNames.names(showGenres.getOrDefault(row.showId(), List.of()), lang)));
                }
            }
            return new ListResponse(results, results.size(),
                    new ListResponse.ListInfo(list.name(), list.slug(), list.description()));
        });
    }

    private MediaDto.MovieDto movie(ListItemRow r, Translation t, List<String> genres) {
        return new MediaDto.MovieDto("movie", r.movieId(), r.movieTmdbId(), r.imdbId(),
                Translations.or(t == null ? null : t.title(), r.title()),
                Translations.or(t == null ? null : t.overview(), r.movieOverview()),
                images.poster(r.moviePoster()), images.backdrop(r.movieBackdrop()), genres, r.moviePopularity(),
                r.movieRating(), r.releaseDate(), r.runtime(), r.movieCreatedAt(), r.movieUpdatedAt());
    }

    private MediaDto.TvShowDto show(ListItemRow r, Translation t, List<String> genres) {
        return new MediaDto.TvShowDto("tvshow", r.showId(), r.showTmdbId(),
                Translations.or(t == null ? null : t.title(), r.name()),
                Translations.or(t == null ? null : t.overview(), r.showOverview()),
                images.poster(r.showPoster()), images.backdrop(r.showBackdrop()), genres, r.showPopularity(),
                r.showRating(), r.firstAirDate(), r.showCreatedAt(), r.showUpdatedAt());
    }

    private static Map<Long, List<Integer>> byId(List<Object[]> rows) {
        Map<Long, List<Integer>> result = new HashMap<>();
        for (Object[] row : rows) {
            result.computeIfAbsent((Long) row[0], id -> new ArrayList<>()).add((Integer) row[1]);
        }
        return result;
    }
}
