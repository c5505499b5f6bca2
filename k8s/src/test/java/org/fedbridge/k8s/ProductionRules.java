package org.fedbridge.k8s;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.WeightedPodAffinityTerm;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.scheduling.v1.PriorityClass;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fedbridge.k8s.Manifests.Workload;

/**
 * What production adds: a priority class, spreading over zones and nodes, a disruption budget per
 * workload, an HA PostgreSQL with WAL archiving and scheduled base backups.
 */
final class ProductionRules {
  private ProductionRules() {}

  static List<String> violations(Manifests m) {
    List<String> out = new ArrayList<>();
    for (Workload w : m.workloads()) {
      PodSpec pod = w.template().getSpec();
      Map<String, String> labels = w.template().getMetadata().getLabels();
      String pc = pod.getPriorityClassName();
      if (pc == null
          || m.of(PriorityClass.class).stream().noneMatch(p -> Manifests.name(p).equals(pc))) {
        out.add(w.id() + ": needs a priorityClassName defined in the overlay");
      }
      List<TopologySpreadConstraint> spread =
          pod.getTopologySpreadConstraints() == null
              ? List.of()
              : pod.getTopologySpreadConstraints();
      if (spread.stream()
          .noneMatch(
              t ->
                  "topology.kubernetes.io/zone".equals(t.getTopologyKey())
                      && Selectors.matches(t.getLabelSelector(), labels))) {
        out.add(w.id() + ": needs a zone topologySpreadConstraint over its own pods");
      }
      List<WeightedPodAffinityTerm> anti =
          pod.getAffinity() == null || pod.getAffinity().getPodAntiAffinity() == null
              ? List.of()
              : pod.getAffinity()
                  .getPodAntiAffinity()
                  .getPreferredDuringSchedulingIgnoredDuringExecution();
      if (anti == null
          || anti.stream()
              .noneMatch(
                  t ->
                      "kubernetes.io/hostname".equals(t.getPodAffinityTerm().getTopologyKey())
                          && Selectors.matches(
                              t.getPodAffinityTerm().getLabelSelector(), labels))) {
        out.add(w.id() + ": needs pod anti-affinity across nodes for its own pods");
      }
      if (m.of(PodDisruptionBudget.class).stream()
          .noneMatch(p -> Selectors.matches(p.getSpec().getSelector(), labels))) {
        out.add(w.id() + ": needs a PodDisruptionBudget");
      }
    }
    for (GenericKubernetesResource c : m.custom("Cluster")) {
      Integer instances = Manifests.at(c, "spec", "instances");
      if (instances == null || instances < 3) {
        out.add("Cluster: production needs 3 instances, has " + instances);
      }
      if (!Boolean.TRUE.equals(Manifests.at(c, "spec", "affinity", "enablePodAntiAffinity"))) {
        out.add("Cluster: instances must be spread (affinity.enablePodAntiAffinity)");
      }
      List<Map<String, Object>> plugins = Manifests.at(c, "spec", "plugins");
      String store =
          plugins == null
              ? null
              : plugins.stream()
                  .filter(p -> Boolean.TRUE.equals(p.get("isWALArchiver")))
                  .map(p -> (String) ((Map<?, ?>) p.get("parameters")).get("barmanObjectName"))
                  .findFirst()
                  .orElse(null);
      if (store == null
          || m.custom("ObjectStore").stream().noneMatch(o -> Manifests.name(o).equals(store))) {
        out.add("Cluster: WAL archiving must go to an ObjectStore in the overlay");
      }
      boolean scheduled =
          m.custom("ScheduledBackup").stream()
              .anyMatch(
                  b ->
                      Manifests.name(c).equals(Manifests.at(b, "spec", "cluster", "name"))
                          && "plugin".equals(Manifests.at(b, "spec", "method")));
      if (!scheduled) {
        out.add("Cluster: needs a ScheduledBackup through the backup plugin");
      }
    }
    return out;
  }
}
