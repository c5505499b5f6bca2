package org.fedbridge.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRuleBuilder;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The rules are only worth something if they fail: each test breaks one thing in a real rendered
 * overlay the way a careless edit would, and checks that the matching rule reports it.
 */
class ManifestRulesMutationTest {
  private static Manifests dev() {
    return Manifests.parse(Kustomize.render(Repo.overlay("federation-dev")));
  }

  private static Manifests production() {
    return Manifests.parse(Kustomize.render(Repo.overlay("production")));
  }

  private static StatefulSet sts(Manifests m, String name) {
    return m.of(StatefulSet.class).stream()
        .filter(s -> Manifests.name(s).equals(name))
        .findFirst()
        .orElseThrow();
  }

  private static Container container(StatefulSet s) {
    return s.getSpec().getTemplate().getSpec().getContainers().get(0);
  }

  private static List<String> all(Manifests m) {
    List<String> out = new ArrayList<>();
    out.addAll(PodRules.securityContext(m));
    out.addAll(PodRules.probes(m));
    out.addAll(PodRules.resources(m));
    out.addAll(PodRules.images(m, false));
    out.addAll(DeploymentRules.labels(m));
    out.addAll(DeploymentRules.autoscalers(m));
    out.addAll(DeploymentRules.validatorSingleton(m));
    out.addAll(DeploymentRules.noSecretValues(m));
    out.addAll(NetworkRules.violations(m, true));
    out.addAll(PostgresRules.violations(m));
    out.addAll(KafkaRules.strimzi(m, TopicContracts.read()));
    out.addAll(
        References.violations(
            m, References.documentedSecrets(Repo.overlay("federation-dev").resolve("README.md"))));
    out.addAll(Strict.violations(m));
    return out;
  }

  @Test
  void theUnmutatedRenderPassesEveryRule() {
    assertThat(all(dev())).isEmpty();
  }

  @Test
  void aWritableRootFileSystemIsReported() {
    Manifests m = dev();
    container(sts(m, "sidechain-node")).getSecurityContext().setReadOnlyRootFilesystem(false);
    assertThat(PodRules.securityContext(m))
        .singleElement()
        .asString()
        .contains("readOnlyRootFilesystem");
  }

  @Test
  void keptCapabilitiesRootAndAnApiTokenAreReported() {
    Manifests m = dev();
    StatefulSet s = sts(m, "bridge-validator-2");
    container(s).getSecurityContext().getCapabilities().setDrop(List.of());
    s.getSpec().getTemplate().getSpec().getSecurityContext().setRunAsNonRoot(null);
    s.getSpec().getTemplate().getSpec().setAutomountServiceAccountToken(true);
    s.getSpec().getTemplate().getSpec().getSecurityContext().setSeccompProfile(null);
    assertThat(PodRules.securityContext(m))
        .anyMatch(v -> v.contains("drop ALL"))
        .anyMatch(v -> v.contains("runAsNonRoot"))
        .anyMatch(v -> v.contains("service-account token"))
        .anyMatch(v -> v.contains("seccompProfile"));
  }

  @Test
  void probesOffTheActuatorOrAWrongPortAreReported() {
    Manifests m = dev();
    Container c = container(sts(m, "sidechain-node"));
    c.getReadinessProbe().getHttpGet().setPath("/health");
    c.getPorts().get(0).setContainerPort(9999);
    assertThat(PodRules.probes(m))
        .anyMatch(v -> v.contains("readinessProbe path /health"))
        .anyMatch(v -> v.contains("server.port 8645"));
  }

  @Test
  void missingResourcesAndUnpinnedImagesAreReported() {
    Manifests m = dev();
    Container c = container(sts(m, "bridge-validator-1"));
    c.getResources().setRequests(Map.of());
    c.setImage("fedbridge/bridge-validator:latest");
    assertThat(PodRules.resources(m)).singleElement().asString().contains("requests");
    assertThat(PodRules.images(m, false)).singleElement().asString().contains("latest");
    assertThat(PodRules.images(dev(), true)).isNotEmpty().allMatch(v -> v.contains("digest"));
  }

