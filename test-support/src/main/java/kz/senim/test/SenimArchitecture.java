package kz.senim.test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;

/**
 * Architecture rules every service checks with ArchUnit, e.g.
 * {@code @ArchTest static final ArchRule domain = SenimArchitecture.DOMAIN_IS_PLAIN_JAVA;}.
 */
public final class SenimArchitecture {

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

    private SenimArchitecture() {}
}
