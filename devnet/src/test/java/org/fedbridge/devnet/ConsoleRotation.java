package org.fedbridge.devnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.fedbridge.contracts.VaultDeployer;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.crypto.Keys;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;

/**
 * The README's "Rotate the federation from the console" on a devnet started with {@code --standby
 * 1}, through admin-api's public REST API exactly as the web console calls it: the bootstrap admin
 * creates a second admin, proposes the standby (its operator id and identity key from devnet.json)
 * as a new member, the second admin approves, and after the timelock the validators run the next
 * epoch's DKG, epoch 0 certifies the EpochChange and the console applies it on L1 and on the
 * sidechain (the sidechain only once L1 executed it). Around it, the user's side: the standby signs
 * nothing before; a withdrawal root that epoch 0 certified and the relayer posted before the change
 * reached L1 is paid after the rotation; a deposit made afterwards is certified by epoch 1 with the
 * new member's signature.
 */
final class ConsoleRotation {
  private static final BigInteger ETHER = BigInteger.TEN.pow(18);

  private final JsonNode devnet;
  private final AdminClient admin;
  private final String l1Rpc;
  private final String sidechainRpc;
  private final String vault;
  private final long l1ChainId;
  private final JsonNode standby;
  private final String member1;

  ConsoleRotation(JsonNode devnet) {
    this.devnet = devnet;
    this.admin = new AdminClient(devnet.at("/admin/url").asText());
    this.l1Rpc = devnet.at("/l1/rpc").asText();
    this.sidechainRpc = devnet.at("/sidechain/rpc").asText();
    this.vault = devnet.at("/l1/vault").asText();
    this.l1ChainId = devnet.at("/l1/chainId").asLong();
    this.standby = devnet.at("/federation/standby/0");
    this.member1 = devnet.at("/federation/validators/0/url").asText();
  }

  /** Two distinct admins' tokens, for what a test does next in the console. */
  record Admins(String bootstrap, String second) {}

