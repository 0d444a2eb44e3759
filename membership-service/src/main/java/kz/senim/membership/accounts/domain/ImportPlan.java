package kz.senim.membership.accounts.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import kz.senim.membership.accounts.domain.AccountFile.Row;
import kz.senim.membership.domain.FieldProblem;
import kz.senim.membership.people.domain.PersonRole;

/**
 * What importing a file of accounts would do, decided before anything happens (the dry run shows it; the
 * import does it, or nothing when a row is refused). Per row: a new external id is created; a known one is
 * changed when its entry says something new, an e-mail address is given for someone who had none, or the person
 * comes back after leaving; disabled when marked
 * {@code left}, and otherwise left unchanged — so the same file twice changes nothing. A row is refused when
 * the caller may not give its role, when it would change the role of an existing account, or when a parent's
 * child is neither a student of the file nor a student with an account.
 */
public record ImportPlan(
        List<Step> create, List<Step> change, List<Step> disable, List<FieldProblem> refused, int unchanged) {

    /** One row's decision. */
    public record Step(int row, String externalId, String role) {}

    /** What Senim knows of an external id already. */
    public record Known(
            PersonRole role,
            boolean disabled,
            Integer grade,
            String classLetter,
            Set<String> guardianOf,
            String language,
            String givenName,
            String familyName,
            boolean hasEmail) {}

    public boolean hasRefusals() {
        return !refused.isEmpty();
    }

    /**
     * @param known what is known by external id (guardianOf as external ids)
     * @param grantable whether the caller may give the role in this school
     */
    public static ImportPlan of(List<Row> rows, Map<String, Known> known, Predicate<PersonRole> grantable) {
        Set<String> students = new HashSet<>();
        known.forEach((id, k) -> {
            if (k.role() == PersonRole.STUDENT && !k.disabled()) {
                students.add(id);
            }
        });
        for (Row row : rows) {
            if (row.role() == PersonRole.STUDENT && !row.left()) {
                students.add(row.externalId());
            } else {
                students.remove(row.externalId());
            }
        }
        List<Step> create = new ArrayList<>();
        List<Step> change = new ArrayList<>();
        List<Step> disable = new ArrayList<>();
        List<FieldProblem> refused = new ArrayList<>();
        int unchanged = 0;
        for (Row row : rows) {
            Step step = new Step(row.row(), row.externalId(), row.role().realmName());
            Known before = known.get(row.externalId());
            if (!grantable.test(row.role())) {
                refused.add(new FieldProblem("role", "accounts.role.notGrantable").inRow(row.row()));
            } else if (before != null && before.role() != row.role()) {
                refused.add(new FieldProblem("role", "accounts.role.changed").inRow(row.row()));
            } else if (!row.left() && !students.containsAll(row.guardianOf())) {
                refused.add(new FieldProblem("guardianOf", "person.guardianOf.unknownStudent").inRow(row.row()));
            } else if (before == null) {
                if (row.left()) {
                    unchanged++;
                } else {
                    create.add(step);
                }
            } else if (row.left()) {
                if (before.disabled()) {
                    unchanged++;
                } else {
                    disable.add(step);
                }
            } else if (before.disabled() || !sameEntry(before, row)) {
                change.add(step);
            } else {
                unchanged++;
            }
        }
        return new ImportPlan(
                List.copyOf(create), List.copyOf(change), List.copyOf(disable), List.copyOf(refused), unchanged);
    }

    private static boolean sameEntry(Known before, Row row) {
        return Objects.equals(before.grade(), row.grade())
                && Objects.equals(before.classLetter(), row.classLetter())
                && before.guardianOf().equals(row.guardianOf())
                && before.language().equals(row.language())
                && before.givenName().equals(row.givenName().strip())
                && before.familyName().equals(row.familyName().strip())
                // An address added later is a change: the person gets their invitation (an address that
                // differs from Keycloak's is not seen: Senim keeps none).
                && (row.email() == null || before.hasEmail());
    }
}
