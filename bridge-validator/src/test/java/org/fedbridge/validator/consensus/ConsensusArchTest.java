package org.fedbridge.validator.consensus;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The consensus, submit and health features keep their internals package-private behind one public
 * face, and consensus depends on neither of its readers.
 */
@AnalyzeClasses(
    packages = "org.fedbridge.validator",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ConsensusArchTest {

  @ArchTest
  static final ArchRule consensusExposesOnlyItsFace =
      classes()
          .that()
          .resideInAPackage("org.fedbridge.validator.consensus")
          .and()
          .areTopLevelClasses()
          .and()
          .arePublic()
          .should()
          .haveSimpleNameStartingWith("PartialPublisher")
          .orShould()
          .haveSimpleNameStartingWith("CertificateBook")
          .orShould()
          .haveSimpleNameStartingWith("ConsensusStatus")
          .orShould()
          .haveSimpleName("Certificate")
          .orShould()
          .haveSimpleName("CertificateContent")
          .orShould()
          .haveSimpleName("BatchKey");

  @ArchTest
  static final ArchRule submitAndHealthHaveNoPublicClasses =
      noClasses()
          .that()
          .resideInAnyPackage("org.fedbridge.validator.submit", "org.fedbridge.validator.health")
          .and()
          .areTopLevelClasses()
          .should()
          .bePublic();

  @ArchTest
  static final ArchRule consensusDependsOnNoReader =
      noClasses()
          .that()
          .resideInAPackage("org.fedbridge.validator.consensus")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.fedbridge.validator.submit", "org.fedbridge.validator.health");
}