  Admins run() throws Exception {
    int members = devnet.at("/federation/members").size();
    Web3j l1 = Web3j.build(new HttpService(l1Rpc));
    Web3j sidechain = Web3j.build(new HttpService(sidechainRpc));
    try {
      // Before: the standby follows epoch 0 without a share, and signs nothing of a deposit that
      // funds the vault for the withdrawal below.
      String funded = freshAddress();
      long before = depositEth(l1, funded, ETHER.multiply(BigInteger.valueOf(200)));
      JsonNode certificate0 = awaitDepositCertificate(before);
      assertThat(certificate0.get("epoch").asLong()).isZero();
      JsonNode standbyView = Http.getJson(standby.get("url").asText() + "/federation");
      assertThat(standbyView.at("/current/epoch").asLong()).isZero();
      assertThat(standbyView.at("/current/myIndex").isNull()).as(standbyView.toString()).isTrue();
      assertThat(standbyView.get("confirmedByDkg")).isEmpty();
      JsonNode lastSigned =
          Http.getJson(standby.get("url").asText() + "/api/v1/status").at("/lastSigned");
      assertThat(lastSigned.isMissingNode() || lastSigned.isNull())
          .as("the standby signed nothing: " + lastSigned)
          .isTrue();

      // A large withdrawal (above the devnet's 100 ETH delay threshold): the validators hold it
      // 60 s before they certify it, and the vault pays it 60 s after its root is posted.
      String l1Recipient = freshAddress();
      BigInteger amount = ETHER.multiply(BigInteger.valueOf(150));
      long batch = burn(sidechain, l1Recipient, amount);
      Instant burnt = Instant.now();

      // The console, as the web page drives it.
      String bootstrap =
          Files.readString(Path.of(devnet.at("/admin/bootstrapTokenFile").asText())).strip();
      String second =
          call("POST", "/api/principals", bootstrap, "{\"name\":\"admin-2\",\"roles\":[\"ADMIN\"]}")
              .get("token")
              .asText();
      JsonNode proposal =
          call(
              "POST",
              "/api/proposals",
              bootstrap,
              "{\"kind\":\"ADD_MEMBER\",\"operatorId\":\""
                  + standby.get("operatorId").asText()
                  + "\",\"identityPublicKey\":\""
                  + standby.get("identityPublicKey").asText()
                  + "\",\"reason\":\"devnet test: a fifth operator joins\"}");
      long id = proposal.get("id").asLong();
      assertThat(proposal.get("state").asText()).isEqualTo("PENDING");
      // Approved 25 s after the burn, the hand-over (30 s timelock, the DKG, 30 s in L1's
      // governance queue) reaches L1 about 90 s after the burn: after epoch 0 certified the
      // withdrawal (60 s) and before the vault pays it (about 120 s).
      await("25 s after the burn")
          .atMost(Duration.ofMinutes(1))
          .until(() -> Instant.now().isAfter(burnt.plusSeconds(25)));
      assertThat(
              call("POST", "/api/proposals/" + id + "/approve", second, null).get("state").asText())
          .isEqualTo("APPROVED");
      await("the proposal is published after the timelock")
          .atMost(Duration.ofMinutes(2))
          .pollInterval(Duration.ofSeconds(1))
          .until(
              () -> call("GET", "/api/proposals/" + id, second, null).get("state").asText(),
              "PUBLISHED"::equals);

      // While the certified EpochChange waits in L1's governance queue, the sidechain stays at
      // epoch 0 too, so epoch 0 keeps signing on both chains.
      await("the EpochChange queued on L1")
          .atMost(Duration.ofMinutes(3))
          .pollInterval(Duration.ofSeconds(1))
          .until(() -> rotationStep(second, "l1").contains("queued behind the governance delay"));
      assertThat(Http.rpc(sidechainRpc, "bridge_epoch").get("number").asLong()).isZero();
      assertThat(rotationStep(second, "sidechain")).contains("once L1 has executed it");
      JsonNode withdrawal = awaitCertificate("withdrawal", batch);
      assertThat(withdrawal.get("epoch").asLong()).as("certified by epoch 0").isZero();
      String root = withdrawal.get("withdrawalRoot").asText();
      await("the relayer posts the root under epoch 0")
          .atMost(Duration.ofMinutes(1))
          .until(() -> rootEpoch(root, "latest") >= 0);
      assertThat(rootEpoch(root, "latest")).isZero();

      await("the rotation completes")
          .atMost(Duration.ofMinutes(3))
          .pollInterval(Duration.ofSeconds(1))
          .until(
              () -> call("GET", "/api/federation/rotation", second, null).path("state").asText(),
              "complete"::equals);
      JsonNode done = call("GET", "/api/federation/rotation", second, null);
      assertThat(done.path("steps").findValuesAsText("step"))
          .contains("published", "dkg", "certificate", "l1", "sidechain", "active");
      assertThat(vaultUint("currentEpoch()", "latest")).isEqualTo(1);
      assertThat(Http.rpc(sidechainRpc, "bridge_epoch").get("number").asLong()).isEqualTo(1);
      JsonNode federation = call("GET", "/api/federation", second, null).get("epoch");
      assertThat(federation.get("epoch").asLong()).isEqualTo(1);
      assertThat(federation.get("members")).hasSize(members + 1);
      long rotatedAt = epochRotatedBlock();

      // The root epoch 0 certified is paid after the rotation (the relayer claims it).
      String nonce = withdrawal.at("/withdrawals/0/nonce").asText();
      await("the epoch-0 withdrawal is paid on L1")
          .atMost(Duration.ofMinutes(2))
          .pollInterval(Duration.ofSeconds(1))
          .until(() -> l1Eth(l1Recipient).equals(amount));
      assertThat(isClaimed(nonce, "0x" + Long.toHexString(rotatedAt)))
          .as("not paid before the rotation")
          .isFalse();

      // After: a deposit is certified by epoch 1, the former standby among its signers.
      String after = freshAddress();
      long block = depositEth(l1, after, ETHER);
      JsonNode certificate1 = awaitDepositCertificate(block);
      assertThat(certificate1.get("epoch").asLong()).isEqualTo(1);
      int joined = members + 1;
      assertThat(certificate1.get("signers")).anyMatch(s -> s.asInt() == joined);
      await("minted on the sidechain")
          .atMost(Duration.ofMinutes(1))
          .until(() -> sidechainEth(after).equals(ETHER));
      JsonNode joinedView = Http.getJson(standby.get("url").asText() + "/federation");
      assertThat(joinedView.at("/current/epoch").asLong()).isEqualTo(1);
      assertThat(joinedView.at("/current/myIndex").asInt()).isEqualTo(joined);
      return new Admins(bootstrap, second);
    } finally {
      l1.shutdown();
      sidechain.shutdown();
    }
  }

  JsonNode call(String method, String path, String token, String body) throws Exception {
    return admin.call(method, path, token, body);
  }

  private String rotationStep(String token, String name) throws Exception {
    for (JsonNode s : call("GET", "/api/federation/rotation", token, null).path("steps")) {
      if (s.path("step").asText().equals(name)) {
        return s.path("detail").asText();
      }
    }
    return "";
  }

