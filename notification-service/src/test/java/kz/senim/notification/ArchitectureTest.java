package kz.senim.notification;

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
    static final ArchRule noCyclesBetweenFeatures = SenimArchitecture.NO_CYCLES_BETWEEN_FEATURES;

    @ArchTest
    static final ArchRule controllersDoNotUsePersistence = SenimArchitecture.CONTROLLERS_DO_NOT_USE_PERSISTENCE;

    @ArchTest
    static final ArchRule noResponseStatusExceptions = SenimArchitecture.NO_RESPONSE_STATUS_EXCEPTIONS;

    @ArchTest
    static final ArchRule timeFromTheClockBean = SenimArchitecture.TIME_FROM_THE_CLOCK_BEAN;

    // EventNotifications listens to three sources to tell people what concerns them (decision 111): it is named
    // for what it does, not after one source.
    @ArchTest
    static final ArchRule listenersNamedAfterTheirSource =
            SenimArchitecture.listenersNamedAfterTheirSourceExcept("kz.senim.notification.mapping.EventNotifications");

    @ArchTest
    static final ArchRule settingsAreTyped = SenimArchitecture.SETTINGS_ARE_TYPED;
}
