package kz.senim.analytics;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import kz.senim.test.SenimArchitecture;

@AnalyzeClasses(packages = "kz.senim.analytics", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainIsPlainJava = SenimArchitecture.DOMAIN_IS_PLAIN_JAVA;

    @ArchTest
    static final ArchRule noPatternNames = SenimArchitecture.NO_PATTERN_NAMES;

    /** generation → ingest → report, one way: report reads the store with its own repository (StoredFacts). */
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
}
