package org.fedbridge.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fedbridge.k8s.Manifests.Workload;
import org.fedbridge.service.KafkaSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The manifests configure Kafka's client through environment variables such as {@code
 * BRIDGE_VALIDATOR_KAFKA_PROPERTIES_SSL_KEYSTORE_LOCATION}. Spring's relaxed binding turns those
 * into map keys, which could silently produce a wrong key (and Kafka ignores unknown keys); this
 * binds each container's rendered environment to the real {@link KafkaSettings} exactly as the
 * service will, and checks every TLS file it names is mounted from the right Secret.
 */
class KafkaClientSettingsTest {
  static final List<String> OVERLAYS = Repo.OVERLAYS;

  private static final Map<String, String> PREFIX =
      Map.of(
          "bridge-validator", "bridge.validator.kafka",
          "sidechain-node", "bridge.sidechain.kafka",
          "relayer", "bridge.relayer.kafka",
          "admin-api", "bridge.admin.kafka");

  @ParameterizedTest
  @FieldSource("OVERLAYS")
  void everyServiceBindsMutualTlsKafkaSettings(String overlay) {
    Manifests m = Manifests.render("overlays/" + overlay);
    for (Workload w : m.workloads()) {
      Container c = w.template().getSpec().getContainers().get(0);
      Map<String, String> env = environment(m, c);
      KafkaSettings kafka = bind(env, PREFIX.get(w.app()));
      String userSecret = secretName(c, "user.password");
      assertThat(kafka.bootstrapServers())
          .as(w.id())
          .isEqualTo(configValue(m, "KAFKA_BOOTSTRAP_SERVERS"));
      assertThat(kafka.properties())
          .as(w.id())
          .containsExactlyInAnyOrderEntriesOf(
              Map.of(
                  "security.protocol", "SSL",
                  "ssl.truststore.type", "PEM",
                  "ssl.truststore.location", "/etc/fedbridge/kafka-ca/ca.crt",
                  "ssl.keystore.type", "PKCS12",
                  "ssl.keystore.location", "/etc/fedbridge/kafka-user/user.p12",
                  "ssl.keystore.password", "secret:" + userSecret + "/user.password"));
      assertThat(
              PostgresRules.mountedFrom(
                  w, c, "/etc/fedbridge/kafka-ca/ca.crt", "kafka-cluster-ca-cert", "ca.crt"))
          .as(w.id() + " truststore")
          .isTrue();
      assertThat(
              PostgresRules.mountedFrom(
                  w, c, "/etc/fedbridge/kafka-user/user.p12", userSecret, "user.p12"))
          .as(w.id() + " keystore")
          .isTrue();
    }
  }

  @Test
  void aMisnamedVariableWouldNotReachKafka() {
    Map<String, String> env = new HashMap<>();
    env.put("BRIDGE_RELAYER_KAFKA_BOOTSTRAPSERVERS", "kafka:9093");
    env.put("BRIDGE_RELAYER_KAFKA_PROPERTIES_SECURITY_PROTOCOL", "SSL");
    env.put("BRIDGE_RELAYER_KAFKA_SECURITY_PROTOCOL", "SSL"); // no _PROPERTIES_: ignored
    assertThat(bind(env, "bridge.relayer.kafka").properties())
        .containsOnlyKeys("security.protocol");
  }

  private static KafkaSettings bind(Map<String, String> env, String prefix) {
    var source =
        new SystemEnvironmentPropertySource(
            StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new HashMap<>(env));
    return new Binder(ConfigurationPropertySources.from(source))
        .bind(prefix, KafkaSettings.class)
        .get();
  }

  /** The container's environment as the pod will see it; Secret values stand in by name. */
  private static Map<String, String> environment(Manifests m, Container c) {
    Map<String, String> env = new HashMap<>();
    for (EnvVar e : c.getEnv()) {
      if (e.getValue() != null) {
        env.put(e.getName(), e.getValue());
      } else if (e.getValueFrom().getSecretKeyRef() != null) {
        var ref = e.getValueFrom().getSecretKeyRef();
        env.put(e.getName(), "secret:" + ref.getName() + "/" + ref.getKey());
      } else {
        var ref = e.getValueFrom().getConfigMapKeyRef();
        env.put(e.getName(), m.configMap(ref.getName()).orElseThrow().getData().get(ref.getKey()));
      }
    }
    return env;
  }

  private static String configValue(Manifests m, String key) {
    return m.generatedConfigMap("fedbridge-config").orElseThrow().getData().get(key);
  }

  private static String secretName(Container c, String key) {
    return c.getEnv().stream()
        .filter(e -> e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null)
        .map(e -> e.getValueFrom().getSecretKeyRef())
        .filter(r -> r.getKey().equals(key))
        .map(r -> r.getName())
        .findFirst()
        .orElseThrow();
  }
}
