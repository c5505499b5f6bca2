package org.fedbridge.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Renders every overlay with {@code kubectl kustomize}, parses it strictly with the fabric8 model,
 * and holds it to the rules of issue 12: locked-down pods, actuator probes, resources, pinned
 * images, consistent labels, resolvable references, one validator per key share, network policies,
 * no secret values, Kafka topics and ACLs, PostgreSQL databases and roles, and production's
 * placement and backups.
 */
class OverlayManifestsTest {
  static final List<String> OVERLAYS = Repo.OVERLAYS;

  @ParameterizedTest
  @FieldSource("OVERLAYS")
  void everyObjectParsesStrictly(String overlay) {
    Manifests m = Manifests.render("overlays/" + overlay);
    assertThat(m.all()).isNotEmpty();
    assertThat(Strict.violations(m)).isEmpty();
  }

  @ParameterizedTest
  @FieldSource("OVERLAYS")
  void everythingLivesInTheOverlaysRestrictedNamespace(String overlay) {
    Manifests m = Manifests.render("overlays/" + overlay);
    List<Namespace> namespaces = m.of(Namespace.class);
    assertThat(namespaces).hasSize(1);
    String ns = namespaces.get(0).getMetadata().getName();
    assertThat(namespaces.get(0).getMetadata().getLabels())
        .containsEntry("pod-security.kubernetes.io/enforce", "restricted");
    Set<String> clusterScoped = Set.of("Namespace", "PriorityClass");
    for (HasMetadata r : m.all()) {
      if (!clusterScoped.contains(r.getKind())) {
        assertThat(r.getMetadata().getNamespace())
            .as(r.getKind() + "/" + r.getMetadata().getName())
            .isEqualTo(ns);
      }
    }
  }

  @ParameterizedTest
  @FieldSource("OVERLAYS")
  void podsAreLockedDownProbedSizedAndPinned(String overlay) {
    Manifests m = Manifests.render("overlays/" + overlay);
    assertThat(m.workloads()).isNotEmpty();
    assertThat(PodRules.securityContext(m)).isEmpty();
    assertThat(PodRules.probes(m)).isEmpty();
    assertThat(PodRules.resources(m)).isEmpty();
    assertThat(PodRules.images(m, overlay.equals("production"))).isEmpty();
  }

  @ParameterizedTest
  @FieldSource("OVERLAYS")
  void labelsAndReferencesAreConsistent(String overlay) {
    Manifests m = Manifests.render("overlays/" + overlay);
    assertThat(DeploymentRules.labels(m)).isEmpty();
    assertThat(DeploymentRules.autoscalers(m)).isEmpty();
    var documented = References.documentedSecrets(Repo.overlay(overlay).resolve("README.md"));
    assertThat(documented).as("README.md 'Secrets you create' table").isNotEmpty();
    assertThat(References.violations(m, documented)).isEmpty();
  }

  @ParameterizedTest
  @FieldSource("OVERLAYS")
  void aValidatorCanNeverRunTwice(String overlay) {
    assertThat(DeploymentRules.validatorSingleton(Manifests.render("overlays/" + overlay)))
        .isEmpty();
  }

  @ParameterizedTest
  @FieldSource("OVERLAYS")
  void noSecretValueIsInTheManifests(String overlay) {
    assertThat(DeploymentRules.noSecretValues(Manifests.render("overlays/" + overlay))).isEmpty();
  }

  @ParameterizedTest
  @FieldSource("OVERLAYS")
  void networkPoliciesDenyByDefaultAndAllowOnlyWhatEachServiceNeeds(String overlay) {
    Manifests m = Manifests.render("overlays/" + overlay);
    assertThat(NetworkRules.violations(m, overlay.equals("federation-dev"))).isEmpty();
  }