  @Test
  void twoReplicasOfAValidatorAreReported() {
    Manifests m = dev();
    sts(m, "bridge-validator-3").getSpec().setReplicas(2);
    assertThat(DeploymentRules.validatorSingleton(m))
        .singleElement()
        .asString()
        .contains("exactly 1 replica");
  }

  @Test
  void parallelPodsABlockingBudgetAndAnAutoscalerOnAValidatorAreReported() {
    Manifests m = dev();
    sts(m, "bridge-validator-1").getSpec().setPodManagementPolicy("Parallel");
    PodDisruptionBudget pdb =
        m.of(PodDisruptionBudget.class).stream()
            .filter(p -> Manifests.name(p).equals("bridge-validator-1"))
            .findFirst()
            .orElseThrow();
    pdb.getSpec().setMinAvailable(new IntOrString(1));
    m.all()
        .add(
            new HorizontalPodAutoscalerBuilder()
                .withNewMetadata()
                .withName("validator-hpa")
                .endMetadata()
                .withNewSpec()
                .withNewScaleTargetRef("apps/v1", "StatefulSet", "bridge-validator-1")
                .withMaxReplicas(3)
                .endSpec()
                .build());
    assertThat(DeploymentRules.validatorSingleton(m))
        .anyMatch(v -> v.contains("OrderedReady"))
        .anyMatch(v -> v.contains("maxUnavailable: 1 only"))
        .anyMatch(v -> v.contains("HorizontalPodAutoscaler/validator-hpa"));
  }

  @Test
  void aValidatorRunAsADeploymentIsReported() {
    Manifests m = dev();
    StatefulSet s = sts(m, "bridge-validator-4");
    Deployment d =
        new DeploymentBuilder()
            .withMetadata(s.getMetadata())
            .withNewSpec()
            .withReplicas(1)
            .withSelector(s.getSpec().getSelector())
            .withTemplate(s.getSpec().getTemplate())
            .endSpec()
            .build();
    m.all().remove(s);
    m.all().add(d);
    assertThat(DeploymentRules.validatorSingleton(m))
        .singleElement()
        .asString()
        .contains("must be a StatefulSet");
  }

  @Test
  void keysOutsideAReadOnlySecretAreReported() {
    Manifests m = dev();
    StatefulSet s = sts(m, "bridge-validator-2");
    List<Volume> volumes = s.getSpec().getTemplate().getSpec().getVolumes();
    volumes.replaceAll(
        v ->
            v.getName().equals("keys")
                ? new VolumeBuilder().withName("keys").withNewEmptyDir().endEmptyDir().build()
                : v);
    container(s).getVolumeMounts().stream()
        .filter(vm -> vm.getName().equals("keys-password"))
        .forEach(vm -> vm.setReadOnly(false));
    assertThat(DeploymentRules.validatorSingleton(m))
        .anyMatch(v -> v.contains("keys directory"))
        .anyMatch(v -> v.contains("password file"));
  }

  @Test
  void anUndocumentedSecretAndAMissingConfigMapKeyAreReported() {
    Manifests m = dev();
    Container c = container(sts(m, "sidechain-node"));
    c.getEnv().stream()
        .filter(e -> e.getName().equals("SPRING_DATASOURCE_PASSWORD"))
        .forEach(e -> e.getValueFrom().getSecretKeyRef().setName("forgotten-secret"));
    c.getEnv().stream()
        .filter(e -> e.getName().equals("BRIDGE_SIDECHAIN_CHAINID"))
        .forEach(e -> e.getValueFrom().getConfigMapKeyRef().setKey("NO_SUCH_KEY"));
    var documented =
        References.documentedSecrets(Repo.overlay("federation-dev").resolve("README.md"));
    assertThat(References.violations(m, documented))
        .anyMatch(v -> v.contains("forgotten-secret is neither issued nor documented"))
        .anyMatch(v -> v.contains("has no key NO_SUCH_KEY"));
  }

