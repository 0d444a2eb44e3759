package kz.senim.test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaParameter;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceRule;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import org.springframework.beans.factory.annotation.Value;

/**
 * Architecture rules every service checks with ArchUnit (docs/conventions.md says why), e.g.
 * {@code @ArchTest static final ArchRule domain = SenimArchitecture.DOMAIN_IS_PLAIN_JAVA;}.
 */
public final class SenimArchitecture {

    private static final String REST_CONTROLLER = "org.springframework.web.bind.annotation.RestController";
    private static final String REPOSITORY = "org.springframework.stereotype.Repository";
    private static final String KAFKA_LISTENER = "org.springframework.kafka.annotation.KafkaListener";
    private static final String SPRING_BOOT_APPLICATION =
            "org.springframework.boot.autoconfigure.SpringBootApplication";

    /** The rules of mediation live in plain Java: no Spring, persistence, Kafka or JSON in {@code ..domain..}. */
    public static final ArchRule DOMAIN_IS_PLAIN_JAVA = noClasses()
            .that()
            .resideInAPackage("..domain..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework..",
                    "jakarta.persistence..",
                    "jakarta.servlet..",
                    "org.apache.kafka..",
                    "tools.jackson..",
                    "com.fasterxml.jackson..",
                    "java.sql..")
            .as("the domain model is plain Java")
            .allowEmptyShould(true);

    /** Names say what a thing is in the domain's words, not what pattern it is. */
    public static final ArchRule NO_PATTERN_NAMES = noClasses()
            .should()
            .haveSimpleNameEndingWith("Manager")
            .orShould()
            .haveSimpleNameEndingWith("Helper")
            .orShould()
            .haveSimpleNameEndingWith("Util")
            .orShould()
            .haveSimpleNameEndingWith("Utils")
            .as("no Manager, Helper or Util classes")
            .allowEmptyShould(true);

    /**
     * The feature packages of a service ({@code kz.senim.<service>.<feature>}) depend on each other in one
     * direction only: what two features share lives in a package of its own, and a feature that must react
     * to another does so through an event.
     */
    public static final SliceRule NO_CYCLES_BETWEEN_FEATURES = slices().matching("kz.senim.*.(*)..")
            .should()
            .beFreeOfCycles()
            .as("no cycles between the feature packages of a service");

    /**
     * A controller turns HTTP into a call of the application service; it reaches no repository and nothing
     * of a {@code persistence} package.
     */
    public static final ArchRule CONTROLLERS_DO_NOT_USE_PERSISTENCE = noClasses()
            .that()
            .areAnnotatedWith(REST_CONTROLLER)
            .should()
            .dependOnClassesThat()
            .resideInAPackage("..persistence..")
            .orShould()
            .dependOnClassesThat()
            .areAnnotatedWith(REPOSITORY)
            .as("controllers do not use persistence")
            .allowEmptyShould(true);

    /**
     * Refusals are domain exceptions the platform's problem handling answers ({@code StateConflict},
     * {@code FieldsRefused}, {@code ResourceNotFound}, {@code PreconditionFailed}...), never an HTTP status
     * chosen deep in a service.
     */
    public static final ArchRule NO_RESPONSE_STATUS_EXCEPTIONS = noClasses()
            .should()
            .dependOnClassesThat()
            .haveFullyQualifiedName("org.springframework.web.server.ResponseStatusException")
            .as("refusals are domain exceptions, not ResponseStatusException")
            .allowEmptyShould(true);

    /**
     * Time comes from the injected {@link Clock} bean, so that a test can move it: no {@code now()} of the
     * system clock, except where the application declares that bean.
     */
    public static final ArchRule TIME_FROM_THE_CLOCK_BEAN = timeFromTheClockBeanOutside();

