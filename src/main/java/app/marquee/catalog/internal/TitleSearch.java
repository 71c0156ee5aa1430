package app.marquee.catalog.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import app.marquee.catalog.MovieResponse;
import app.marquee.catalog.SearchResponse;
import app.marquee.catalog.ShowResponse;
import app.marquee.catalog.tmdb.TmdbClient;
import app.marquee.catalog.tmdb.TmdbData;
import app.marquee.catalog.tmdb.TmdbException;
import app.marquee.platform.ApiException;

/**
 * Title search, database first: stored titles whose English title contains the query; when they are fewer
 * than a page, TMDB's multi search (through the response cache) adds its titles, each stored as any read
 * stores it, so the next search finds them in the database. While TMDB cannot be asked, the stored matches
 * are the answer.
 */
@Component
public class TitleSearch {

    private static final Logger log = LoggerFactory.getLogger(TitleSearch.class);
    /** As many as a row of posters shows; also the most TMDB titles one search stores. */
    static final int PAGE = 20;

    private final MovieRepository movies;
    private final TvShowRepository shows;
    private final TmdbClient tmdb;
    private final TitleReader titles;
    private final TransactionTemplate read;

    TitleSearch(MovieRepository movies, TvShowRepository shows, TmdbClient tmdb, TitleReader titles,
            PlatformTransactionManager transactions) {
        this.movies = movies;
        this.shows = shows;
        this.tmdb = tmdb;
        this.titles = titles;
        this.read = new TransactionTemplate(transactions);
        this.read.setReadOnly(true);
    }

    private record Hit(TmdbData.Kind kind, int tmdbId) {
    }

    /** @param query 1 to 100 characters, already checked */
    public SearchResponse search(String query, String lang) {
        Set<Hit> hits = new LinkedHashSet<>(stored(query));
        if (hits.size() < PAGE) {
            hits.addAll(fromTmdb(query, PAGE - hits.size()));
        }
        titles.prepareLanguage(lang);
        List<SearchResponse.Result> results = new ArrayList<>();
        for (Hit hit : hits) {
            try {
                results.add(hit.kind() == TmdbData.Kind.MOVIE ? movie(titles.movie(hit.tmdbId(), lang, false))
                        : show(titles.show(hit.tmdbId(), lang)));
            } catch (ApiException e) {
                log.debug("search: {} {} left out: {}", hit.kind(), hit.tmdbId(), e.error());
            }
        }
        return new SearchResponse(results, results.size());
    }

    private List<Hit> stored(String query) {
        // LIKE's wildcards in the query are taken literally by dropping them: titles rarely hold them
        String pattern = "%" + query.toLowerCase(Locale.ROOT).replace("%", "").replace("_", "") + "%";
        return read.execute(status -> {
            List<Hit> found = new ArrayList<>();
            movies.findTmdbIdsByTitleLike(pattern, PageRequest.of(0, PAGE))
                    .forEach(id -> found.add(new Hit(TmdbData.Kind.MOVIE, id)));
            shows.findTmdbIdsByNameLike(pattern, PageRequest.of(0, PAGE))
                    .forEach(id -> found.add(new Hit(TmdbData.Kind.TV, id)));
            return found;
        });
    }

    private List<Hit> fromTmdb(String query, int wanted) {
        List<Hit> found = new ArrayList<>();
        try {
            for (TmdbData.ListEntry entry : tmdb.search(query, TmdbClient.Read.CACHED).results()) {
                if (found.size() == wanted) {
                    break;
                }
                try {
                    if (entry.kind() == TmdbData.Kind.MOVIE) {
                        titles.storeMovie(entry.id());
                    } else {
                        titles.storeShow(entry.id());
                    }
                    found.add(new Hit(entry.kind(), entry.id()));
                } catch (TmdbException.NotFound e) {
                    log.debug("search: TMDB lists {} {} but has no details", entry.kind(), entry.id());
                }
            }
        } catch (TmdbException e) {
            log.info("search: TMDB cannot be asked ({}); answering with stored titles", e.getMessage());
        }
        return found;
    }

    private static SearchResponse.Result movie(MovieResponse m) {
        return new SearchResponse.Result("movie", m.tmdbId(), m.title(), m.overview(), m.poster(), m.backdrop(),
                m.releaseDate(), m.rating());
    }

    private static SearchResponse.Result show(ShowResponse s) {
        return new SearchResponse.Result("show", s.tmdbId(), s.title(), s.overview(), s.poster(), s.backdrop(),
                s.firstAirDate(), s.rating());
    }
}
