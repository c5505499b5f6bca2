package org.fedbridge.k8s;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.fedbridge.k8s.Manifests.Workload;

/** Rules about how the rendered objects fit together. */
final class DeploymentRules {
  static final String PART_OF = "app.kubernetes.io/part-of";
  static final String NAME = "app.kubernetes.io/name";
  private static final Pattern SECRET_NAME =
      Pattern.compile("(?i).*(PASSWORD|SECRET|TOKEN|PRIVATE|CREDENTIAL|MNEMONIC).*");
  private static final Pattern PATH_SETTING = Pattern.compile("(?i).*(FILE|LOCATION|TYPE)$");

  private DeploymentRules() {}

  /**
   * Consistent labels: everything is part-of fedbridge; a workload's selector is within its pod
   * labels and names the service; every Service, PDB and ServiceMonitor selects what it should.
   */
  static List<String> labels(Manifests m) {
    List<String> out = new ArrayList<>();
    for (HasMetadata r : m.all()) {
      Map<String, String> l = r.getMetadata().getLabels();
      if (l == null || !"fedbridge".equals(l.get(PART_OF))) {
        out.add(r.getKind() + "/" + Manifests.name(r) + ": missing " + PART_OF + "=fedbridge");
      }
    }
    List<Workload> workloads = m.workloads();
    for (Workload w : workloads) {
      Map<String, String> pod = w.template().getMetadata().getLabels();
      if (w.app() == null || !w.app().equals(w.labels() == null ? null : w.labels().get(NAME))) {
        out.add(w.id() + ": " + NAME + " must be set alike on the workload and its pods");
      }
      if (w.selector() == null || !Selectors.matches(w.selector(), pod)) {
        out.add(w.id() + ": selector does not match its own pod labels");
      } else if (w.selector().getMatchLabels() == null
          || !w.app().equals(w.selector().getMatchLabels().get(NAME))) {
        out.add(w.id() + ": selector must include " + NAME);
      }
      long overlapping =
          workloads.stream()
              .filter(o -> Selectors.matches(w.selector(), o.template().getMetadata().getLabels()))
              .count();
      if (overlapping != 1) {
        out.add(w.id() + ": selector also selects another workload's pods");
      }
    }
    for (Service s : m.of(Service.class)) {
      long n = selected(workloads, s.getSpec().getSelector());
      if (n != 1) {
        out.add("Service/" + Manifests.name(s) + ": selects " + n + " workloads, expected 1");
      }
    }
    for (PodDisruptionBudget p : m.of(PodDisruptionBudget.class)) {
      long n =
          workloads.stream()
              .filter(
                  w ->
                      Selectors.matches(
                          p.getSpec().getSelector(), w.template().getMetadata().getLabels()))
              .count();
      if (n != 1) {
        out.add("PodDisruptionBudget/" + Manifests.name(p) + ": selects " + n + " workloads");
      }
    }
    for (GenericKubernetesResource sm : m.custom("ServiceMonitor")) {
      Map<String, String> sel = Manifests.at(sm, "spec", "selector", "matchLabels");
      List<Map<String, Object>> endpoints = Manifests.at(sm, "spec", "endpoints");
      List<Service> scraped =
          m.of(Service.class).stream()
              .filter(s -> Selectors.matches(sel, s.getMetadata().getLabels()))
              .toList();
      if (scraped.isEmpty()) {
        out.add("ServiceMonitor/" + Manifests.name(sm) + ": selects no Service");
      }
      for (Map<String, Object> e : endpoints) {
        if (!"/actuator/prometheus".equals(e.get("path"))) {
          out.add("ServiceMonitor/" + Manifests.name(sm) + ": path must be /actuator/prometheus");
        }
        for (Service s : scraped) {
          if (s.getSpec().getPorts().stream().noneMatch(p -> e.get("port").equals(p.getName()))) {
            out.add("Service/" + Manifests.name(s) + ": no port " + e.get("port") + " to scrape");
          }
        }
      }
    }
    return out;
  }

