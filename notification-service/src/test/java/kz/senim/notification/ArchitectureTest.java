package kz.senim.notification;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import kz.senim.test.SenimArchitecture;

@AnalyzeClasses(packages = "kz.senim.notification", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainIsPlainJava = SenimArchitecture.DOMAIN_IS_PLAIN_JAVA;

    @ArchTest
    static final ArchRule noPatternNames = SenimArchitecture.NO_PATTERN_NAMES;

    @ArchTest
    // recipient still reads delivery's Language while delivery asks recipient for addresses: that package is
    // being reworked by another change of issue 17 and is left to it (docs/conventions.md, "not there yet").
    static final ArchRule noCyclesBetweenFeatures = SenimArchitecture.NO_CYCLES_BETWEEN_FEATURES.ignoreDependency(
            resideInAPackage("kz.senim.notification.recipient.."),
            resideInAPackage("kz.senim.notification.delivery.domain.."));

    @ArchTest
    static final ArchRule controllersDoNotUsePersistence = SenimArchitecture.CONTROLLERS_DO_NOT_USE_PERSISTENCE;

    @ArchTest
    static final ArchRule noResponseStatusExceptions = SenimArchitecture.NO_RESPONSE_STATUS_EXCEPTIONS;

    @ArchTest
    // recipient.KeycloakDirectory still keeps a Clock.systemUTC() of its own: that package is being
    // reworked by another change of issue 17 and is left to it.
    static final ArchRule timeFromTheClockBean = SenimArchitecture.timeFromTheClockBeanOutside("..recipient..");
}
