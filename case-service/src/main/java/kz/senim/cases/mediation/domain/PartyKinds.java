package kz.senim.cases.mediation.domain;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Who a conflict is between, as counts of its parties by kind — never who they are. A student party is a student;
 * an adult party with an account is a teacher or a parent by the role the school directory gives them, and any
 * other adult (a coordinator, a member of staff, or an adult named in the request without an account, whose role
 * the request does not say) is counted as another adult.
 */
public record PartyKinds(int students, int teachers, int parents, int otherAdults) {

    /**
     * @param roleOf the directory role ({@code teacher}, {@code parent}, …) of a party's user id, when known
     */
    public static PartyKinds of(List<Party> parties, Function<String, Optional<String>> roleOf) {
        int students = 0;
        int teachers = 0;
        int parents = 0;
        int others = 0;
        for (Party party : parties) {
            if (!party.adult()) {
                students++;
                continue;
            }
            String role = party.user().flatMap(roleOf).orElse("");
            switch (role) {
                case "teacher" -> teachers++;
                case "parent" -> parents++;
                default -> others++;
            }
        }
        return new PartyKinds(students, teachers, parents, others);
    }
}