  private static long selected(List<Workload> workloads, Map<String, String> selector) {
    return workloads.stream()
        .filter(w -> Selectors.matches(selector, w.template().getMetadata().getLabels()))
        .count();
  }

  /**
   * SECURITY: a key share never runs twice. Every validator is a one-replica StatefulSet (ordered,
   * rolling), has a PodDisruptionBudget that only allows evictions (maxUnavailable 1), is the
   * target of no autoscaler, and reads its keys and password from read-only Secret mounts.
   */
  static List<String> validatorSingleton(Manifests m) {
    List<String> out = new ArrayList<>();
    List<Workload> validators =
        m.workloads().stream()
            .filter(
                w ->
                    "bridge-validator".equals(w.app())
                        || w.containers().stream()
                            .anyMatch(c -> c.getImage().contains("bridge-validator")))
            .toList();
    if (validators.isEmpty()) {
      out.add("no validator in this render");
    }
    for (Workload w : validators) {
      if (!(w.resource() instanceof StatefulSet sts)) {
        out.add(w.id() + ": a validator must be a StatefulSet (at most one pod per identity)");
        continue;
      }
      if (!Integer.valueOf(1).equals(w.replicas())) {
        out.add(w.id() + ": a validator must have exactly 1 replica, not " + w.replicas());
      }
      var spec = sts.getSpec();
      if (!"OrderedReady".equals(spec.getPodManagementPolicy())) {
        out.add(w.id() + ": podManagementPolicy must be OrderedReady");
      }
      if (spec.getUpdateStrategy() == null
          || !"RollingUpdate".equals(spec.getUpdateStrategy().getType())) {
        out.add(w.id() + ": updateStrategy must be RollingUpdate");
      }
      for (HorizontalPodAutoscaler hpa : m.of(HorizontalPodAutoscaler.class)) {
        if (hpa.getSpec().getScaleTargetRef().getName().equals(w.name())) {
          out.add(w.id() + ": is scaled by HorizontalPodAutoscaler/" + Manifests.name(hpa));
        }
      }
      List<PodDisruptionBudget> pdbs =
          m.of(PodDisruptionBudget.class).stream()
              .filter(
                  p ->
                      Selectors.matches(
                          p.getSpec().getSelector(), w.template().getMetadata().getLabels()))
              .toList();
      if (pdbs.size() != 1) {
        out.add(w.id() + ": needs exactly one PodDisruptionBudget, has " + pdbs.size());
      } else {
        var pdb = pdbs.get(0).getSpec();
        if (pdb.getMinAvailable() != null
            || pdb.getMaxUnavailable() == null
            || pdb.getMaxUnavailable().getIntVal() == null
            || pdb.getMaxUnavailable().getIntVal() != 1) {
          out.add(w.id() + ": its PodDisruptionBudget must be maxUnavailable: 1 only");
        }
      }
      Container c = w.template().getSpec().getContainers().get(0);
      String keys = env(c, "BRIDGE_VALIDATOR_KEYS_DIRECTORY");
      String password = env(c, "BRIDGE_VALIDATOR_KEYS_PASSWORDFILE");
      if (!"keystore".equals(env(c, "BRIDGE_VALIDATOR_KEYS_SIGNER"))) {
        out.add(w.id() + ": BRIDGE_VALIDATOR_KEYS_SIGNER must be keystore");
      }
      if (keys == null || !fromSecretMount(w, c, keys)) {
        out.add(w.id() + ": the keys directory must be a read-only Secret mount");
      }
      if (password == null || !fromSecretMount(w, c, password)) {
        out.add(w.id() + ": the keystore password file must be in a read-only Secret mount");
      }
    }
    return out;
  }

