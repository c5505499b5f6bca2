package org.fedbridge.sidechain.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;

/**
 * The module's layout, as sidechain-node/README.md describes it: no package cycles; the
 * deterministic core ({@code ledger}, {@code tx}, {@code genesis}) free of I/O and of the packages
 * around it; the ledger's internals and the JSON-RPC method classes behind one public face each;
 * and value equality wherever a record holds an array.
 */
@AnalyzeClasses(
    packages = "org.fedbridge.sidechain",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleArchitectureTest {
  private static final String ROOT = "org.fedbridge.sidechain";

  @ArchTest
  static final ArchRule noPackageCycles =
      slices().matching(ROOT + ".(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule deterministicCoreHasNoIo =
      noClasses()
          .that()
          .resideInAnyPackage(ROOT + ".ledger..", ROOT + ".tx..", ROOT + ".genesis..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              ROOT + ".rpc..",
              ROOT + ".store..",
              ROOT + ".replication..",
              ROOT + ".admission..",
              "org.apache.kafka..",
              "java.sql..",
              "javax.sql..",
              "org.springframework..",
              "java.net..");

  @ArchTest
  static final ArchRule transactionsStandAlone =
      noClasses()
          .that()
          .resideInAPackage(ROOT + ".tx..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(ROOT + ".ledger..", ROOT + ".genesis..");

  @ArchTest
  static final ArchRule storeKnowsOnlyTheLedger =
      noClasses()
          .that()
          .resideInAPackage(ROOT + ".store..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              ROOT + ".rpc..",
              ROOT + ".replication..",
              ROOT + ".admission..",
              "org.apache.kafka..");

  @ArchTest
  static final ArchRule featuresDoNotReachForTheWiring =
      noClasses()
          .that()
          .resideOutsideOfPackage(ROOT)
          .should()
          .dependOnClassesThat()
          .resideInAPackage(ROOT);

  @ArchTest
  static final ArchRule ledgerInternalsArePackagePrivate =
      classes()
          .that()
          .resideInAPackage(ROOT + ".ledger")
          .and(
              DescribedPredicate.describe(
                  "are ledger internals",
                  (JavaClass c) ->
                      Arrays.asList(
                              "State",
                              "Overlay",
                              "StateView",
                              "WorldState",
                              "StateTree",
                              "Executor",
                              "Certificates",
                              "CertificateCodec",
                              "TokenRegistry",
                              "TokenContract",
                              "Bloom",
                              "Abi",
                              "Words",
                              "Amounts",
                              "EpochCodec",
                              "GenesisBlock",
                              "WithdrawalRules")
                          .contains(c.getSimpleName())))
          .should()
          .notBePublic();

  @ArchTest
  static final ArchRule rpcMethodsHideBehindTheirFactory =
      classes()
          .that()
          .resideInAPackage(ROOT + ".rpc.methods")
          .and()
          .doNotHaveSimpleName("RpcMethods")
          .should()
          .notBePublic();

  @ArchTest
  static final ArchRule recordsWithArraysCompareByValue =
      classes()
          .that()
          .areRecords()
          .should(
              new ArchCondition<JavaClass>("declare equals when a component is an array") {
                @Override
                public void check(JavaClass c, ConditionEvents events) {
                  Class<?> type = c.reflect();
                  boolean holdsArray =
                      Arrays.stream(type.getRecordComponents())
                          .map(RecordComponent::getType)
                          .anyMatch(Class::isArray);
                  // The equals the compiler writes for a record compares arrays by identity and
                  // reads no field itself (an invokedynamic does); one written by hand reads them.
                  boolean declaresEquals =
                      c.tryGetMethod("equals", Object.class)
                          .map(m -> !m.getFieldAccesses().isEmpty())
                          .orElse(false);
                  if (holdsArray && !declaresEquals) {
                    events.add(
                        SimpleConditionEvent.violated(
                            c, c.getName() + " holds an array but compares by identity"));
                  }
                }
              });
}
