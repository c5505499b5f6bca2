package org.fedbridge.k8s;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.fedbridge.k8s.Manifests.Workload;

/**
 * Kafka through Strimzi: the topics have the shape the services check at start-up; every service
 * and every federation member talks to Kafka over mutual TLS as its own principal, whose ACLs are
 * exactly what it needs (validators write partials, heartbeats, DKG messages and certificates; only
 * the sidechain writes its log; only the admin console writes governance).
 */
final class KafkaRules {
  private static final Set<String> DR = Set.of("Describe", "Read");
  private static final Set<String> DRW = Set.of("Describe", "Read", "Write");

  /** Topic to operations, per service. */
  static final Map<String, Map<String, Set<String>>> ACLS =
      Map.of(
          "bridge-validator",
          Map.of(
              "bridge.partials", DRW,
              "bridge.certificates", DRW,
              "bridge.dkg", DRW,
              "bridge.heartbeats", Set.of("Describe", "Write"),
              "bridge.governance", DR),
          "sidechain-node",
          Map.of("sidechain.txs", DRW),
          "relayer",
          Map.of("bridge.certificates", DR, "bridge.partials", DR),
          "admin-api",
          Map.of(
              "bridge.governance", DRW,
              "bridge.heartbeats", DR,
              "bridge.certificates", DR,
              "bridge.partials", DR));

  private KafkaRules() {}

  /** Each workload's Kafka client identity (the Secret holding its certificate), checked. */
  static List<String> clients(Manifests m, Map<String, Workload> byUser) {
    List<String> out = new ArrayList<>();
    for (Workload w : m.workloads()) {
      Container c = w.template().getSpec().getContainers().get(0);
      String prefix = prefix(c);
      if (prefix == null) {
        out.add(w.id() + ": no Kafka bootstrap setting");
        continue;
      }
      if (!"SSL".equals(DeploymentRules.env(c, prefix + "PROPERTIES_SECURITY_PROTOCOL"))) {
        out.add(w.id() + ": Kafka security.protocol must be SSL (mutual TLS)");
      }
      String passwordSecret = secretOf(c, prefix + "PROPERTIES_SSL_KEYSTORE_PASSWORD");
      String certSecret =
          w.template().getSpec().getVolumes().stream()
              .filter(v -> v.getName().equals("kafka-user") && v.getSecret() != null)
              .map(v -> v.getSecret().getSecretName())
              .findFirst()
              .orElse(null);
      if (passwordSecret == null || !passwordSecret.equals(certSecret)) {
        out.add(w.id() + ": Kafka keystore and its password must come from one user Secret");
        continue;
      }
      Workload other = byUser.put(certSecret, w);
      if (other != null) {
        out.add(w.id() + " and " + other.id() + " share the Kafka principal " + certSecret);
      }
    }
    return out;
  }

  private static String prefix(Container c) {
    return c.getEnv().stream()
        .map(EnvVar::getName)
        .filter(n -> n.endsWith("_KAFKA_BOOTSTRAPSERVERS"))
        .map(n -> n.substring(0, n.length() - "BOOTSTRAPSERVERS".length()))
        .findFirst()
        .orElse(null);
  }

  private static String secretOf(Container c, String env) {
    return c.getEnv().stream()
        .filter(e -> e.getName().equals(env) && e.getValueFrom() != null)
        .map(e -> e.getValueFrom().getSecretKeyRef())
        .filter(r -> r != null && r.getKey().equals("user.password"))
        .map(r -> r.getName())
        .findFirst()
        .orElse(null);
  }

