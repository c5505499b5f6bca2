package org.fedbridge.validator.dkg;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.fedbridge.service.KafkaSettings;
import org.fedbridge.service.TopicSpec;
import org.fedbridge.validator.ValidatorProperties;
import org.fedbridge.validator.keys.KeysConfiguration;
import org.fedbridge.validator.keys.KeysSettings;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.validation.annotation.Validated;

/**
 * The Spring context of the {@code dkg} command: database (with the validator's migrations), Kafka,
 * the key directory and the DKG feature, no web server and none of the service's other features.
 * Deliberately not a {@code @Configuration}, so the service's component scan leaves it out.
 */
@EnableAutoConfiguration
@Import({KeysConfiguration.class, DkgConfiguration.class})
@EnableConfigurationProperties(DkgCommandApplication.Settings.class)
public class DkgCommandApplication {

  /**
   * The part of {@code bridge.validator.*} the command needs.
   *
   * @param operatorId optional; checked against the identity keystore when given
   */
  @Validated
  @ConfigurationProperties("bridge.validator")
  public record Settings(
      String operatorId,
      @NotNull @Valid KafkaSettings kafka,
      @NotNull @Valid @DefaultValue ValidatorProperties.Topics topics,
      @NotNull @Valid @DefaultValue KeysSettings keys,
      @NotNull @Valid @DefaultValue DkgSettings dkg) {}

  @Bean
  KafkaSettings kafkaSettings(Settings settings) {
    return settings.kafka();
  }

  @Bean
  KeysSettings keysSettings(Settings settings) {
    return settings.keys();
  }

  /** The same topic contract as the service's (k8s TopicContracts reads both). */
  @Bean
  TopicSpec dkgTopic(Settings properties) {
    return new TopicSpec(properties.topics().dkg(), 1, false);
  }

  @Bean
  DkgWiring dkgWiring(Settings settings) {
    String who = settings.operatorId() == null ? "member" : settings.operatorId();
    return new DkgWiring(settings.kafka(), settings.topics().dkg(), settings.dkg(), "dkg-" + who);
  }
}
