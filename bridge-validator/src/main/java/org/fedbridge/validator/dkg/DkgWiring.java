package org.fedbridge.validator.dkg;

import org.fedbridge.service.KafkaSettings;

/**
 * What the DKG needs from the settings of whichever process runs it (the service, or the {@code
 * dkg} command).
 *
 * @param kafka how to reach Kafka
 * @param topic the {@code bridge.dkg} topic name
 * @param settings timeouts
 * @param clientId a name for this member's Kafka clients
 */
public record DkgWiring(KafkaSettings kafka, String topic, DkgSettings settings, String clientId) {}
