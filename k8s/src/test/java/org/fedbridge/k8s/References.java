package org.fedbridge.k8s;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Volume;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fedbridge.k8s.Manifests.Workload;

/**
 * Every Secret, ConfigMap and ServiceAccount a rendered overlay refers to must exist: in the render
 * itself, as a Secret an operator in the render issues (Strimzi for each KafkaUser and Kafka
 * cluster, CloudNativePG for each Cluster), or in the overlay README's "Secrets you create" table,
 * with the same keys.
 */
final class References {
  /** A reference to a key (or, with key null, the whole object). */
  record Ref(String kind, String name, String key, String from) {}

  private static final Pattern ROW =
      Pattern.compile("^\\|\\s*`([a-z0-9.-]+)`\\s*\\|\\s*([^|]+)\\|", Pattern.MULTILINE);
  private static final Pattern KEY = Pattern.compile("`([A-Za-z0-9._-]+)`");

  private References() {}

  static List<Ref> refs(Manifests m) {
    List<Ref> out = new ArrayList<>();
    for (Workload w : m.workloads()) {
      for (Container c : w.containers()) {
        String from = w.id() + " container " + c.getName();
        for (EnvVar e : c.getEnv() == null ? List.<EnvVar>of() : c.getEnv()) {
          if (e.getValueFrom() == null) {
            continue;
          }
          var s = e.getValueFrom().getSecretKeyRef();
          var cm = e.getValueFrom().getConfigMapKeyRef();
          if (s != null) {
            out.add(new Ref("Secret", s.getName(), s.getKey(), from + " env " + e.getName()));
          }
          if (cm != null) {
            out.add(new Ref("ConfigMap", cm.getName(), cm.getKey(), from + " env " + e.getName()));
          }
        }
        for (EnvFromSource ef :
            c.getEnvFrom() == null ? List.<EnvFromSource>of() : c.getEnvFrom()) {
          if (ef.getSecretRef() != null) {
            out.add(new Ref("Secret", ef.getSecretRef().getName(), null, from + " envFrom"));
          }
          if (ef.getConfigMapRef() != null) {
            out.add(new Ref("ConfigMap", ef.getConfigMapRef().getName(), null, from + " envFrom"));
          }
        }
      }
      var spec = w.template().getSpec();
      for (Volume v : spec.getVolumes() == null ? List.<Volume>of() : spec.getVolumes()) {
        String from = w.id() + " volume " + v.getName();
        if (v.getSecret() != null) {
          items(out, "Secret", v.getSecret().getSecretName(), v.getSecret().getItems(), from);
        }
        if (v.getConfigMap() != null) {
          items(out, "ConfigMap", v.getConfigMap().getName(), v.getConfigMap().getItems(), from);
        }
        if (v.getProjected() != null) {
          throw new AssertionError(from + ": projected volumes are not checked yet");
        }
      }
      String sa = spec.getServiceAccountName();
      out.add(new Ref("ServiceAccount", sa == null ? "default" : sa, null, w.id()));
    }
    for (GenericKubernetesResource cluster : m.custom("Cluster")) {
      List<Map<String, Object>> roles = Manifests.at(cluster, "spec", "managed", "roles");
      for (Map<String, Object> role : roles == null ? List.<Map<String, Object>>of() : roles) {
        @SuppressWarnings("unchecked")
        Map<String, Object> ps = (Map<String, Object>) role.get("passwordSecret");
        if (ps != null) {
          String from = "Cluster role " + role.get("name");
          out.add(new Ref("Secret", (String) ps.get("name"), "username", from));
          out.add(new Ref("Secret", (String) ps.get("name"), "password", from));
        }
      }
    }
    for (GenericKubernetesResource store : m.custom("ObjectStore")) {
      Map<String, Map<String, String>> creds =
          Manifests.at(store, "spec", "configuration", "s3Credentials");
      for (var e :
          creds == null ? Map.<String, Map<String, String>>of().entrySet() : creds.entrySet()) {
        out.add(
            new Ref(
                "Secret",
                e.getValue().get("name"),
                e.getValue().get("key"),
                "ObjectStore " + e.getKey()));
      }
    }
    return out;
  }