  /**
   * The relayer scales on CPU: every autoscaler targets an existing Deployment (never the
   * validator) on a CPU metric, and that Deployment leaves its replica count to the autoscaler.
   */
  static List<String> autoscalers(Manifests m) {
    List<String> out = new ArrayList<>();
    List<HorizontalPodAutoscaler> hpas = m.of(HorizontalPodAutoscaler.class);
    for (HorizontalPodAutoscaler hpa : hpas) {
      String id = "HorizontalPodAutoscaler/" + Manifests.name(hpa);
      var ref = hpa.getSpec().getScaleTargetRef();
      var target =
          m.workloads().stream()
              .filter(w -> w.kind().equals(ref.getKind()) && w.name().equals(ref.getName()))
              .findFirst();
      if (target.isEmpty() || !ref.getKind().equals("Deployment")) {
        out.add(
            id
                + ": must target an existing Deployment, not "
                + ref.getKind()
                + "/"
                + ref.getName());
        continue;
      }
      if (target.get().replicas() != null) {
        out.add(target.get().id() + ": sets replicas although " + id + " scales it");
      }
      boolean cpu =
          hpa.getSpec().getMetrics().stream()
              .anyMatch(x -> x.getResource() != null && "cpu".equals(x.getResource().getName()));
      if (!cpu) {
        out.add(id + ": must scale on CPU");
      }
      if (hpa.getSpec().getMinReplicas() == null
          || hpa.getSpec().getMinReplicas() > hpa.getSpec().getMaxReplicas()) {
        out.add(id + ": minReplicas must be set and at most maxReplicas");
      }
    }
    if (m.workloadsOf("relayer").findAny().isPresent()
        && hpas.stream()
            .noneMatch(h -> h.getSpec().getScaleTargetRef().getName().equals("relayer"))) {
      out.add("the relayer has no HorizontalPodAutoscaler");
    }
    return out;
  }

  static String env(Container c, String name) {
    return c.getEnv() == null
        ? null
        : c.getEnv().stream()
            .filter(e -> e.getName().equals(name))
            .map(EnvVar::getValue)
            .findFirst()
            .orElse(null);
  }

  private static boolean fromSecretMount(Workload w, Container c, String path) {
    for (VolumeMount vm :
        c.getVolumeMounts() == null ? List.<VolumeMount>of() : c.getVolumeMounts()) {
      if (path.equals(vm.getMountPath()) || path.startsWith(vm.getMountPath() + "/")) {
        boolean secret =
            w.template().getSpec().getVolumes().stream()
                .anyMatch(v -> v.getName().equals(vm.getName()) && v.getSecret() != null);
        return secret && Boolean.TRUE.equals(vm.getReadOnly());
      }
    }
    return false;
  }

  /** No secret value anywhere: no Secret objects, no literal secret-looking env or ConfigMap. */
  static List<String> noSecretValues(Manifests m) {
    List<String> out = new ArrayList<>();
    for (Workload w : m.workloads()) {
      for (Container c : w.containers()) {
        for (EnvVar e : c.getEnv() == null ? List.<EnvVar>of() : c.getEnv()) {
          boolean secretish =
              SECRET_NAME.matcher(e.getName()).matches()
                  && !PATH_SETTING.matcher(e.getName()).matches();
          if (secretish
              && (e.getValueFrom() == null || e.getValueFrom().getSecretKeyRef() == null)) {
            out.add(w.id() + " env " + e.getName() + ": must come from a secretKeyRef");
          }
          if (e.getValue() != null && e.getValue().contains("-----BEGIN")) {
            out.add(w.id() + " env " + e.getName() + ": holds key material");
          }
          if (e.getValue() != null && e.getValue().matches("(?i).*password=[^&\\s]+.*")) {
            out.add(w.id() + " env " + e.getName() + ": holds a password");
          }
        }
      }
    }
    for (ConfigMap cm : m.of(ConfigMap.class)) {
      var data = cm.getData() == null ? Map.<String, String>of() : cm.getData();
      for (var e : data.entrySet()) {
        if (SECRET_NAME.matcher(e.getKey()).matches()
            || e.getValue().contains("-----BEGIN")
            || e.getValue().matches("(?is).*password=[^&\\s]+.*")) {
          out.add("ConfigMap/" + Manifests.name(cm) + " key " + e.getKey() + ": looks secret");
        }
      }
    }
    return out;
  }
}
