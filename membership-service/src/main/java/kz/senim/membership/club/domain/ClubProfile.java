package kz.senim.membership.club.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The public face of a school's mediation club: name, goals, tasks, the seven principles, leaders
 * with their office and contact channels, social links (the gallery lives there), who may apply,
 * how many members it takes, and where and how often it meets.
 */
public record ClubProfile(
        String schoolId,
        Localized name,
        Localized goals,
        Localized tasks,
        List<PrincipleText> principles,
        List<Leader> leaders,
        List<SocialLink> socialLinks,
        AdmissionGrades admissionGrades,
        int capacity,
        Localized meetingPlace,
        Localized meetingRhythm,
        long version) {

    public static final int DEFAULT_CAPACITY = 20;

    /** One principle as the club words it. */
    public record PrincipleText(Principle principle, Localized title, Localized text) {}

    /** A coordinator leading the club, as the public sees them (no name: the title says who to ask). */
    public record Leader(
            String userId, Localized title, String officeRoom, List<ContactChannel> contacts, Localized officeHours) {}

    /** How to reach a leader: {@code kind} is phone, email, instagram, telegram, whatsapp or other. */
    public record ContactChannel(String kind, String value) {}

    /** The club's account on a social network, e.g. its Instagram with the gallery. */
    public record SocialLink(String network, String url) {}

    public ClubProfile {
        if (capacity < 1) {
            throw new IllegalArgumentException("A club takes at least one member");
        }
        principles = complete(principles);
        leaders = List.copyOf(leaders);
        socialLinks = List.copyOf(socialLinks);
    }

    /** The profile a club starts with: the default texts of the seven principles (docs/domain.md §3) in kk, ru and en. */
    public static ClubProfile defaults(String schoolId) {
        return new ClubProfile(
                schoolId,
                new Localized("«Сенім» медиация клубы", "Клуб медиации «Сенім»", "Senim mediation club"),
                new Localized(
                        "Мектептегі жанжалдардың алдын алу; оқушылар арасындағы өзара түсіністік пен құрметті нығайту.",
                        "Предупреждать конфликты в школе; укреплять взаимопонимание и уважение между учащимися.",
                        "Prevent conflicts at school; strengthen mutual understanding and respect among students."),
                new Localized(
                        "Медиация әдістерін үйрету; нақты жанжалдарды медиация арқылы шешуге көмектесу; жанжалсыз"
                                + " қарым-қатынас дағдыларын дамыту.",
                        "Обучать методам медиации; помогать разрешать реальные конфликты с помощью медиации; развивать"
                                + " навыки бесконфликтного общения.",
                        "Teach mediation methods; help resolve real conflicts through mediation; develop skills of"
                                + " conflict-free communication."),
                List.of(),
                List.of(),
                List.of(),
                AdmissionGrades.DEFAULT,
                DEFAULT_CAPACITY,
                null,
                null,
                0);
    }

    /** Every one of the seven principles, in their order; a principle not worded by the club keeps its default. */
    static List<PrincipleText> complete(List<PrincipleText> given) {
        Map<Principle, PrincipleText> byPrinciple = (given == null ? List.<PrincipleText>of() : given)
                .stream().collect(Collectors.toMap(PrincipleText::principle, Function.identity(), (a, b) -> b));
        List<PrincipleText> all = new ArrayList<>();
        for (Principle p : Arrays.asList(Principle.values())) {
            PrincipleText worded = byPrinciple.get(p);
            all.add(new PrincipleText(
                    p,
                    worded == null || worded.title() == null ? p.defaultTitle() : worded.title(),
                    worded == null || worded.text() == null ? p.defaultText() : worded.text()));
        }
        return List.copyOf(all);
    }
}