  @Test
  void aLiteralPasswordIsReported() {
    Manifests m = dev();
    Container c = container(sts(m, "sidechain-node"));
    c.getEnv()
        .replaceAll(
            e ->
                e.getName().equals("SPRING_DATASOURCE_PASSWORD")
                    ? new EnvVarBuilder().withName(e.getName()).withValue("hunter2").build()
                    : e);
    assertThat(DeploymentRules.noSecretValues(m))
        .singleElement()
        .asString()
        .contains("SPRING_DATASOURCE_PASSWORD");
  }

  @Test
  void noDefaultDenyOrAnOpenEgressOrAMissingPathAreReported() {
    Manifests m = dev();
    m.all().removeIf(r -> r instanceof NetworkPolicy && Manifests.name(r).equals("default-deny"));
    assertThat(NetworkRules.violations(m, true))
        .isNotEmpty()
        .allMatch(v -> v.contains("default-deny"));

    Manifests open = dev();
    open.of(NetworkPolicy.class).stream()
        .filter(p -> Manifests.name(p).equals("allow-egress-kafka"))
        .forEach(p -> p.getSpec().getEgress().add(new NetworkPolicyEgressRuleBuilder().build()));
    assertThat(NetworkRules.violations(open, true))
        .anyMatch(v -> v.contains("allows every destination"));

    Manifests cut = dev();
    sts(cut, "bridge-validator-1")
        .getSpec()
        .getTemplate()
        .getMetadata()
        .getLabels()
        .remove("fedbridge.org/l1-client");
    assertThat(NetworkRules.violations(cut, true))
        .singleElement()
        .asString()
        .contains("StatefulSet/bridge-validator-1: may reach");
  }

  @Test
  void internetEgressIsReportedOutsideDevelopment() {
    assertThat(NetworkRules.violations(dev(), false)).anyMatch(v -> v.contains("0.0.0.0/0"));
  }

