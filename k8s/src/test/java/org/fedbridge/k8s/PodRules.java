package org.fedbridge.k8s;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Volume;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.fedbridge.k8s.Manifests.Workload;
import org.yaml.snakeyaml.Yaml;

/** Rules every pod of every overlay must follow; each method returns the violations it finds. */
final class PodRules {
  private static final Pattern DIGEST = Pattern.compile(".+@sha256:[0-9a-f]{64}");

  private PodRules() {}

  /** Secure by default: non-root, read-only root, no capabilities, seccomp, no API token. */
  static List<String> securityContext(Manifests m) {
    List<String> out = new ArrayList<>();
    for (Workload w : m.workloads()) {
      PodSpec pod = w.template().getSpec();
      PodSecurityContext psc = pod.getSecurityContext();
      if (psc == null || !Boolean.TRUE.equals(psc.getRunAsNonRoot())) {
        out.add(w.id() + ": pod securityContext.runAsNonRoot must be true");
      }
      if (psc == null || psc.getRunAsUser() == null || psc.getRunAsUser() == 0) {
        out.add(w.id() + ": pod securityContext.runAsUser must be a non-zero UID");
      }
      boolean podSeccomp =
          psc != null
              && psc.getSeccompProfile() != null
              && "RuntimeDefault".equals(psc.getSeccompProfile().getType());
      if (!automountOff(m, pod)) {
        out.add(w.id() + ": must not mount a service-account token (automountServiceAccountToken)");
      }
      if (Boolean.TRUE.equals(pod.getHostNetwork())
          || Boolean.TRUE.equals(pod.getHostPID())
          || Boolean.TRUE.equals(pod.getHostIPC())) {
        out.add(w.id() + ": must not share the host's network, PID or IPC namespace");
      }
      for (Volume v : pod.getVolumes() == null ? List.<Volume>of() : pod.getVolumes()) {
        if (v.getHostPath() != null) {
          out.add(w.id() + ": hostPath volume " + v.getName());
        }
      }
      for (Container c : w.containers()) {
        String id = w.id() + " container " + c.getName();
        SecurityContext sc = c.getSecurityContext();
        if (sc == null) {
          out.add(id + ": no securityContext");
          continue;
        }
        if (!Boolean.FALSE.equals(sc.getAllowPrivilegeEscalation())) {
          out.add(id + ": allowPrivilegeEscalation must be false");
        }
        if (!Boolean.TRUE.equals(sc.getReadOnlyRootFilesystem())) {
          out.add(id + ": readOnlyRootFilesystem must be true");
        }
        if (Boolean.TRUE.equals(sc.getPrivileged())) {
          out.add(id + ": privileged");
        }
        if (Boolean.FALSE.equals(sc.getRunAsNonRoot()) || Objects.equals(sc.getRunAsUser(), 0L)) {
          out.add(id + ": overrides the pod's non-root user");
        }
        if (sc.getCapabilities() == null
            || sc.getCapabilities().getDrop() == null
            || !sc.getCapabilities().getDrop().contains("ALL")) {
          out.add(id + ": capabilities must drop ALL");
        }
        if (sc.getCapabilities() != null
            && sc.getCapabilities().getAdd() != null
            && !sc.getCapabilities().getAdd().isEmpty()) {
          out.add(id + ": adds capabilities " + sc.getCapabilities().getAdd());
        }
        boolean seccomp =
            podSeccomp
                || (sc.getSeccompProfile() != null
                    && "RuntimeDefault".equals(sc.getSeccompProfile().getType()));
        if (!seccomp) {
          out.add(id + ": seccompProfile must be RuntimeDefault");
        }
      }
    }
    return out;
  }

  private static boolean automountOff(Manifests m, PodSpec pod) {
    if (pod.getAutomountServiceAccountToken() != null) {
      return !pod.getAutomountServiceAccountToken();
    }
    String sa = pod.getServiceAccountName() == null ? "default" : pod.getServiceAccountName();
    return m.of(ServiceAccount.class).stream()
        .anyMatch(
            s ->
                s.getMetadata().getName().equals(sa)
                    && Boolean.FALSE.equals(s.getAutomountServiceAccountToken()));
  }

