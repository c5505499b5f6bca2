package org.fedbridge.core.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** bridge-core stays pure: no framework, persistence, messaging, node client or HTTP client. */
@AnalyzeClasses(
    packages = "org.fedbridge.core",
    importOptions = ImportOption.DoNotIncludeTests.class)
class PurityArchTest {

  @ArchTest
  static final ArchRule noInfrastructure =
      noClasses()
          .that()
          .resideInAPackage("org.fedbridge.core..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.springframework..",
              "jakarta.persistence..",
              "org.apache.kafka..",
              "org.web3j.protocol..",
              "java.net.http..");

  @ArchTest
  static final ArchRule typesDependOnNoFeature =
      noClasses()
          .that()
          .resideInAPackage("org.fedbridge.core.types..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.fedbridge.core.bls..",
              "org.fedbridge.core.threshold..",
              "org.fedbridge.core.dkg..",
              "org.fedbridge.core.keystore..",
              "org.fedbridge.core.message..",
              "org.fedbridge.core.merkle..");
}