  @Test
  void aTopicWithOtherPartitionsOrABroaderAclOrASharedPrincipalIsReported() {
    Manifests m = dev();
    GenericKubernetesResource partials =
        m.custom("KafkaTopic").stream()
            .filter(t -> Manifests.name(t).equals("bridge-partials"))
            .findFirst()
            .orElseThrow();
    specOf(partials).put("partitions", 1);
    GenericKubernetesResource user =
        m.custom("KafkaUser").stream()
            .filter(u -> Manifests.name(u).equals("kafka-bridge-validator-1"))
            .findFirst()
            .orElseThrow();
    List<Map<String, Object>> acls = Manifests.at(user, "spec", "authorization", "acls");
    acls.add(
        new HashMap<>(
            Map.of(
                "resource",
                    Map.of("type", "topic", "name", "bridge.governance", "patternType", "literal"),
                "operations", List.of("Write"))));
    Container v2 = container(sts(m, "bridge-validator-2"));
    v2.getEnv().stream()
        .filter(e -> e.getName().endsWith("SSL_KEYSTORE_PASSWORD"))
        .forEach(e -> e.getValueFrom().getSecretKeyRef().setName("kafka-bridge-validator-3"));
    sts(m, "bridge-validator-2").getSpec().getTemplate().getSpec().getVolumes().stream()
        .filter(v -> v.getName().equals("kafka-user"))
        .forEach(v -> v.getSecret().setSecretName("kafka-bridge-validator-3"));
    assertThat(KafkaRules.strimzi(m, TopicContracts.read()))
        .anyMatch(v -> v.contains("bridge.partials: 1 partitions") && v.contains("require 3"))
        .anyMatch(v -> v.contains("kafka-bridge-validator-1") && v.contains("ACLs"))
        .anyMatch(v -> v.contains("share the Kafka principal kafka-bridge-validator-3"));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> specOf(GenericKubernetesResource r) {
    return (Map<String, Object>) r.getAdditionalProperties().get("spec");
  }

  @Test
  void plaintextPostgresASuperuserRoleAndASharedDatabaseAreReported() {
    Manifests m = dev();
    Container relayer =
        m.of(Deployment.class).stream()
            .filter(d -> Manifests.name(d).equals("relayer"))
            .findFirst()
            .orElseThrow()
            .getSpec()
            .getTemplate()
            .getSpec()
            .getContainers()
            .get(0);
    for (EnvVar e : relayer.getEnv()) {
      if (e.getName().equals("SPRING_DATASOURCE_URL")) {
        e.setValue("jdbc:postgresql://postgres-rw:5432/admin?sslmode=require");
      }
    }
    List<Map<String, Object>> roles =
        Manifests.at(m.custom("Cluster").get(0), "spec", "managed", "roles");
    roles.get(0).put("superuser", true);
    assertThat(PostgresRules.violations(m))
        .anyMatch(v -> v.contains("sslmode must be verify-full"))
        .anyMatch(v -> v.contains("superuser must be false"))
        .anyMatch(v -> v.contains("share database admin"));
  }

  @Test
  void anAdminConsoleRunningAsTheRoleThatOwnsItsAuditLogIsReported() {
    Manifests m = dev();
    Container admin =
        m.of(Deployment.class).stream()
            .filter(d -> Manifests.name(d).equals("admin-api"))
            .findFirst()
            .orElseThrow()
            .getSpec()
            .getTemplate()
            .getSpec()
            .getContainers()
            .get(0);
    for (EnvVar e : admin.getEnv()) {
      if (e.getName().startsWith("SPRING_DATASOURCE_") && e.getValueFrom() != null) {
        e.getValueFrom().getSecretKeyRef().setName("admin-api-db");
      }
    }
    assertThat(PostgresRules.violations(m))
        .anyMatch(v -> v.contains("must not be the role that owns and migrates admin"));
  }

  @Test
  void productionWithoutPriorityOrBackupsIsReported() {
    assertThat(ProductionRules.violations(production())).isEmpty();
    Manifests m = production();
    m.of(StatefulSet.class).get(0).getSpec().getTemplate().getSpec().setPriorityClassName(null);
    m.all().removeIf(r -> r.getKind().equals("ScheduledBackup"));
    assertThat(ProductionRules.violations(m))
        .anyMatch(v -> v.contains("priorityClassName"))
        .anyMatch(v -> v.contains("ScheduledBackup"));
  }

  @Test
  void misspeltFieldsAreReportedInTypedAndCustomResources() {
    Manifests m = dev();
    container(sts(m, "sidechain-node"))
        .getSecurityContext()
        .setAdditionalProperty("readOnlyRootFileSystem", true);
    GenericKubernetesResource user = m.custom("KafkaUser").get(0);
    List<Map<String, Object>> acls = Manifests.at(user, "spec", "authorization", "acls");
    acls.get(0).put("operation", "Write");
    specOf(m.custom("KafkaTopic").get(0)).put("partitions", "3");
    assertThat(Strict.violations(m))
        .anyMatch(v -> v.contains("unknown field(s) [readOnlyRootFileSystem]"))
        .anyMatch(v -> v.contains("unknown field operation"))
        .anyMatch(v -> v.contains("spec.partitions: 3 is not int"));
  }

  @Test
  void aRelayerReplicaCountFightingItsAutoscalerIsReported() {
    Manifests m = dev();
    m.of(Deployment.class).stream()
        .filter(d -> Manifests.name(d).equals("relayer"))
        .forEach(d -> d.getSpec().setReplicas(1));
    assertThat(DeploymentRules.autoscalers(m)).singleElement().asString().contains("sets replicas");
  }

  @Test
  void aServiceSelectingNothingIsReported() {
    Manifests m = dev();
    m.of(Service.class).get(0).getSpec().setSelector(Map.of("app.kubernetes.io/name", "nothing"));
    assertThat(DeploymentRules.labels(m))
        .singleElement()
        .asString()
        .contains("selects 0 workloads");
  }
}
