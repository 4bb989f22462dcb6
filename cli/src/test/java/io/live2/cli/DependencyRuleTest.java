package io.live2.cli;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The dependency rule of ARCHITECTURE.md: arrows only point up the module table, and the pure modules never touch
 * the libraries that only adapter modules may import.
 */
class DependencyRuleTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.live2");
    }

    @Test
    void coreModelDependsOnlyOnTheJdkAndJson() {
        classes().that().resideInAPackage("io.live2.model..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.live2.model..", "com.fasterxml.jackson..")
                .check(classes);
    }

    @Test
    void computeSpiDependsOnlyOnCoreModel() {
        // compute-spi is io.live2.compute and its built-in io.live2.compute.cpu; backend modules are siblings
        classes().that().resideInAnyPackage("io.live2.compute", "io.live2.compute.kernels..", "io.live2.compute.cpu..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.live2.model..", "io.live2.compute",
                        "io.live2.compute.kernels..", "io.live2.compute.cpu..")
                .check(classes);
    }

    @Test
    void engineDependsOnlyOnCoreModelAndComputeSpi() {
        classes().that().resideInAPackage("io.live2.engine..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "io.live2.model..", "io.live2.compute", "io.live2.engine..", "com.fasterxml.jackson..")
                .check(classes);
    }

    @Test
    void onlyTheCdkAdapterImportsCdk() {
        noClasses().that().resideOutsideOfPackage("io.live2.chemistry.cdk..")
                .should().dependOnClassesThat().resideInAPackage("org.openscience..")
                .check(classes);
    }

    @Test
    void onlyTheNetworkAdapterImportsJGraphT() {
        noClasses().that().resideOutsideOfPackage("io.live2.chemistry.network..")
                .should().dependOnClassesThat().resideInAPackage("org.jgrapht..")
                .check(classes);
    }

    @Test
    void onlyTheOpenClBackendImportsJocl() {
        noClasses().that().resideOutsideOfPackage("io.live2.compute.opencl..")
                .should().dependOnClassesThat().resideInAPackage("org.jocl..")
                .check(classes);
    }

    @Test
    void onlyTheAparapiBackendImportsAparapi() {
        noClasses().that().resideOutsideOfPackage("io.live2.compute.aparapi..")
                .should().dependOnClassesThat().resideInAPackage("com.aparapi..")
                .check(classes);
    }

    @Test
    void backendModulesDependOnTheSpiOnly() {
        noClasses().that().resideInAnyPackage("io.live2.compute.opencl..", "io.live2.compute.aparapi..", "io.live2.compute.simd..")
                .should().dependOnClassesThat().resideInAnyPackage("io.live2.engine..", "io.live2.cli..", "io.live2.jobs..",
                        "io.live2.compute.cpu..")
                .check(classes);
    }

    @Test
    void onlyTheAwsModuleImportsTheAwsSdk() {
        noClasses().that().resideOutsideOfPackage("io.live2.jobs.aws..")
                .should().dependOnClassesThat().resideInAPackage("software.amazon..")
                .check(classes);
    }

    @Test
    void jobsSitAboveTheEngineAndBelowTheCli() {
        noClasses().that().resideInAnyPackage("io.live2.model..", "io.live2.compute..", "io.live2.engine..", "io.live2.chemistry..")
                .should().dependOnClassesThat().resideInAPackage("io.live2.jobs..")
                .check(classes);
        noClasses().that().resideInAPackage("io.live2.jobs..")
                .should().dependOnClassesThat().resideInAnyPackage("io.live2.cli..", "io.live2.compute.cpu..")
                .check(classes);
    }

    @Test
    void adaptersDependOnTheModelOnly() {
        noClasses().that().resideInAPackage("io.live2.chemistry..")
                .should().dependOnClassesThat().resideInAnyPackage("io.live2.engine..", "io.live2.compute..", "io.live2.cli..")
                .check(classes);
    }

    @Test
    void engineUsesBackendsOnlyThroughTheSpi() {
        noClasses().that().resideInAPackage("io.live2.engine..")
                .should().dependOnClassesThat().resideInAPackage("io.live2.compute.cpu..")
                .check(classes);
    }

    @Test
    void noLibraryModuleDependsOnTheCli() {
        noClasses().that().resideInAnyPackage("io.live2.model..", "io.live2.compute..", "io.live2.engine..")
                .should().dependOnClassesThat().resideInAPackage("io.live2.cli..")
                .check(classes);
    }

    @Test
    void pureModulesNeverTouchAdapterLibraries() {
        noClasses().that().resideInAnyPackage("io.live2.model..", "io.live2.compute", "io.live2.compute.kernels..",
                        "io.live2.compute.cpu..", "io.live2.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("io.helidon..", "software.amazon..", "com.stripe..",
                        "org.redisson..", "java.sql..", "javax.sql..", "org.openscience..", "org.jgrapht..", "org.jocl..", "com.aparapi..",
                        "picocli..", "me.tongfei..", "com.google.inject..")
                .check(classes);
    }

    @Test
    void theServersLibrariesStayOutOfTheLibraryModules() {
        // core-model, compute-*, engine and orchestrator-spi (io.live2.jobs, not its aws adapter) never touch the
        // web server, JDBC, Redis, the injector or billing
        noClasses().that().resideInAnyPackage("io.live2.model..", "io.live2.compute..", "io.live2.engine..", "io.live2.jobs")
                .should().dependOnClassesThat().resideInAnyPackage("io.helidon..", "java.sql..", "javax.sql..", "org.redisson..",
                        "com.google.inject..", "jakarta.inject..", "com.zaxxer..", "org.flywaydb..", "com.nimbusds..", "com.stripe..",
                        "org.h2..", "org.postgresql..")
                .check(classes);
    }

    @Test
    void onlyTheServerImportsHelidonRedisFlywayAndJwt() {
        noClasses().that().resideOutsideOfPackage("io.live2.server..")
                .should().dependOnClassesThat().resideInAnyPackage("io.helidon..", "org.redisson..", "org.flywaydb..", "com.nimbusds..",
                        "com.zaxxer..")
                .check(classes);
    }

    @Test
    void guiceAssemblesTheServerAndNothingElse() {
        noClasses().that().resideOutsideOfPackages("io.live2.server.wiring..", "io.live2.server")
                .should().dependOnClassesThat().resideInAnyPackage("com.google.inject..", "jakarta.inject..")
                .check(classes);
    }

    @Test
    void billingIsPurePolicyAndTheStripeAdapter() {
        // the billing module decides; the server stores and counts: no web server, database, Redis or injector here
        noClasses().that().resideInAPackage("io.live2.billing..")
                .should().dependOnClassesThat().resideInAnyPackage("io.helidon..", "java.sql..", "javax.sql..", "org.redisson..",
                        "com.google.inject..", "jakarta.inject..", "com.zaxxer..", "org.flywaydb..", "org.h2..", "org.postgresql..",
                        "io.live2.server..", "io.live2.jobs..", "io.live2.engine..", "io.live2.compute..")
                .check(classes);
        // and only its Stripe adapter talks to Stripe
        noClasses().that().resideOutsideOfPackage("io.live2.billing.stripe..")
                .should().dependOnClassesThat().resideInAPackage("com.stripe..")
                .check(classes);
    }

    @Test
    void nothingBelowTheServerDependsOnIt() {
        noClasses().that().resideInAnyPackage("io.live2.model..", "io.live2.compute..", "io.live2.engine..", "io.live2.jobs..",
                        "io.live2.chemistry..", "io.live2.billing..")
                .should().dependOnClassesThat().resideInAPackage("io.live2.server..")
                .check(classes);
    }
}
