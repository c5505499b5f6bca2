package org.fedbridge.k8s;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** One rendered overlay, parsed into the fabric8 Kubernetes model. */
final class Manifests {
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private final List<HasMetadata> resources;

  private Manifests(List<HasMetadata> resources) {
    this.resources = resources;
  }

  /** Parses multi-document YAML; every document must be a Kubernetes object. */
  static Manifests parse(String yaml) {
    Object parsed = SERIALIZATION.unmarshal(yaml);
    List<?> docs = parsed instanceof List<?> list ? list : List.of(parsed);
    List<HasMetadata> resources = new ArrayList<>();
    for (Object doc : docs) {
      if (!(doc instanceof HasMetadata resource)) {
        throw new AssertionError("not a Kubernetes object: " + doc);
      }
      resources.add(resource);
    }
    return new Manifests(resources);
  }

  /** Renders an overlay (or any Kustomize directory under k8s/) and parses it. */
  static Manifests render(String dirUnderK8s) {
    return parse(Kustomize.render(Repo.k8s().resolve(dirUnderK8s)));
  }

  List<HasMetadata> all() {
    return resources;
  }

  <T extends HasMetadata> List<T> of(Class<T> type) {
    return resources.stream().filter(type::isInstance).map(type::cast).toList();
  }

  /** Custom resources of a kind (Strimzi, CloudNativePG, Prometheus Operator). */
  List<GenericKubernetesResource> custom(String kind) {
    return of(GenericKubernetesResource.class).stream()
        .filter(r -> kind.equals(r.getKind()))
        .toList();
  }

  Optional<ConfigMap> configMap(String name) {
    return of(ConfigMap.class).stream()
        .filter(c -> c.getMetadata().getName().equals(name))
        .findFirst();
  }

  /** A ConfigMap from a configMapGenerator, whose name carries a content hash. */
  Optional<ConfigMap> generatedConfigMap(String base) {
    return of(ConfigMap.class).stream()
        .filter(
            c ->
                c.getMetadata()
                    .getName()
                    .matches(java.util.regex.Pattern.quote(base) + "-[a-z0-9]{10}"))
        .findFirst();
  }

  /** A pod-running resource, whatever its kind. */
  record Workload(
      String kind,
      String name,
      Map<String, String> labels,
      Integer replicas,
      LabelSelector selector,
      PodTemplateSpec template,
      HasMetadata resource) {
    String app() {
      Map<String, String> l = template.getMetadata().getLabels();
      return l == null ? null : l.get("app.kubernetes.io/name");
    }

    List<Container> containers() {
      List<Container> all = new ArrayList<>(template.getSpec().getContainers());
      if (template.getSpec().getInitContainers() != null) {
        all.addAll(template.getSpec().getInitContainers());
      }
      return all;
    }

    String id() {
      return kind + "/" + name;
    }
  }

  List<Workload> workloads() {
    List<Workload> all = new ArrayList<>();
    for (HasMetadata r : resources) {
      Workload w = null;
      if (r instanceof Deployment d) {
        var spec = d.getSpec();
        w = workload(d, spec.getReplicas(), spec.getSelector(), spec.getTemplate());
      } else if (r instanceof StatefulSet s) {
        var spec = s.getSpec();
        w = workload(s, spec.getReplicas(), spec.getSelector(), spec.getTemplate());
      } else if (r instanceof DaemonSet d) {
        w = workload(d, null, d.getSpec().getSelector(), d.getSpec().getTemplate());
      } else if (r instanceof ReplicaSet rs) {
        var spec = rs.getSpec();
        w = workload(rs, spec.getReplicas(), spec.getSelector(), spec.getTemplate());
      } else if (r instanceof Job j) {
        w = workload(j, null, j.getSpec().getSelector(), j.getSpec().getTemplate());
      } else if (r instanceof CronJob c) {
        w = workload(c, null, null, c.getSpec().getJobTemplate().getSpec().getTemplate());
      }
      if (w != null) {
        all.add(w);
      }
    }
    return all;
  }

  private static Workload workload(
      HasMetadata r, Integer replicas, LabelSelector selector, PodTemplateSpec template) {
    return new Workload(
        r.getKind(), name(r), r.getMetadata().getLabels(), replicas, selector, template, r);
  }

  Stream<Workload> workloadsOf(String app) {
    return workloads().stream().filter(w -> app.equals(w.app()));
  }

  static String name(HasMetadata r) {
    return r.getMetadata().getName();
  }

  /** A value inside a custom resource, by path; null when absent. */
  @SuppressWarnings("unchecked")
  static <T> T at(GenericKubernetesResource r, String... path) {
    Object node = r.getAdditionalProperties();
    for (String key : path) {
      if (!(node instanceof Map<?, ?> map)) {
        return null;
      }
      node = map.get(key);
    }
    return (T) node;
  }
}
