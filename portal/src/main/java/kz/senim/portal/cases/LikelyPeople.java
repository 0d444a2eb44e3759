package kz.senim.portal.cases;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Who in the directory a party named in a request most likely is, so that the coordinator linking them
 * (a consequential choice: the person then sees a confidential case) finds the right one first and nobody
 * is chosen by default. Likely means a similar name (a name or its start, a letter or two off, in any
 * order) or the same grade; an adult named as one is matched to people without a grade. Plain rules, no
 * guessing beyond them: the coordinator still chooses.
 */
final class LikelyPeople {

    /** The directory split in two: the likely ones (best first) and everyone else (as the directory lists them). */
    record Ranked(List<Map<String, Object>> likely, List<Map<String, Object>> others) {}

    private LikelyPeople() {}

    static Ranked rank(CaseView.Party party, List<Map<String, Object>> directory) {
        record Scored(Map<String, Object> person, int score, int order) {}
        List<Scored> scored = new ArrayList<>();
        for (int i = 0; i < directory.size(); i++) {
            scored.add(new Scored(directory.get(i), score(party, directory.get(i)), i));
        }
        List<Map<String, Object>> likely = scored.stream()
                .filter(s -> s.score() > 0)
                .sorted(Comparator.comparingInt(Scored::score).reversed().thenComparingInt(Scored::order))
                .map(Scored::person)
                .toList();
        List<Map<String, Object>> others =
                scored.stream().filter(s -> s.score() <= 0).map(Scored::person).toList();
        return new Ranked(likely, others);
    }

    static int score(CaseView.Party party, Map<String, Object> person) {
        int name = nameScore(
                Objects.toString(party.name(), ""),
                Objects.toString(person.get("givenName"), "") + " " + Objects.toString(person.get("familyName"), ""));
        Integer partyGrade = party.grade();
        Integer personGrade = number(person.get("grade"));
        boolean adultParty = party.adult();
        int kind = 0;
        if (partyGrade != null && partyGrade.equals(personGrade)) {
            kind = 2;
        } else if (adultParty && personGrade == null) {
            kind = 1;
        } else if ((adultParty && personGrade != null) || (partyGrade != null && personGrade == null)) {
            kind = -2; // a student named as an adult, or a teacher for a named grade: unlikely
        }
        if (name == 0) {
            // the same grade alone makes a classmate likely; being an adult alone says too little
            return kind == 2 ? 1 : 0;
        }
        return name * 2 + kind;
    }

    /** 3 a whole word the same, 2 one the start of another, 1 a letter or two off; the best word counts. */
    static int nameScore(String typed, String full) {
        int best = 0;
        for (String word : words(typed)) {
            if (word.length() < 2) {
                continue;
            }
            for (String part : words(full)) {
                if (part.equals(word)) {
                    best = Math.max(best, 3);
                } else if (word.length() >= 3
                        && (part.startsWith(word) || word.startsWith(part) && part.length() >= 3)) {
                    best = Math.max(best, 2);
                } else if (word.length() >= 4 && distance(word, part) <= (word.length() >= 7 ? 2 : 1)) {
                    best = Math.max(best, 1);
                }
            }
        }
        return best;
    }

    private static List<String> words(String text) {
        String plain = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFKC)
                .replace('ё', 'е');
        return List.of(plain.split("[^\\p{L}]+")).stream()
                .filter(w -> !w.isEmpty())
                .toList();
    }

    private static Integer number(Object value) {
        if (value instanceof Number n) {
            return n.intValue();
        }
        try {
            return value == null ? null : Integer.valueOf(value.toString().strip());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
