package kz.senim.membership.accounts.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import kz.senim.membership.domain.FieldProblem;
import kz.senim.membership.people.domain.Person;
import kz.senim.membership.people.domain.PersonRole;
import kz.senim.platform.web.StorableText;

/**
 * A school's list of people for accounts, from CSV or the first sheet of an {@code .xlsx}: the first row names
 * the columns (any order, case ignored) — {@code externalId}, {@code role}, {@code language}, {@code givenName},
 * {@code familyName} are required, {@code grade}, {@code classLetter}, {@code guardianOf} (the children's
 * external ids, separated by {@code ;}), {@code email} and {@code status} ({@code left} for a person who left
 * the school; empty otherwise) may be there. Reading gives every row, or every problem with its row (the
 * header is row 1).
 */
public final class AccountFile {

    public static final List<String> REQUIRED = List.of("externalId", "role", "language", "givenName", "familyName");
    public static final List<String> OPTIONAL = List.of("grade", "classLetter", "guardianOf", "email", "status");
    public static final int MAX_ROWS = 5000;
    static final Pattern EXTERNAL_ID = Pattern.compile("[\\p{L}\\p{N}._/-]{1,64}");
    static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /** One person of the file. */
    public record Row(
            int row,
            String externalId,
            PersonRole role,
            Integer grade,
            String classLetter,
            Set<String> guardianOf,
            String language,
            String givenName,
            String familyName,
            String email,
            boolean left) {}

    private final List<Row> rows;
    private final List<FieldProblem> problems;

    private AccountFile(List<Row> rows, List<FieldProblem> problems) {
        this.rows = rows;
        this.problems = problems;
    }

    public List<Row> rows() {
        return rows;
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    public boolean isValid() {
        return problems.isEmpty();
    }

    public static AccountFile read(List<List<String>> lines) {
        int headerIndex = -1;
        int filled = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (!blank(lines.get(i))) {
                if (headerIndex < 0) {
                    headerIndex = i;
                }
                filled++;
            }
        }
        if (headerIndex < 0) {
            return new AccountFile(List.of(), List.of(new FieldProblem("file", "directory.file.empty")));
        }
        Map<String, Integer> column = new HashMap<>();
        List<String> header = lines.get(headerIndex);
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i) == null ? "" : header.get(i).strip().toLowerCase(Locale.ROOT);
            for (String known : concat(REQUIRED, OPTIONAL)) {
                if (known.toLowerCase(Locale.ROOT).equals(name)) {
                    column.put(known, i);
                }
            }
        }
        if (!column.keySet().containsAll(REQUIRED)) {
            return new AccountFile(
                    List.of(), List.of(new FieldProblem("rows[" + (headerIndex + 1) + "]", "accounts.file.header")));
        }
        if (filled - 1 > MAX_ROWS) {
            return new AccountFile(List.of(), List.of(new FieldProblem("file", "directory.file.tooLong")));
        }
        List<Row> rows = new ArrayList<>();
        List<FieldProblem> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = headerIndex + 1; i < lines.size(); i++) {
            List<String> cells = lines.get(i);
            int row = i + 1;
            if (blank(cells)) {
                continue;
            }
            List<FieldProblem> rowProblems = new ArrayList<>();
            for (String name : column.keySet()) {
                if (!StorableText.storable(raw(cells, column, name))) {
                    rowProblems.add(new FieldProblem(name, StorableText.CODE));
                }
            }
            String externalId = cell(cells, column, "externalId");
            if (externalId == null || !EXTERNAL_ID.matcher(externalId).matches()) {
                rowProblems.add(new FieldProblem("externalId", "accounts.externalId.format"));
            } else if (!seen.add(externalId)) {
                rowProblems.add(new FieldProblem("externalId", "accounts.externalId.duplicate"));
            }
            String roleText = cell(cells, column, "role");
            PersonRole role = roleText == null
                    ? null
                    : PersonRole.fromRealmName(roleText.toLowerCase(Locale.ROOT))
                            .orElse(null);
            if (role == null) {
                rowProblems.add(new FieldProblem("role", "person.role.known"));
            }
            Integer grade = null;
            String gradeText = cell(cells, column, "grade");
            if (gradeText != null) {
                try {
                    // A spreadsheet may hold 7 as 7.0.
                    grade = (int) Double.parseDouble(gradeText);
                    if (grade != Double.parseDouble(gradeText)) {
                        throw new NumberFormatException(gradeText);
                    }
                } catch (NumberFormatException e) {
                    grade = null;
                    rowProblems.add(new FieldProblem("grade", "person.grade.range"));
                }
            }
            String classLetter = cell(cells, column, "classLetter");
            Set<String> guardianOf = new LinkedHashSet<>();
            String guardianText = cell(cells, column, "guardianOf");
            if (guardianText != null) {
                for (String id : guardianText.split(";")) {
                    if (!id.isBlank()) {
                        guardianOf.add(id.strip());
                    }
                }
            }
            String language = cell(cells, column, "language");
            language = language == null ? null : language.toLowerCase(Locale.ROOT);
            String givenName = cell(cells, column, "givenName");
            String familyName = cell(cells, column, "familyName");
            if (givenName == null || givenName.length() > 100) {
                rowProblems.add(new FieldProblem("givenName", "person.name.required"));
            }
            if (familyName == null || familyName.length() > 100) {
                rowProblems.add(new FieldProblem("familyName", "person.name.required"));
            }
            String email = cell(cells, column, "email");
            if (email != null && (email.length() > 255 || !EMAIL.matcher(email).matches())) {
                rowProblems.add(new FieldProblem("email", "accounts.email.format"));
            }
            String status = cell(cells, column, "status");
            if (status != null && !status.equalsIgnoreCase("left")) {
                rowProblems.add(new FieldProblem("status", "accounts.status.known"));
            }
            boolean gradeUnreadable = gradeText != null && grade == null;
            for (FieldProblem p : Person.rulesBrokenBy(externalId, role, grade, classLetter, guardianOf, language)) {
                if (!(gradeUnreadable && p.field().equals("grade"))) {
                    rowProblems.add(p);
                }
            }
            if (rowProblems.isEmpty()) {
                rows.add(new Row(
                        row,
                        externalId,
                        role,
                        grade,
                        classLetter,
                        guardianOf,
                        language,
                        givenName,
                        familyName,
                        email,
                        status != null));
            } else {
                rowProblems.forEach(p -> problems.add(p.inRow(row)));
            }
        }
        return new AccountFile(List.copyOf(rows), List.copyOf(problems));
    }

    private static boolean blank(List<String> cells) {
        return cells.stream().allMatch(c -> c == null || c.isBlank());
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static String raw(List<String> cells, Map<String, Integer> column, String name) {
        Integer index = column.get(name);
        if (index == null || index >= cells.size() || cells.get(index) == null) {
            return "";
        }
        return cells.get(index);
    }

    private static String cell(List<String> cells, Map<String, Integer> column, String name) {
        String value = raw(cells, column, name).strip();
        return value.isEmpty() ? null : value;
    }
}
