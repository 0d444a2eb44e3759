package kz.senim.membership.members;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Map;
import kz.senim.membership.members.domain.Member;
import kz.senim.membership.members.domain.MemberStatus;
import kz.senim.membership.members.domain.RosterRenewal;
import kz.senim.platform.security.CurrentUser;
import kz.senim.platform.web.Page;
import kz.senim.platform.web.PageQuery;
import kz.senim.platform.web.Versions;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The club's members by school year: the roster, certification, leaving, and the yearly renewal. */
@Tag(name = "Members", description = "Club members by school year: the roster, renewals, certification and departure.")
@RestController
@RequestMapping("/api/membership")
class MemberController {

    private final Members members;

    MemberController(Members members) {
        this.members = members;
    }

    @Operation(operationId = "getRoster", summary = "Read a school year's roster")
    @GetMapping("/roster")
    RosterView roster(
            @RequestParam(required = false) String year,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort,
            CurrentUser caller) {
        Members.Roster roster =
                members.roster(year, status, PageQuery.of(page, size, sort, Members.SORTS, "userId"), caller);
        return new RosterView(
                roster.schoolYear(),
                roster.capacity(),
                roster.activeMembers(),
                roster.counts(),
                roster.members().map(MemberView::of));
    }

    @Operation(operationId = "renewRoster", summary = "Renew the roster for the next school year")
    @PostMapping("/roster/renewals")
    RenewalView renew(@Valid @RequestBody Renewal request, CurrentUser caller) {
        RosterRenewal renewal = members.renew(request.schoolYear(), caller);
        return new RenewalView(
                renewal.to().toString(),
                renewal.from().toString(),
                renewal.continuing().size(),
                renewal.graduated().size(),
                renewal.left().size());
    }

    @Operation(operationId = "getMember", summary = "Read a member in the current year")
    @GetMapping("/members/{userId}")
    ResponseEntity<MemberView> get(@PathVariable String userId, CurrentUser caller) {
        Member member = members.get(userId, caller);
        return ResponseEntity.ok().eTag(Versions.etag(member.version())).body(MemberView.of(member));
    }

    @Operation(operationId = "certifyMember", summary = "Certify a trainee as a mediator")
    @PostMapping("/members/{userId}/certification")
    MemberView certify(@PathVariable String userId, @Valid @RequestBody Certification request, CurrentUser caller) {
        return MemberView.of(members.certify(userId, request.note(), caller));
    }

    @Operation(operationId = "recordDeparture", summary = "Record that a member left the club")
    @PostMapping("/members/{userId}/departure")
    MemberView leave(@PathVariable String userId, CurrentUser caller) {
        return MemberView.of(members.leave(userId, caller));
    }

    /** The coordinator's reason for certifying without the curriculum event. */
    record Certification(@NotBlank @Size(max = 1000) String note) {}

    record Renewal(
            @NotNull @Pattern(regexp = "\\d{4}-\\d{4}") String schoolYear) {}

    record RenewalView(String schoolYear, String previousSchoolYear, int continuing, int graduated, int left) {}

    record RosterView(
            String schoolYear,
            int capacity,
            int activeMembers,
            Map<MemberStatus, Integer> counts,
            Page<MemberView> members) {}

    record MemberView(
            String userId, String schoolYear, String status, Instant admittedAt, Instant certifiedAt, Instant leftAt) {

        static MemberView of(Member m) {
            return new MemberView(
                    m.userId(),
                    m.schoolYear().toString(),
                    m.status().name(),
                    m.admittedAt(),
                    m.certifiedAt(),
                    m.leftAt());
        }
    }
}
