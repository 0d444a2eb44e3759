package kz.senim.membership.club;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import kz.senim.membership.club.domain.ClubProfile;
import kz.senim.membership.club.domain.Localized;
import kz.senim.membership.school.Schools;
import kz.senim.platform.openapi.Anonymous;
import kz.senim.platform.problem.ResourceNotFound;
import kz.senim.platform.security.CurrentUser;
import kz.senim.platform.web.Versions;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The club of a school: {@code GET /api/schools/{id}/club} is its public page (no login), in the
 * language asked; {@code /club/profile} is what coordinators edit, in all three languages.
 */
@Tag(name = "Club", description = "A school's club: its public page and the profile behind it.")
@RestController
@RequestMapping("/api/schools/{schoolId}/club")
class ClubController {

    private static final Set<String> LANGUAGES = Set.of("kk", "ru", "en");

    private final Clubs clubs;
    private final Schools schools;

    ClubController(Clubs clubs, Schools schools) {
        this.clubs = clubs;
        this.schools = schools;
    }

    /** {@code ?lang=} (kk, ru, en) wins over {@code Accept-Language}; without either, the school's language. */
    @Operation(operationId = "getClubPage", summary = "Read a club's public page in one language")
    @Anonymous
    @GetMapping
    ResponseEntity<PublicClubPage> publicPage(
            @PathVariable String schoolId,
            @RequestParam(name = "lang", required = false) String lang,
            HttpServletRequest request) {
        ClubProfile club = clubs.profileOf(schoolId);
        String language = language(lang, request.getHeader(HttpHeaders.ACCEPT_LANGUAGE), schoolId);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_LANGUAGE, language)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
                .body(PublicClubPage.of(club, language));
    }

    @Operation(operationId = "getClubProfile", summary = "Read the club's profile in every language")
    @GetMapping("/profile")
    ResponseEntity<ClubProfileView> profile(@PathVariable String schoolId, CurrentUser caller) {
        ClubProfile club = clubs.profileForEditing(schoolId, caller);
        return ResponseEntity.ok().eTag(Versions.etag(club.version())).body(ClubProfileView.of(club));
    }

    @Operation(operationId = "editClubProfile", summary = "Replace the club's profile")
    @PutMapping("/profile")
    ResponseEntity<ClubProfileView> edit(
            @PathVariable String schoolId,
            @Valid @RequestBody EditClubProfile edit,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            CurrentUser caller) {
        ClubProfile club = clubs.edit(schoolId, edit, ifMatch, caller);
        return ResponseEntity.ok().eTag(Versions.etag(club.version())).body(ClubProfileView.of(club));
    }

    private String language(String lang, String acceptLanguage, String schoolId) {
        if (lang != null && LANGUAGES.contains(lang.toLowerCase(Locale.ROOT))) {
            return lang.toLowerCase(Locale.ROOT);
        }
        if (acceptLanguage != null && !acceptLanguage.isBlank()) {
            try {
                Locale match = Locale.lookup(
                        Locale.LanguageRange.parse(acceptLanguage),
                        List.of(Locale.of("kk"), Locale.of("ru"), Locale.ENGLISH));
                if (match != null) {
                    return match.getLanguage();
                }
            } catch (IllegalArgumentException malformed) {
                // fall through to the school's language
            }
        }
        return schools.find(schoolId).map(s -> s.defaultLanguage()).orElseThrow(() -> new ResourceNotFound("Club"));
    }

    /** What anyone may see, in one language: no user ids, no versions, nothing about members. */
    record PublicClubPage(
            String schoolId,
            String language,
            String name,
            String goals,
            String tasks,
            List<PublicPrinciple> principles,
            List<PublicLeader> leaders,
            List<ClubProfile.SocialLink> socialLinks,
            Grades admissionGrades,
            int capacity,
            String meetingPlace,
            String meetingRhythm) {

        static PublicClubPage of(ClubProfile c, String language) {
            return new PublicClubPage(
                    c.schoolId(),
                    language,
                    c.name().in(language),
                    c.goals().in(language),
                    c.tasks().in(language),
                    c.principles().stream()
                            .map(p -> new PublicPrinciple(
                                    p.principle().name(),
                                    p.title().in(language),
                                    p.text().in(language)))
                            .toList(),
                    c.leaders().stream()
                            .map(l -> new PublicLeader(
                                    l.title().in(language),
                                    l.officeRoom(),
                                    l.contacts(),
                                    in(l.officeHours(), language)))
                            .toList(),
                    c.socialLinks(),
                    new Grades(c.admissionGrades().from(), c.admissionGrades().to()),
                    c.capacity(),
                    in(c.meetingPlace(), language),
                    in(c.meetingRhythm(), language));
        }

        private static String in(Localized text, String language) {
            return text == null ? null : text.in(language);
        }
    }

    record PublicPrinciple(String principle, String title, String text) {}

    record PublicLeader(
            String title, String officeRoom, List<ClubProfile.ContactChannel> contacts, String officeHours) {}

    record Grades(int from, int to) {}

    /** The whole profile in every language, for those who edit it. */
    record ClubProfileView(
            String schoolId,
            Localized name,
            Localized goals,
            Localized tasks,
            List<ClubProfile.PrincipleText> principles,
            List<ClubProfile.Leader> leaders,
            List<ClubProfile.SocialLink> socialLinks,
            int admissionGradeFrom,
            int admissionGradeTo,
            int capacity,
            Localized meetingPlace,
            Localized meetingRhythm) {

        static ClubProfileView of(ClubProfile c) {
            return new ClubProfileView(
                    c.schoolId(),
                    c.name(),
                    c.goals(),
                    c.tasks(),
                    c.principles(),
                    c.leaders(),
                    c.socialLinks(),
                    c.admissionGrades().from(),
                    c.admissionGrades().to(),
                    c.capacity(),
                    c.meetingPlace(),
                    c.meetingRhythm());
        }
    }
}
