package app.marquee.trakt.web;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import app.marquee.accounts.CurrentUser;
import app.marquee.trakt.ProgressEntry;
import app.marquee.trakt.internal.ProgressTracker;

/** Watch progress (API.md): each user reads and writes only their own. */
@RestController
@Tag(name = "Progress")
final class ProgressController {

    private final ProgressTracker tracker;

    ProgressController(ProgressTracker tracker) {
        this.tracker = tracker;
    }

    record ProgressRequest(
            @NotNull @Pattern(regexp = "movie|episode", message = "must be \"movie\" or \"episode\"") String type,
            @NotNull @DecimalMin("0.0") @DecimalMax("1.0") Double progress,
            @NotNull @Pattern(regexp = "watching|paused|completed",
                    message = "must be \"watching\", \"paused\" or \"completed\"") String status,
            @Nullable @Positive Integer movieId,
            @Nullable @Positive Integer showId,
            @Nullable @Min(0) Integer season,
            @Nullable @Min(0) Integer episode) {

        @AssertTrue(message = "a movie needs movieId; an episode needs showId, season and episode")
        boolean isTitleComplete() {
            return "movie".equals(type) ? movieId != null
                    : showId != null && season != null && episode != null;
        }
    }

    record ProgressList(List<ProgressEntry> progress) {
    }

    @PostMapping("/api/progress")
    @Operation(summary = "Report watch progress", description = "Also scrobbled to Trakt when the user linked it.")
    ResponseEntity<Void> report(@Valid @RequestBody ProgressRequest body, @AuthenticationPrincipal CurrentUser user) {
        tracker.record(user.id(), new ProgressTracker.Report(body.type(), body.progress(), body.status(),
                body.movieId(), body.showId(), body.season(), body.episode()));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/progress")
    @Operation(summary = "The caller's watch progress, most recent first")
    ProgressList list(@AuthenticationPrincipal CurrentUser user) {
        return new ProgressList(tracker.list(user.id()));
    }
}
