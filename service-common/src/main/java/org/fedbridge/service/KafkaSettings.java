package org.fedbridge.service;

import jakarta.validation.constraints.NotBlank;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a service reaches Kafka. Production adds TLS/SASL through {@code properties} (passed to the
 * clients as they are, for example {@code security.protocol=SASL_SSL}); the devnet uses plaintext
 * on 127.0.0.1.
 *
 * @param bootstrapServers comma-separated {@code host:port} list
 * @param properties extra Kafka client properties
 */
public record KafkaSettings(
    @NotBlank String bootstrapServers, @DefaultValue Map<String, String> properties) {

  public KafkaSettings {
    properties = properties == null ? Map.of() : Map.copyOf(properties);
  }

  /** Client properties for a producer, consumer or admin client, before type-specific ones. */
  public Map<String, Object> clientProperties() {
    Map<String, Object> all = new HashMap<>(properties);
    all.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    return all;
  }

  @Override
  public String toString() {
    // SECURITY: extra properties can hold SASL passwords; never print them.
    return "KafkaSettings[bootstrapServers=" + bootstrapServers + ", properties=<redacted>]";
  }
}
