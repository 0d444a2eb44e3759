package kz.senim.membership.club.domain;

/** The grades whose students may apply to join the club (DOMAIN: 8–11 by default). */
public record AdmissionGrades(int from, int to) {

    public static final AdmissionGrades DEFAULT = new AdmissionGrades(8, 11);

    public AdmissionGrades {
        if (from < 1 || to > 11 || from > to) {
            throw new IllegalArgumentException("Admission grades must lie within 1–11, from ≤ to");
        }
    }

    public boolean admits(Integer grade) {
        return grade != null && grade >= from && grade <= to;
    }
}
