package org.fedbridge.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/operations.md, "Restore a PostgreSQL backup", has the operator add
 * production/restore/cluster-recovery.yaml to the overlay's patches. This renders production with
 * that patch the way the runbook says, and checks the result is a valid restore: one bootstrap
 * method (recovery), from the overlay's ObjectStore under the old server name, archiving under a
 * new one, and every other rule still holding.
 */
class RestoreRunbookTest {
  @Test
  void theRestorePatchGivesAValidRecoveryCluster(@TempDir Path dir) throws IOException {
    Path patch = Repo.overlay("production").resolve("restore/cluster-recovery.yaml");
    Files.copy(patch, dir.resolve("cluster-recovery.yaml"));
    Files.writeString(
        dir.resolve("kustomization.yaml"),
        """
        apiVersion: kustomize.config.k8s.io/v1beta1
        kind: Kustomization
        resources:
          - %s
        patches:
          - path: cluster-recovery.yaml
            target: {kind: Cluster, name: postgres}
        """
            .formatted(dir.relativize(Repo.overlay("production"))));
    Manifests m = Manifests.parse(Kustomize.render(dir));

    assertThat(Strict.violations(m)).isEmpty();
    assertThat(PostgresRules.violations(m)).isEmpty();
    assertThat(ProductionRules.violations(m)).isEmpty();
    GenericKubernetesResource cluster = m.custom("Cluster").get(0);
    Map<String, Object> bootstrap = Manifests.at(cluster, "spec", "bootstrap");
    assertThat(bootstrap).containsOnlyKeys("recovery");
    String source = Manifests.at(cluster, "spec", "bootstrap", "recovery", "source");
    List<Map<String, Object>> external = Manifests.at(cluster, "spec", "externalClusters");
    @SuppressWarnings("unchecked")
    Map<String, Object> from =
        (Map<String, Object>)
            ((Map<String, Object>)
                    external.stream()
                        .filter(e -> source.equals(e.get("name")))
                        .findFirst()
                        .orElseThrow()
                        .get("plugin"))
                .get("parameters");
    List<Map<String, Object>> plugins = Manifests.at(cluster, "spec", "plugins");
    @SuppressWarnings("unchecked")
    Map<String, Object> to = (Map<String, Object>) plugins.get(0).get("parameters");
    String store = Manifests.name(m.custom("ObjectStore").get(0));
    assertThat(from)
        .containsEntry("barmanObjectName", store)
        .containsEntry("serverName", Manifests.name(cluster));
    assertThat(to).containsEntry("barmanObjectName", store);
    assertThat(to.get("serverName"))
        .as("a restored cluster archives under a new name")
        .isNotEqualTo(from.get("serverName"));
  }
}
