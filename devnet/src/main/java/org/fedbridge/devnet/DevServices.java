package org.fedbridge.devnet;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts the devnet's services after the sidechain node: the validators, the relayer and the admin
 * console, from their jars, all on the devnet's one PostgreSQL, Kafka, L1 and sidechain.
 *
 * <p>Validators are the members of epoch 0 and the standbys, each in its own schema with its own
 * key directory and port (8100 + k). A standby runs exactly like a member (it watches both chains,
 * reads {@code bridge.governance} and {@code bridge.dkg}) but took no part in epoch 0's DKG, so it
 * holds no share and signs nothing until a rotation approved in the admin console names its
 * identity key and its DKG makes it a member.
 */
final class DevServices {
  /** What every service of this devnet shares. */
  record Network(
      Path root,
      Path dir,
      Path logs,
      Ports ports,
      List<String> database,
      String l1,
      long l1ChainId,
      String vault,
      long vaultBlock,
      String sidechainRpc,
      long sidechainChainId,
      String bootstrap) {}

  private DevServices() {}

  /** The sidechain node, from {@code genesis}; its URL is what the other services use. */
  static Service sidechain(
      Path root,
      Path dir,
      Path logs,
      Ports ports,
      List<String> database,
      long chainId,
      String bootstrap,
      Path genesis) {
    List<String> args = new ArrayList<>(database);
    args.addAll(
        List.of(
            "--bridge.sidechain.chain-id=" + chainId,
            "--bridge.sidechain.kafka.bootstrap-servers=" + bootstrap,
            "--bridge.sidechain.genesis=" + genesis));
    return Service.start(
        "sidechain-node",
        Service.jar(root, "sidechain-node"),
        ports.preferred(8645),
        args,
        dir,
        logs);
  }

  /** Starts validator {@code v} (port 8100 + index when free), obeying {@code governanceKey}. */
  static Service validator(Network net, DevKeys.Validator v, String governanceKey) {
    List<String> args = new ArrayList<>(net.database());
    // One PostgreSQL for the whole devnet: each validator has its own schema (the DKG's too).
    args.addAll(Service.schema("validator_" + v.index()));
    args.addAll(DevKeys.settings(net.dir(), v));
    args.addAll(
        List.of(
            "--bridge.validator.operator-id=" + v.operatorId(),
            "--bridge.validator.l1.rpc-url=" + net.l1(),
            "--bridge.validator.l1.chain-id=" + net.l1ChainId(),
            "--bridge.validator.l1.confirmations=2",
            "--bridge.validator.l1.vault=" + net.vault(),
            "--bridge.validator.sidechain.rpc-url=" + net.sidechainRpc(),
            "--bridge.validator.sidechain.chain-id=" + net.sidechainChainId(),
            "--bridge.validator.kafka.bootstrap-servers=" + net.bootstrap(),
            "--bridge.validator.governance.key=" + governanceKey));
    return Service.start(
        "validator-" + v.index(),
        Service.jar(net.root(), "bridge-validator"),
        net.ports().preferred(8100 + v.index()),
        args,
        net.dir(),
        net.logs());
  }

  /** The relayer, paying L1 gas from {@code key}. */
  static Service relayer(Network net, RelayerKey key) {
    List<String> args = new ArrayList<>(net.database());
    args.addAll(
        List.of(
            "--bridge.relayer.l1.rpc-url=" + net.l1(),
            "--bridge.relayer.l1.chain-id=" + net.l1ChainId(),
            "--bridge.relayer.l1.confirmations=2",
            "--bridge.relayer.l1.start-block=" + net.vaultBlock(),
            "--bridge.relayer.vault=" + net.vault(),
            "--bridge.relayer.sidechain.rpc-url=" + net.sidechainRpc(),
            "--bridge.relayer.sidechain.chain-id=" + net.sidechainChainId(),
            "--bridge.relayer.kafka.bootstrap-servers=" + net.bootstrap(),
            "--bridge.relayer.keys.keystore=" + key.keystore(),
            "--bridge.relayer.keys.password-file=" + key.passwordFile(),
            "--bridge.relayer.api.estimates.l1-block-time=1s"));
    return Service.start(
        "relayer",
        Service.jar(net.root(), "relayer"),
        net.ports().preferred(8080),
        args,
        net.dir(),
        net.logs());
  }

  /** The admin console with its devnet keys, knowing epoch 0 from {@code spec}. */
  static Service admin(Network net, DevAdmin.Setup setup, Path spec, String token) {
    List<String> args = new ArrayList<>(net.database());
    args.addAll(setup.settings());
    args.addAll(
        List.of(
            "--bridge.admin.kafka.bootstrap-servers=" + net.bootstrap(),
            "--bridge.admin.l1.rpc-url=" + net.l1(),
            "--bridge.admin.l1.chain-id=" + net.l1ChainId(),
            "--bridge.admin.l1.vault=" + net.vault(),
            "--bridge.admin.l1.from-block=" + net.vaultBlock(),
            "--bridge.admin.sidechain.rpc-url=" + net.sidechainRpc(),
            "--bridge.admin.sidechain.chain-id=" + net.sidechainChainId(),
            "--bridge.admin.federation.genesis-spec=" + spec,
            "--bridge.admin.reconciliation.tokens[0]=" + token));
    return Service.start(
        "admin-api",
        Service.jar(net.root(), "admin-api"),
        net.ports().preferred(8090),
        args,
        net.dir(),
        net.logs());
  }

  /**
   * devnet.json's {@code federation.standby}: what an admin pastes into the console's ADD_MEMBER
   * proposal (operator id and identity public key), and where the standby's API is.
   */
  static void describeStandby(ArrayNode node, List<DevKeys.Validator> standby, List<Service> s) {
    for (int i = 0; i < standby.size(); i++) {
      DevKeys.Validator v = standby.get(i);
      node.addObject()
          .put("operatorId", v.operatorId())
          .put("identityPublicKey", v.identityPublicKey())
          .put("url", s.get(i).url());
    }
  }
}
