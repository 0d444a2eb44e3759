package kz.senim.training.activities;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import kz.senim.training.activities.domain.Activity;
import kz.senim.training.activities.domain.ActivityStatus;
import kz.senim.training.activities.domain.ActivityType;
import kz.senim.training.activities.domain.Audience;
import kz.senim.training.activities.domain.AudienceGroup;
import kz.senim.training.activities.domain.Recurrence;
import kz.senim.training.curriculum.domain.CurriculumModule;

/** What a coordinator sends to schedule an activity, or a weekly or monthly series of club meetings. */
public record ScheduleActivity(
        @NotNull @Pattern(regexp = TYPES) @Schema(example = "PEER_LESSON")
        String type,

        @NotBlank @Size(max = 200) String title,
        @NotNull @Valid AudienceBody audience,

        @NotEmpty
        @Size(max = 10)
        @Schema(description = "Keycloak subject ids of the coordinators and young mediators who run it")
        List<@NotBlank @Size(max = 64) String> facilitators,

        @NotNull @Schema(example = "2026-12-01T15:00:00+05:00")
        OffsetDateTime startsAt,

        @NotNull @Schema(example = "2026-12-01T16:00:00+05:00")
        OffsetDateTime endsAt,

        @NotBlank @Size(max = 200) String place,

        @Min(1) @Max(10000) @Schema(description = "Places; none means no limit")
        Integer capacity,

        @NotNull @Pattern(regexp = "kk|ru|en") String language,

        @Schema(description = "Whether people register; default true")
        Boolean openForRegistration,

        @Size(max = 6) List<@NotNull @Pattern(regexp = MODULES) String> modules,

        @Valid @Schema(description = "Club meetings only: repeat weekly or monthly")
        Repeat repeat) {

    static final String TYPES = "CLUB_MEETING|TRAINING|MASTER_CLASS|SIMULATION|PEER_LESSON|PARENT_SESSION"
            + "|TEACHER_SESSION|EXPERIENCE_EXCHANGE|ADAPTATION_SUPPORT";
    static final String MODULES = "FOUNDATIONS_AND_PRINCIPLES|ACTIVE_LISTENING|I_MESSAGES|MEDIATION_PROCEDURE"
            + "|WRITING_AN_AGREEMENT|CO_MEDIATION_SIMULATIONS";
    static final String GROUPS = "STUDENTS|MEDIATORS|TEACHERS|PARENTS|COORDINATORS";

    /** Who it is for: groups, and for students optionally a range of grades. */
    public record AudienceBody(
            @NotEmpty @Size(max = 5) List<@NotNull @Pattern(regexp = GROUPS) String> groups,
            @Min(1) @Max(11) Integer gradeFrom,
            @Min(1) @Max(11) Integer gradeTo) {

        /** A rule of the request, not a field: activities answer this record too, so it stays out of the JSON. */
        @AssertTrue(message = "{GradesInOrder}")
        @Schema(hidden = true)
        @JsonIgnore
        public boolean isGradesInOrder() {
            return gradeFrom == null || gradeTo == null || gradeFrom <= gradeTo;
        }

        public Audience toAudience() {
            return new Audience(
                    groups.stream().map(AudienceGroup::valueOf).collect(Collectors.toSet()), gradeFrom, gradeTo);
        }

        public static AudienceBody of(Audience audience) {
            return new AudienceBody(
                    audience.groups().stream().map(Enum::name).sorted().toList(),
                    audience.gradeFrom(),
                    audience.gradeTo());
        }
    }

    /** A series: the first occurrence is this activity's time, then every week or month, this many in all. */
    public record Repeat(
            @NotNull @Pattern(regexp = "WEEKLY|MONTHLY") String frequency,

            @NotNull @Min(2) @Max(Recurrence.MAX_OCCURRENCES)
            Integer occurrences) {}

    @AssertTrue(message = "{EndsAfterStart}")
    @Schema(hidden = true)
    public boolean isEndsAfterStart() {
        return startsAt == null || endsAt == null || endsAt.isAfter(startsAt);
    }

    @AssertTrue(message = "{RepeatOnlyClubMeetings}")
    @Schema(hidden = true)
    public boolean isRepeatOnlyForClubMeetings() {
        return repeat == null || "CLUB_MEETING".equals(type);
    }

    Optional<Recurrence> recurrence() {
        return Optional.ofNullable(repeat)
                .map(r -> new Recurrence(Recurrence.Frequency.valueOf(r.frequency()), r.occurrences()));
    }

    Activity toActivity(UUID id, String school, UUID series, Instant start, Instant end, ZoneId zone) {
        Set<CurriculumModule> tagged = modules == null
                ? Set.of()
                : modules.stream().map(CurriculumModule::valueOf).collect(Collectors.toSet());
        return new Activity(
                id,
                school,
                series,
                ActivityType.valueOf(type),
                title,
                audience.toAudience(),
                Set.copyOf(facilitators),
                start,
                end,
                zone,
                place,
                capacity,
                language,
                openForRegistration == null || openForRegistration,
                tagged,
                ActivityStatus.SCHEDULED,
                null,
                0);
    }
}