  /**
   * Probes on the actuator endpoints, on the container's own HTTP port, which must be the port the
   * service listens on (server.port in its application.yml).
   */
  static List<String> probes(Manifests m) {
    List<String> out = new ArrayList<>();
    for (Workload w : m.workloads()) {
      for (Container c : w.template().getSpec().getContainers()) {
        String id = w.id() + " container " + c.getName();
        probe(id, "readinessProbe", c.getReadinessProbe(), "/actuator/health/readiness", c, out);
        probe(id, "livenessProbe", c.getLivenessProbe(), "/actuator/health/liveness", c, out);
        probe(id, "startupProbe", c.getStartupProbe(), "/actuator/health/liveness", c, out);
        Integer port = serverPort(c.getName());
        if (port == null) {
          out.add(id + ": not a fedbridge service (no " + c.getName() + "/application.yml)");
        } else if (c.getPorts() == null
            || c.getPorts().stream()
                .noneMatch(p -> "http".equals(p.getName()) && port.equals(p.getContainerPort()))) {
          out.add(id + ": needs a port named http = server.port " + port);
        }
      }
    }
    return out;
  }

  private static void probe(
      String id, String kind, Probe p, String path, Container c, List<String> out) {
    if (p == null || p.getHttpGet() == null) {
      out.add(id + ": " + kind + " must be an httpGet probe");
      return;
    }
    if (!path.equals(p.getHttpGet().getPath())) {
      out.add(id + ": " + kind + " path " + p.getHttpGet().getPath() + " is not " + path);
    }
    String port = p.getHttpGet().getPort() == null ? null : p.getHttpGet().getPort().getStrVal();
    List<ContainerPort> ports = c.getPorts() == null ? List.of() : c.getPorts();
    if (port == null || ports.stream().noneMatch(cp -> port.equals(cp.getName()))) {
      out.add(id + ": " + kind + " must use a named container port");
    }
  }

  static Integer serverPort(String module) {
    var file = Repo.root().resolve(module).resolve("src/main/resources/application.yml");
    if (!java.nio.file.Files.isRegularFile(file)) {
      return null;
    }
    Map<String, Object> yaml = new Yaml().load(Repo.read(file));
    @SuppressWarnings("unchecked")
    Map<String, Object> server = (Map<String, Object>) yaml.get("server");
    return server == null ? null : (Integer) server.get("port");
  }

  /** CPU and memory requests, a memory limit at least the request, an ephemeral-storage limit. */
  static List<String> resources(Manifests m) {
    List<String> out = new ArrayList<>();
    for (Workload w : m.workloads()) {
      for (Container c : w.containers()) {
        String id = w.id() + " container " + c.getName();
        var r = c.getResources();
        Map<String, Quantity> req = r == null ? null : r.getRequests();
        Map<String, Quantity> lim = r == null ? null : r.getLimits();
        if (req == null || !req.containsKey("cpu") || !req.containsKey("memory")) {
          out.add(id + ": requests must set cpu and memory");
          continue;
        }
        if (lim == null || !lim.containsKey("memory") || !lim.containsKey("ephemeral-storage")) {
          out.add(id + ": limits must set memory and ephemeral-storage");
          continue;
        }
        if (Quantity.getAmountInBytes(lim.get("memory"))
                .compareTo(Quantity.getAmountInBytes(req.get("memory")))
            < 0) {
          out.add(id + ": memory limit below its request");
        }
      }
    }
    return out;
  }

  /** Images pinned: an explicit tag other than latest, or (production) a digest. */
  static List<String> images(Manifests m, boolean requireDigest) {
    List<String> out = new ArrayList<>();
    for (Workload w : m.workloads()) {
      for (Container c : w.containers()) {
        String image = c.getImage();
        String id = w.id() + " container " + c.getName() + " image " + image;
        if (image == null) {
          out.add(id + ": no image");
        } else if (DIGEST.matcher(image).matches()) {
          continue;
        } else if (requireDigest) {
          out.add(id + ": must be pinned by digest");
        } else {
          String last = image.substring(image.lastIndexOf('/') + 1);
          if (!last.contains(":") || last.endsWith(":latest")) {
            out.add(id + ": must be pinned by a tag other than latest, or a digest");
          }
        }
        if (!"IfNotPresent".equals(c.getImagePullPolicy()) && !image.contains("@sha256:")) {
          out.add(id + ": imagePullPolicy must be IfNotPresent for a tagged image");
        }
      }
    }
    return out;
  }
}