  /** The Strimzi resources of a render that runs Kafka (federation-dev). */
  static List<String> strimzi(Manifests m, Map<String, TopicContracts.Contract> contracts) {
    List<String> out = new ArrayList<>();
    Map<String, Workload> byUser = new HashMap<>();
    out.addAll(clients(m, byUser));
    for (GenericKubernetesResource k : m.custom("Kafka")) {
      List<Map<String, Object>> listeners = Manifests.at(k, "spec", "kafka", "listeners");
      for (Map<String, Object> l : listeners) {
        @SuppressWarnings("unchecked")
        Map<String, Object> auth = (Map<String, Object>) l.get("authentication");
        if (!Boolean.TRUE.equals(l.get("tls")) || auth == null || !"tls".equals(auth.get("type"))) {
          out.add("Kafka listener " + l.get("name") + ": must be TLS with client certificates");
        }
      }
      if (!"simple".equals(Manifests.at(k, "spec", "kafka", "authorization", "type"))) {
        out.add("Kafka: authorization must be simple (ACLs)");
      }
      Object autoCreate = Manifests.at(k, "spec", "kafka", "config", "auto.create.topics.enable");
      if (!Boolean.FALSE.equals(autoCreate)) {
        out.add("Kafka: auto.create.topics.enable must be false");
      }
    }
    Set<String> topics = new TreeSet<>();
    for (GenericKubernetesResource t : m.custom("KafkaTopic")) {
      String name = Manifests.at(t, "spec", "topicName");
      topics.add(name);
      TopicContracts.Contract c = contracts.get(name);
      Integer partitions = Manifests.at(t, "spec", "partitions");
      Integer replicas = Manifests.at(t, "spec", "replicas");
      Object minIsr = Manifests.at(t, "spec", "config", "min.insync.replicas");
      boolean compacted = "compact".equals(Manifests.at(t, "spec", "config", "cleanup.policy"));
      if (c == null) {
        out.add("KafkaTopic " + name + ": no service declares it");
      } else if (!Integer.valueOf(c.partitions()).equals(partitions)
          || c.compacted() != compacted) {
        out.add(
            "KafkaTopic "
                + name
                + ": "
                + partitions
                + " partitions, compacted "
                + compacted
                + "; the services require "
                + c.partitions()
                + ", compacted "
                + c.compacted());
      }
      if (!(minIsr instanceof Integer isr)
          || replicas == null
          || isr > replicas
          || (replicas >= 3 && isr < 2)) {
        out.add(
            "KafkaTopic " + name + ": replicas " + replicas + ", min.insync.replicas " + minIsr);
      }
    }
    if (!topics.equals(contracts.keySet())) {
      out.add("KafkaTopics " + topics + " differ from the services' topics " + contracts.keySet());
    }
    Set<String> users = new HashSet<>();
    for (GenericKubernetesResource u : m.custom("KafkaUser")) {
      String name = Manifests.name(u);
      users.add(name);
      Workload w = byUser.get(name);
      if (w == null) {
        out.add("KafkaUser " + name + ": no workload uses it");
        continue;
      }
      if (!"tls".equals(Manifests.at(u, "spec", "authentication", "type"))) {
        out.add("KafkaUser " + name + ": must authenticate with a TLS certificate");
      }
      Map<String, Set<String>> have = new TreeMap<>();
      List<Map<String, Object>> acls = Manifests.at(u, "spec", "authorization", "acls");
      for (Map<String, Object> acl : acls) {
        @SuppressWarnings("unchecked")
        Map<String, Object> res = (Map<String, Object>) acl.get("resource");
        if (!"topic".equals(res.get("type")) || !"literal".equals(res.get("patternType"))) {
          out.add("KafkaUser " + name + ": only literal topic ACLs, not " + res);
          continue;
        }
        if (acl.get("type") != null && !"allow".equals(acl.get("type"))) {
          continue;
        }
        @SuppressWarnings("unchecked")
        List<String> ops = (List<String>) acl.get("operations");
        have.computeIfAbsent((String) res.get("name"), x -> new TreeSet<>()).addAll(ops);
        if (!topics.contains((String) res.get("name"))) {
          out.add("KafkaUser " + name + ": ACL on unknown topic " + res.get("name"));
        }
      }
      Map<String, Set<String>> want = ACLS.get(w.app());
      if (!normalise(want).equals(have)) {
        out.add("KafkaUser " + name + " (" + w.id() + "): ACLs " + have + ", expected " + want);
      }
    }
    for (String user : byUser.keySet()) {
      if (!users.contains(user)) {
        out.add(byUser.get(user).id() + ": Kafka principal " + user + " has no KafkaUser");
      }
    }
    return out;
  }

  private static Map<String, Set<String>> normalise(Map<String, Set<String>> acls) {
    Map<String, Set<String>> out = new TreeMap<>();
    if (acls != null) {
      acls.forEach((k, v) -> out.put(k, new TreeSet<>(v)));
    }
    return out;
  }
}
