package org.fedbridge.admin.federation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.fedbridge.admin.AdminProperties;
import org.fedbridge.core.dkg.IdentityPublicKey;
import org.fedbridge.core.types.Hex;
import org.fedbridge.core.types.Result;
import org.fedbridge.core.wire.GovernanceAction;
import org.fedbridge.core.wire.GovernanceAction.Rotation;
import org.fedbridge.core.wire.GovernanceAction.RotationMember;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the federation of epoch 0 from {@code bridge.admin.federation.genesis-spec}, a federation
 * spec as the validators read it ({@code version, l1ChainId, sidechainId, vault, epoch, attempt,
 * threshold, members[index, operatorId, identityPublicKey]}). It must be for this deployment's
 * chains and pass the federation policy; anything else stops start-up with one line.
 */
@Component
@Order(10)
class GenesisSpec implements ApplicationRunner {
  private static final Logger log = LoggerFactory.getLogger(GenesisSpec.class);
  private static final Set<String> FIELDS =
      Set.of(
          "version",
          "l1ChainId",
          "sidechainId",
          "vault",
          "epoch",
          "attempt",
          "threshold",
          "members");
  private final AdminProperties properties;
  private final Roster roster;

  GenesisSpec(AdminProperties properties, Roster roster) {
    this.properties = properties;
    this.roster = roster;
  }

  @Override
  public void run(ApplicationArguments args) {
    Path file = properties.federation().genesisSpec();
    if (file == null) {
      if (roster.current().isEmpty()) {
        log.warn(
            "no federation known: set bridge.admin.federation.genesis-spec; member changes are"
                + " unavailable until then");
      }
      return;
    }
    Rotation genesis = parse(file, properties).orThrow();
    if (roster.genesis(genesis.epoch() - 1, genesis.threshold(), genesis.members())) {
      log.info(
          "federation of epoch {} loaded: {}-of-{}",
          genesis.epoch() - 1,
          genesis.threshold(),
          genesis.members().size());
    }
  }

  /**
   * The spec as a rotation "into" its epoch (epoch + 1, so that epoch 0 is representable), checked
   * against the deployment.
   */
  static Result<Rotation> parse(Path file, AdminProperties properties) {
    String setting = "invalid setting bridge.admin.federation.genesis-spec: ";
    JsonNode root;
    try {
      root = JsonMapper.builder().build().readTree(Files.readString(file));
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException(setting + "cannot read " + file + " as JSON");
    }
    for (var it = root.propertyNames().iterator(); it.hasNext(); ) {
      String f = it.next();
      if (!FIELDS.contains(f)) {
        throw new IllegalStateException(setting + "unknown field " + f);
      }
    }
    if (root.path("version").asInt() != 1
        || root.path("l1ChainId").asLong() != properties.l1().chainId()
        || root.path("sidechainId").asLong() != properties.sidechain().chainId()) {
      throw new IllegalStateException(
          setting + "version must be 1 and the chain ids those of bridge.admin.l1/sidechain");
    }
    List<RotationMember> members = new ArrayList<>();
    try {
      for (JsonNode m : root.path("members")) {
        members.add(
            new RotationMember(
                m.path("index").asInt(),
                m.path("operatorId").asText(),
                new IdentityPublicKey(Hex.decode(m.path("identityPublicKey").asText()))));
      }
    } catch (RuntimeException e) {
      throw new IllegalStateException(setting + "a member is malformed: " + e.getMessage());
    }
    Result<Rotation> r =
        GovernanceAction.rotation(
            root.path("epoch").asLong() + 1,
            root.path("attempt").asLong(),
            root.path("threshold").asInt(),
            members);
    if (!r.isOk()) {
      throw new IllegalStateException(setting + ((Result.Err<Rotation>) r).detail());
    }
    return r;
  }
}
