package kz.senim.cases;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaFieldAccess.Predicates.target;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import kz.senim.cases.mediation.domain.Mediation;
import kz.senim.test.SenimArchitecture;

@AnalyzeClasses(packages = "kz.senim.cases", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainIsPlainJava = SenimArchitecture.DOMAIN_IS_PLAIN_JAVA;

    @ArchTest
    static final ArchRule noPatternNames = SenimArchitecture.NO_PATTERN_NAMES;

    @ArchTest
    static final ArchRule noCyclesBetweenFeatures = SenimArchitecture.NO_CYCLES_BETWEEN_FEATURES;

    @ArchTest
    static final ArchRule controllersDoNotUsePersistence = SenimArchitecture.CONTROLLERS_DO_NOT_USE_PERSISTENCE;

    @ArchTest
    static final ArchRule noResponseStatusExceptions = SenimArchitecture.NO_RESPONSE_STATUS_EXCEPTIONS;

    @ArchTest
    static final ArchRule timeFromTheClockBean = SenimArchitecture.TIME_FROM_THE_CLOCK_BEAN;

    @ArchTest
    static final ArchRule listenersNamedAfterTheirSource = SenimArchitecture.LISTENERS_NAMED_AFTER_THEIR_SOURCE;

    @ArchTest
    static final ArchRule settingsAreTyped = SenimArchitecture.SETTINGS_ARE_TYPED;

    /** {@code Mediation} is one boundary: only the case and its command groups replace its parts (decision 125). */
    @ArchTest
    static final ArchRule onlyTheCaseAndItsCommandGroupsChangeItsParts = noClasses()
            .that()
            .doNotBelongToAnyOf(Mediation.class)
            .and()
            .haveSimpleNameNotEndingWith("Commands")
            .should()
            .setFieldWhere(target(owner(equivalentTo(Mediation.class))))
            .because("a case's parts change through its commands, on its one boundary");

    /** The command groups of a case are reached through the case, never by a caller of their own. */
    @ArchTest
    static final ArchRule commandGroupsAreReachedThroughTheCase = classes()
            .that()
            .resideInAPackage("..mediation.domain")
            .and()
            .haveSimpleNameEndingWith("Commands")
            .should()
            .notBePublic()
            .andShould()
            .onlyBeAccessed()
            .byClassesThat()
            .resideInAPackage("..mediation.domain");
}