  @ParameterizedTest
  @FieldSource("OVERLAYS")
  void eachServiceHasItsOwnDatabaseRoleAndKafkaPrincipal(String overlay) {
    Manifests m = Manifests.render("overlays/" + overlay);
    assertThat(PostgresRules.violations(m)).isEmpty();
    assertThat(KafkaRules.clients(m, new java.util.HashMap<>())).isEmpty();
  }

  @Test
  void strimziTopicsHaveThePartitionsTheServicesCheckAtStartUp() {
    Map<String, TopicContracts.Contract> contracts = TopicContracts.read();
    // The six topics of docs/architecture.md, as the services declare them today.
    assertThat(contracts.keySet())
        .containsExactlyInAnyOrder(
            "sidechain.txs",
            "bridge.partials",
            "bridge.certificates",
            "bridge.dkg",
            "bridge.heartbeats",
            "bridge.governance");
    Manifests m = Manifests.render("overlays/federation-dev");
    assertThat(m.custom("KafkaTopic")).hasSize(contracts.size());
    assertThat(KafkaRules.strimzi(m, contracts)).isEmpty();
  }

  @Test
  void productionIsSpreadPrioritisedBudgetedAndBackedUp() {
    Manifests m = Manifests.render("overlays/production");
    assertThat(m.workloads())
        .extracting(Manifests.Workload::app)
        .containsExactlyInAnyOrder("admin-api", "relayer", "bridge-validator", "sidechain-node");
    assertThat(ProductionRules.violations(m)).isEmpty();
  }

  @Test
  void theOperatorOverlayRunsOneValidatorAndOneSidechainReplica() {
    Manifests m = Manifests.render("overlays/operator");
    assertThat(m.workloads())
        .extracting(Manifests.Workload::id)
        .containsExactlyInAnyOrder("StatefulSet/bridge-validator", "StatefulSet/sidechain-node");
    assertThat(m.custom("Kafka")).as("the federation's Kafka is external").isEmpty();
  }

  @Test
  void federationDevRunsFourMembersWithThresholdThree() throws Exception {
    Manifests m = Manifests.render("overlays/federation-dev");
    List<String> operators =
        m.workloadsOf("bridge-validator")
            .map(
                w ->
                    DeploymentRules.env(
                        w.template().getSpec().getContainers().get(0),
                        "BRIDGE_VALIDATOR_OPERATORID"))
            .sorted()
            .toList();
    assertThat(operators).containsExactly("op-1", "op-2", "op-3", "op-4");
    String spec =
        m.generatedConfigMap("federation-spec").orElseThrow().getData().get("federation-spec.json");
    JsonNode json = new ObjectMapper().readTree(spec);
    assertThat(json.get("threshold").asInt()).isEqualTo(3);
    Set<String> members =
        java.util.stream.StreamSupport.stream(json.get("members").spliterator(), false)
            .map(n -> n.get("operatorId").asText())
            .collect(Collectors.toSet());
    assertThat(members).containsExactlyInAnyOrderElementsOf(operators);
  }

  @Test
  void theBaseAloneFollowsThePodRules() {
    Manifests m = Manifests.render("base");
    assertThat(Strict.violations(m)).isEmpty();
    assertThat(PodRules.securityContext(m)).isEmpty();
    assertThat(PodRules.probes(m)).isEmpty();
    assertThat(PodRules.resources(m)).isEmpty();
    assertThat(PodRules.images(m, false)).isEmpty();
    assertThat(DeploymentRules.labels(m)).isEmpty();
    assertThat(DeploymentRules.autoscalers(m)).isEmpty();
    assertThat(m.of(io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler.class))
        .singleElement()
        .satisfies(h -> assertThat(h.getSpec().getScaleTargetRef().getName()).isEqualTo("relayer"));
    assertThat(DeploymentRules.validatorSingleton(m)).isEmpty();
    assertThat(DeploymentRules.noSecretValues(m)).isEmpty();
    assertThat(NetworkRules.violations(m, false)).isEmpty();
  }
}
