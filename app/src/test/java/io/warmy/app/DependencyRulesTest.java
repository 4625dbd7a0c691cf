package io.warmy.app;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The hexagon of SPEC §1, stated once and checked on every build. It lives in {@code app}, the
 * only module that sees every class. Each rule says why it exists when it fails.
 */
@AnalyzeClasses(packages = "io.warmy",
        importOptions = {ImportOption.DoNotIncludeTests.class, DependencyRulesTest.NoTestJars.class})
class DependencyRulesTest {

    /** Test-jars (the contract suites, test fixtures) are not production code. */
    static final class NoTestJars implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("-tests.jar");
        }
    }

    @ArchTest
    static final ArchRule domainDependsOnNothingButTheJdk = classes()
            .that().resideInAPackage("io.warmy.domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("io.warmy.domain..", "java..", "javax.crypto..")
            .because("the domain is pure Java: rules on value types, no framework and no I/O (the JDK's crypto signs its tokens)");

    @ArchTest
    static final ArchRule applicationDependsOnlyOnTheDomain = classes()
            .that().resideInAPackage("io.warmy.application..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("io.warmy.application..", "io.warmy.domain..", "java..",
                    "javax.crypto..")
            .because("use cases speak through ports, so any adapter can be plugged in without touching them");

    @ArchTest
    static final ArchRule adaptersNeverDependOnEachOther = slices()
            .matching("io.warmy.adapters.(*)..")
            .should().notDependOnEachOther()
            .because("each adapter plugs into the application alone; only app wires them together");

    @ArchTest
    static final ArchRule nothingDependsOnTheCompositionRoot = noClasses()
            .that().resideOutsideOfPackage("io.warmy.app..")
            .should().dependOnClassesThat().resideInAPackage("io.warmy.app..")
            .because("app is the composition root: it knows every module and no module knows it");

    @ArchTest
    static final ArchRule generatedProtobufTypesStayInTheGrpcAdapter = noClasses()
            .that().resideOutsideOfPackages("io.warmy.proto..", "io.warmy.adapters.grpc..", "io.warmy.app.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("io.warmy.proto..", "com.google.protobuf..", "io.grpc..")
            .because("protobuf messages are the gRPC adapter's own representation; it maps them at its edge (the"
                    + " command line's clients in io.warmy.app.cli call the API from outside, in its wire types, as"
                    + " any client does)");

    @ArchTest
    static final ArchRule theCommandLineClientsUseOnlyThePublicInterfaces = noClasses()
            .that().resideInAPackage("io.warmy.app.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("io.warmy.domain..", "io.warmy.application..",
                    "io.warmy.adapters.persistence..", "io.warmy.adapters.rest..")
            .because("listen, trigger and simulate are clients of a running server: they speak its public REST and"
                    + " gRPC APIs only, as a customer's or a platform service's code would");

    @ArchTest
    static final ArchRule helidonTypesStayInRestPersistenceAndApp = noClasses()
            .that().resideOutsideOfPackages("io.warmy.adapters.rest..", "io.warmy.adapters.persistence..", "io.warmy.app..")
            .should().dependOnClassesThat().resideInAPackage("io.helidon..")
            .because("Helidon is an adapter's framework, never the domain's or the use cases' concern");

    @ArchTest
    static final ArchRule jdbcAndSqlStayInThePersistenceAdapter = noClasses()
            .that().resideOutsideOfPackage("io.warmy.adapters.persistence..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "io.helidon.dbclient..",
                    "com.zaxxer.hikari..", "org.flywaydb..", "com.mysql..", "org.h2..")
            .because("the database is one outbound adapter; everything else sees only the storage ports");

    @ArchTest
    static final ArchRule jsonMappingStaysInTheAdapters = noClasses()
            .that().resideInAnyPackage("io.warmy.domain..", "io.warmy.application..", "io.warmy.app")
            .should().dependOnClassesThat().resideInAPackage("com.fasterxml.jackson..")
            .because("JSON is a wire and storage format: each adapter (REST bodies, stored event payloads, the log"
                    + " lines of io.warmy.app.logging, the API client of io.warmy.app.cli) maps it at its edge");

    @ArchTest
    static final ArchRule domainObjectsCarryNoFrameworkAnnotations = noClasses()
            .that().resideInAnyPackage("io.warmy.domain..", "io.warmy.application..")
            .should().beAnnotatedWith(DescribedPredicate.describe("an annotation from outside the JDK",
                    (JavaAnnotation<?> a) -> !a.getRawType().getPackageName().startsWith("java.")))
            .because("persistence and wire formats are mapped by adapters, not declared on domain types");
}