    /**
     * {@link #TIME_FROM_THE_CLOCK_BEAN} for a service with packages not moved onto it yet; each exception
     * says why where it is used.
     */
    public static ArchRule timeFromTheClockBeanOutside(String... packagesNotMovedYet) {
        var classes = noClasses().that().areNotAnnotatedWith(SPRING_BOOT_APPLICATION);
        if (packagesNotMovedYet.length > 0) {
            classes = classes.and().resideOutsideOfPackages(packagesNotMovedYet);
        }
        return classes.should()
                .callMethod(Instant.class, "now")
                .orShould()
                .callMethod(LocalDate.class, "now")
                .orShould()
                .callMethod(LocalDateTime.class, "now")
                .orShould()
                .callMethod(OffsetDateTime.class, "now")
                .orShould()
                .callMethod(ZonedDateTime.class, "now")
                .orShould()
                .callMethod(Clock.class, "systemUTC")
                .orShould()
                .callMethod(Clock.class, "systemDefaultZone")
                .as("time comes from the injected Clock")
                .allowEmptyShould(true);
    }

    /**
     * A listener that keeps a copy of another service's data is named after its source ({@code MembershipEvents}),
     * so that one idea has one name: a class with a {@code @KafkaListener} is named {@code …Events}.
     */
    public static final ArchRule LISTENERS_NAMED_AFTER_THEIR_SOURCE = listenersNamedAfterTheirSourceExcept();

    /** {@link #LISTENERS_NAMED_AFTER_THEIR_SOURCE} but for the listeners named, each said why where it is used. */
    public static ArchRule listenersNamedAfterTheirSourceExcept(String... listenersOfAnotherKind) {
        var listeners = classes().that().containAnyMethodsThat(annotatedWithKafkaListener());
        if (listenersOfAnotherKind.length > 0) {
            listeners = listeners.and().doNotHaveFullyQualifiedName(listenersOfAnotherKind[0]);
            for (int i = 1; i < listenersOfAnotherKind.length; i++) {
                listeners = listeners.and().doNotHaveFullyQualifiedName(listenersOfAnotherKind[i]);
            }
        }
        return listeners
                .should()
                .haveSimpleNameEndingWith("Events")
                .as("a listener is named after its source: <Source>Events")
                .allowEmptyShould(true);
    }

    private static DescribedPredicate<JavaMethod> annotatedWithKafkaListener() {
        return DescribedPredicate.describe(
                "are annotated with @KafkaListener", method -> method.isAnnotatedWith(KAFKA_LISTENER));
    }

    /**
     * Senim's settings are typed {@code @ConfigurationProperties} records with their defaults: nothing reads a
     * {@code senim.*} property through {@code @Value} (Spring's own {@code spring.*} properties may be read so).
     */
    public static final ArchRule SETTINGS_ARE_TYPED = classes()
            .should(new ArchCondition<JavaClass>("read no senim.* setting through @Value") {
                @Override
                public void check(JavaClass javaClass, ConditionEvents events) {
                    for (JavaField field : javaClass.getFields()) {
                        field.tryGetAnnotationOfType(Value.class)
                                .ifPresent(value -> refuse(javaClass, field.getFullName(), value, events));
                    }
                    for (JavaCodeUnit unit : javaClass.getCodeUnits()) {
                        unit.tryGetAnnotationOfType(Value.class)
                                .ifPresent(value -> refuse(javaClass, unit.getFullName(), value, events));
                        for (JavaParameter parameter : unit.getParameters()) {
                            parameter
                                    .tryGetAnnotationOfType(Value.class)
                                    .ifPresent(value -> refuse(javaClass, unit.getFullName(), value, events));
                        }
                    }
                }

                private void refuse(JavaClass javaClass, String where, Value value, ConditionEvents events) {
                    if (value.value().contains("${senim.")) {
                        events.add(SimpleConditionEvent.violated(
                                javaClass,
                                where + " reads " + value.value()
                                        + " through @Value: give it a @ConfigurationProperties record"));
                    }
                }
            })
            .as("settings are typed @ConfigurationProperties records, not @Value")
            .allowEmptyShould(true);

    private SenimArchitecture() {}
}