  private static void items(
      List<Ref> out, String kind, String name, List<KeyToPath> items, String from) {
    if (items == null || items.isEmpty()) {
      out.add(new Ref(kind, name, null, from));
    } else {
      items.forEach(i -> out.add(new Ref(kind, name, i.getKey(), from)));
    }
  }

  /** Secrets that the operators in the render create, with their keys. */
  static Map<String, Set<String>> issuedSecrets(Manifests m) {
    Map<String, Set<String>> out = new HashMap<>();
    for (GenericKubernetesResource u : m.custom("KafkaUser")) {
      out.put(
          Manifests.name(u), Set.of("ca.crt", "user.crt", "user.key", "user.p12", "user.password"));
    }
    for (GenericKubernetesResource k : m.custom("Kafka")) {
      out.put(Manifests.name(k) + "-cluster-ca-cert", Set.of("ca.crt", "ca.p12", "ca.password"));
    }
    for (GenericKubernetesResource c : m.custom("Cluster")) {
      out.put(Manifests.name(c) + "-ca", Set.of("ca.crt", "ca.key"));
      out.put(
          Manifests.name(c) + "-app",
          Set.of("username", "password", "host", "port", "dbname", "uri", "jdbc-uri", "pgpass"));
    }
    return out;
  }

  /** The README's "Secrets you create" table: name to keys. */
  static Map<String, Set<String>> documentedSecrets(Path readme) {
    Map<String, Set<String>> out = new LinkedHashMap<>();
    if (!Files.isRegularFile(readme)) {
      return out;
    }
    String text = Repo.read(readme);
    int start = text.indexOf("## Secrets you create");
    if (start < 0) {
      return out;
    }
    int end = text.indexOf("\n## ", start + 1);
    String table = text.substring(start, end < 0 ? text.length() : end);
    Matcher row = ROW.matcher(table);
    while (row.find()) {
      Set<String> keys = new TreeSet<>();
      Matcher key = KEY.matcher(row.group(2));
      while (key.find()) {
        keys.add(key.group(1));
      }
      out.put(row.group(1), keys);
    }
    return out;
  }

  static List<String> violations(Manifests m, Map<String, Set<String>> documented) {
    List<String> out = new ArrayList<>();
    Map<String, Set<String>> secrets = new HashMap<>(issuedSecrets(m));
    documented.forEach(secrets::put);
    for (Secret s : m.of(Secret.class)) {
      out.add("Secret/" + Manifests.name(s) + ": Secrets must not be in the manifests");
    }
    Set<String> used = new TreeSet<>();
    for (Ref r : refs(m)) {
      switch (r.kind()) {
        case "ConfigMap" -> {
          var cm = m.configMap(r.name());
          if (cm.isEmpty()) {
            out.add(r.from() + ": ConfigMap " + r.name() + " does not exist");
          } else if (r.key() != null && !hasKey(cm.get(), r.key())) {
            out.add(r.from() + ": ConfigMap " + r.name() + " has no key " + r.key());
          }
        }
        case "ServiceAccount" -> {
          if (m.of(ServiceAccount.class).stream()
              .noneMatch(s -> Manifests.name(s).equals(r.name()))) {
            out.add(r.from() + ": ServiceAccount " + r.name() + " does not exist");
          }
        }
        case "Secret" -> {
          used.add(r.name());
          Set<String> keys = secrets.get(r.name());
          if (keys == null) {
            out.add(r.from() + ": Secret " + r.name() + " is neither issued nor documented");
          } else if (r.key() != null && !keys.contains(r.key())) {
            out.add(r.from() + ": Secret " + r.name() + " has no documented key " + r.key());
          }
        }
        default -> throw new AssertionError(r);
      }
    }
    for (String doc : documented.keySet()) {
      if (!used.contains(doc)) {
        out.add("README documents Secret " + doc + " that nothing uses");
      }
    }
    return out;
  }

  private static boolean hasKey(ConfigMap cm, String key) {
    return (cm.getData() != null && cm.getData().containsKey(key))
        || (cm.getBinaryData() != null && cm.getBinaryData().containsKey(key));
  }
}