  private static String freshAddress() throws Exception {
    return Credentials.create(Keys.createEcKeyPair()).getAddress();
  }

  private long depositEth(Web3j l1, String recipient, BigInteger wei) throws Exception {
    Credentials user = Credentials.create(devnet.at("/accounts/1/privateKey").asText());
    TransactionReceipt r =
        VaultDeployer.load(l1, user, l1ChainId, vault).depositETH(recipient, wei).send();
    assertThat(r.isStatusOK()).isTrue();
    return r.getBlockNumber().longValueExact();
  }

  private JsonNode awaitDepositCertificate(long l1Block) {
    return awaitCertificate("deposit", l1Block);
  }

  private JsonNode awaitCertificate(String type, long batchId) {
    String url = member1 + "/api/v1/certificates/" + type + "/" + batchId;
    await(type + " certificate of batch " + batchId)
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> Http.getJson(url).has("digest"));
    return Http.getJson(url);
  }

  /** Burns {@code amount} ETH on the sidechain for {@code l1Recipient}; the batch id. */
  private long burn(Web3j sidechain, String l1Recipient, BigInteger amount) throws Exception {
    Credentials user = Credentials.create(devnet.at("/accounts/1/privateKey").asText());
    PollingTransactionReceiptProcessor receipts =
        new PollingTransactionReceiptProcessor(sidechain, 200, 300);
    RawTransactionManager tm =
        new RawTransactionManager(
            sidechain, user, devnet.at("/sidechain/chainId").asLong(), receipts);
    String data =
        FunctionEncoder.encode(
            new Function("withdrawEth", List.of(new Address(l1Recipient)), List.of()));
    String hash =
        tm.sendTransaction(
                sidechain.ethGasPrice().send().getGasPrice(),
                BigInteger.valueOf(200_000),
                RoundTrip.BRIDGE,
                data,
                amount)
            .getTransactionHash();
    TransactionReceipt burn = receipts.waitForTransactionReceipt(hash);
    assertThat(burn.isStatusOK()).as("withdrawEth on the sidechain").isTrue();
    return burn.getBlockNumber().longValueExact();
  }

  /** The epoch that posted {@code root} on L1 ({@code rootStatus}), or -1 if never posted. */
  private long rootEpoch(String root, String block) {
    String data =
        FunctionEncoder.encode(
            new Function(
                "rootStatus",
                List.of(new Bytes32(org.fedbridge.core.types.Hex.decode(root))),
                List.of()));
    String out = ethCall(data, block).substring(2);
    // (batchId, count, epoch, postedAt, claimableAt, revoked): count 0 = never posted.
    BigInteger count = new BigInteger(out.substring(64, 128), 16);
    return count.signum() == 0 ? -1 : new BigInteger(out.substring(128, 192), 16).longValueExact();
  }

  private boolean isClaimed(String nonce, String block) {
    String data =
        FunctionEncoder.encode(
            new Function("isClaimed", List.of(new Uint256(new BigInteger(nonce))), List.of()));
    return new BigInteger(ethCall(data, block).substring(2), 16).signum() != 0;
  }

  private long vaultUint(String signature, String block) {
    return new BigInteger(
            ethCall(Hash.sha3String(signature).substring(0, 10), block).substring(2), 16)
        .longValueExact();
  }

  /** The L1 block of the vault's {@code EpochRotated(1, …)}. */
  private long epochRotatedBlock() {
    String topic = Hash.sha3String("EpochRotated(uint256,bytes32,uint256,uint256)");
    JsonNode logs =
        Http.rpc(
            l1Rpc,
            "eth_getLogs",
            Map.of(
                "address",
                vault,
                "fromBlock",
                "0x0",
                "toBlock",
                "latest",
                "topics",
                List.of(topic, "0x" + "0".repeat(63) + "1")));
    assertThat(logs).hasSize(1);
    return Long.decode(logs.get(0).get("blockNumber").asText());
  }

  private String ethCall(String data, String block) {
    return Http.rpc(l1Rpc, "eth_call", Map.of("to", vault, "data", data), block).asText();
  }

  private BigInteger l1Eth(String address) {
    return quantity(Http.rpc(l1Rpc, "eth_getBalance", address, "latest"));
  }

  private BigInteger sidechainEth(String address) {
    return quantity(Http.rpc(sidechainRpc, "eth_getBalance", address, "latest"));
  }

  private static BigInteger quantity(JsonNode hex) {
    String s = hex.asText().substring(2);
    return s.isEmpty() ? BigInteger.ZERO : new BigInteger(s, 16);
  }
}
