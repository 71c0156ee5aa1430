package app.marquee.catalog.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import app.marquee.catalog.MovieSummary;
import app.marquee.catalog.TitleIds;
import app.marquee.platform.ApiException;

/** {@link TitleIds} on the catalog's tables, through {@link TitleReader}'s read path for titles not stored yet. */
@Component
class TitleIdResolver implements TitleIds {

    private static final String EPISODE = """
            SELECT e.id, s.tmdb_id AS show_tmdb_id, se.season_number, e.episode_number
            FROM episode e JOIN season se ON se.id = e.season_id JOIN tv_show s ON s.id = se.tv_show_id
            """;

    private final TitleReader reader;
    private final NamedParameterJdbcTemplate jdbc;

    TitleIdResolver(TitleReader reader, NamedParameterJdbcTemplate jdbc) {
        this.reader = reader;
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Long> movieId(int tmdbId) {
        return reader.movie(tmdbId).map(MovieSummary::id);
    }

    @Override
    public Optional<EpisodeRef> episode(int showTmdbId, int season, int episode) {
        try {
            reader.season(showTmdbId, season); // stores the show, the season and its episodes when missing
        } catch (ApiException e) {
            if (e.status() == HttpStatus.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
        return jdbc.query(EPISODE + " WHERE s.tmdb_id = :show AND se.season_number = :season AND e.episode_number = :episode",
                new MapSqlParameterSource().addValue("show", showTmdbId).addValue("season", season)
                        .addValue("episode", episode),
                (rs, row) -> new EpisodeRef(rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)))
                .stream().findFirst();
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, Integer> movieTmdbIds(Collection<Long> movieIds) {
        Map<Long, Integer> found = new HashMap<>();
        if (!movieIds.isEmpty()) {
            jdbc.query("SELECT id, tmdb_id FROM movie WHERE id IN (:ids)", Map.of("ids", movieIds),
                    rs -> {
                        found.put(rs.getLong(1), rs.getInt(2));
                    });
        }
        return found;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, EpisodeRef> episodes(Collection<Long> episodeIds) {
        Map<Long, EpisodeRef> found = new HashMap<>();
        if (!episodeIds.isEmpty()) {
            jdbc.query(EPISODE + " WHERE e.id IN (:ids)", Map.of("ids", episodeIds), rs -> {
                found.put(rs.getLong(1), new EpisodeRef(rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)));
            });
        }
        return found;
    }
}
