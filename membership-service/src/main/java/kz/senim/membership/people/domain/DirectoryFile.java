package kz.senim.membership.people.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kz.senim.membership.domain.FieldProblem;
import kz.senim.platform.web.StorableText;

/**
 * A school's list of people as a CSV file (UTF-8, comma-separated, first line the header
 * {@code userId,role,grade,classLetter,guardianOf,language,givenName,familyName}; {@code guardianOf}
 * holds user ids separated by {@code ;}). Reading it gives every entry, or every problem with its row
 * (the header is row 1), so that nothing is half-imported.
 */
public final class DirectoryFile {

    public static final List<String> COLUMNS =
            List.of("userId", "role", "grade", "classLetter", "guardianOf", "language", "givenName", "familyName");
    static final int MAX_ROWS = 5000;

    private final List<Person> people;
    private final List<FieldProblem> problems;

    private DirectoryFile(List<Person> people, List<FieldProblem> problems) {
        this.people = people;
        this.problems = problems;
    }

    public List<Person> people() {
        return people;
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    public boolean isValid() {
        return problems.isEmpty();
    }

    public static DirectoryFile read(String schoolId, String text) {
        List<FieldProblem> problems = new ArrayList<>();
        List<Person> people = new ArrayList<>();
        List<List<String>> lines = parse(text == null ? "" : text.replace("\uFEFF", ""));
        if (lines.isEmpty()) {
            return new DirectoryFile(List.of(), List.of(new FieldProblem("file", "directory.file.empty")));
        }
        List<String> header = lines.get(0).stream().map(String::strip).toList();
        if (!new HashSet<>(header).equals(new HashSet<>(COLUMNS)) || header.size() != COLUMNS.size()) {
            return new DirectoryFile(List.of(), List.of(new FieldProblem("rows[1]", "directory.file.header")));
        }
        if (lines.size() - 1 > MAX_ROWS) {
            return new DirectoryFile(List.of(), List.of(new FieldProblem("file", "directory.file.tooLong")));
        }
        Map<String, Integer> column = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            column.put(header.get(i), i);
        }
        Set<String> seen = new HashSet<>();
        for (int i = 1; i < lines.size(); i++) {
            int row = i + 1;
            List<String> cells = lines.get(i);
            if (cells.size() == 1 && cells.get(0).isBlank()) {
                continue;
            }
            if (cells.size() != COLUMNS.size()) {
                problems.add(new FieldProblem("rows[" + row + "]", "directory.row.columns"));
                continue;
            }
            List<FieldProblem> rowProblems = new ArrayList<>();
            for (String name : COLUMNS) {
                if (!StorableText.storable(cells.get(column.get(name)))) {
                    rowProblems.add(new FieldProblem(name, StorableText.CODE));
                }
            }
            String userId = cell(cells, column, "userId");
            if (userId == null || userId.length() > 64) {
                rowProblems.add(new FieldProblem("userId", "person.userId.format"));
            } else if (!seen.add(userId)) {
                rowProblems.add(new FieldProblem("userId", "directory.row.duplicate"));
            }
            String roleText = cell(cells, column, "role");
            PersonRole role =
                    roleText == null ? null : PersonRole.fromRealmName(roleText).orElse(null);
            if (role == null) {
                rowProblems.add(new FieldProblem("role", "person.role.known"));
            }
            Integer grade = null;
            String gradeText = cell(cells, column, "grade");
            if (gradeText != null) {
                try {
                    grade = Integer.valueOf(gradeText);
                } catch (NumberFormatException e) {
                    rowProblems.add(new FieldProblem("grade", "person.grade.range"));
                }
            }
            String classLetter = cell(cells, column, "classLetter");
            String guardianText = cell(cells, column, "guardianOf");
            Set<String> guardianOf = new LinkedHashSet<>();
            if (guardianText != null) {
                for (String id : guardianText.split(";")) {
                    if (!id.isBlank()) {
                        guardianOf.add(id.strip());
                    }
                }
            }
            String language = cell(cells, column, "language");
            String givenName = cell(cells, column, "givenName");
            String familyName = cell(cells, column, "familyName");
            if (givenName == null || givenName.length() > 100) {
                rowProblems.add(new FieldProblem("givenName", "person.name.required"));
            }
            if (familyName == null || familyName.length() > 100) {
                rowProblems.add(new FieldProblem("familyName", "person.name.required"));
            }
            boolean gradeUnreadable = gradeText != null && grade == null;
            for (FieldProblem p : Person.rulesBrokenBy(userId, role, grade, classLetter, guardianOf, language)) {
                if (!(gradeUnreadable && p.field().equals("grade"))) {
                    rowProblems.add(p);
                }
            }
            if (rowProblems.isEmpty()) {
                people.add(Person.of(
                        schoolId, userId, role, grade, classLetter, guardianOf, language, givenName, familyName));
            } else {
                rowProblems.forEach(p -> problems.add(p.inRow(row)));
            }
        }
        return new DirectoryFile(problems.isEmpty() ? List.copyOf(people) : List.of(), List.copyOf(problems));
    }

    private static String cell(List<String> cells, Map<String, Integer> column, String name) {
        String value = cells.get(column.get(name)).strip();
        return value.isEmpty() ? null : value;
    }

    /** RFC 4180: quoted cells may hold commas, quotes ("") and line breaks. */
    public static List<List<String>> parse(String text) {
        List<List<String>> lines = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            any = true;
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                cells.add(cell.toString());
                cell.setLength(0);
                lines.add(cells);
                cells = new ArrayList<>();
                any = false;
            } else {
                cell.append(c);
            }
        }
        if (any) {
            cells.add(cell.toString());
            lines.add(cells);
        }
        return lines;
    }
}
