package org.fedbridge.relayer.e2e;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/** What users do: deposit on L1 with the vault, withdraw on the sidechain with a signed call. */
final class Users {
  static final String BRIDGE = "0x000000000000000000000000000000000000b1d6";
  private final Bridge bridge;

  Users(Bridge bridge) {
    this.bridge = bridge;
  }

  /** A sidechain burn: its transaction and block (the withdrawal batch id). */
  record Burn(String hash, long block, BigInteger nonce) {}

  /** A fresh L1 address nobody holds: its balance starts at zero. */
  static String freshAddress() {
    try {
      return Numeric.prependHexPrefix(Keys.getAddress(Keys.createEcKeyPair()));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  TransactionReceipt depositEth(Credentials from, String recipient, BigInteger wei)
      throws Exception {
    return bridge.vaultAs(from).depositETH(recipient, wei).send();
  }

  TransactionReceipt depositToken(Credentials from, String recipient, BigInteger amount)
      throws Exception {
    bridge.tokenAs(from).approve(bridge.vault, amount).send();
    return bridge.vaultAs(from).deposit(bridge.token, amount, recipient).send();
  }

  Burn withdrawEth(Credentials from, String l1Recipient, BigInteger wei) {
    String data =
        FunctionEncoder.encode(
            new Function("withdrawEth", List.of(new Address(l1Recipient)), List.of()));
    return send(from, wei, data);
  }

  Burn withdrawToken(Credentials from, String l1Recipient, BigInteger amount) {
    String data =
        FunctionEncoder.encode(
            new Function(
                "withdraw",
                List.of(
                    new Address(bridge.sidechainToken),
                    new Address(l1Recipient),
                    new Uint256(amount)),
                List.of()));
    return send(from, BigInteger.ZERO, data);
  }

  /**
   * {@code count} ETH withdrawals from {@code senders} in turn, sent as one JSON-RPC batch so that
   * they land in as few sidechain blocks as possible.
   */
  List<Burn> withdrawManyEth(
      List<Credentials> senders,
      int count,
      BigInteger wei,
      java.util.function.Supplier<String> recipients) {
    String url = bridge.sidechainRpc;
    java.util.Map<String, BigInteger> nonces = new java.util.HashMap<>();
    List<String> raws = new java.util.ArrayList<>();
    for (int i = 0; i < count; i++) {
      Credentials from = senders.get(i % senders.size());
      BigInteger nonce =
          nonces.computeIfAbsent(
              from.getAddress(),
              a ->
                  Numeric.decodeQuantity(
                      Http.rpc(url, "eth_getTransactionCount", a, "pending").asText()));
      nonces.put(from.getAddress(), nonce.add(BigInteger.ONE));
      String data =
          FunctionEncoder.encode(
              new Function("withdrawEth", List.of(new Address(recipients.get())), List.of()));
      RawTransaction tx =
          RawTransaction.createTransaction(
              nonce, BigInteger.ZERO, BigInteger.valueOf(200_000), BRIDGE, wei, data);
      raws.add(Numeric.toHexString(TransactionEncoder.signMessage(tx, Bridge.SIDECHAIN_ID, from)));
    }
    List<String> hashes = Http.rpcBatch(url, "eth_sendRawTransaction", raws);
    List<Burn> burns = new java.util.ArrayList<>();
    for (String hash : hashes) {
      burns.add(receipt(url, hash));
    }
    return burns;
  }

  private Burn send(Credentials from, BigInteger value, String data) {
    String url = bridge.sidechainRpc;
    BigInteger nonce =
        Numeric.decodeQuantity(
            Http.rpc(url, "eth_getTransactionCount", from.getAddress(), "pending").asText());
    RawTransaction tx =
        RawTransaction.createTransaction(
            nonce, BigInteger.ZERO, BigInteger.valueOf(200_000), BRIDGE, value, data);
    byte[] signed = TransactionEncoder.signMessage(tx, Bridge.SIDECHAIN_ID, from);
    String hash = Http.rpc(url, "eth_sendRawTransaction", Numeric.toHexString(signed)).asText();
    return receipt(url, hash);
  }

  private static Burn receipt(String url, String hash) {
    JsonNode receipt =
        await("sidechain receipt of " + hash)
            .atMost(Duration.ofSeconds(60))
            .until(
                () -> Http.rpc(url, "eth_getTransactionReceipt", hash),
                r -> r != null && !r.isNull());
    if (!"0x1".equals(receipt.get("status").asText())) {
      throw new IllegalStateException("sidechain withdrawal failed: " + receipt);
    }
    JsonNode requested = null;
    for (JsonNode log : receipt.get("logs")) {
      if (log.get("address").asText().equalsIgnoreCase(BRIDGE)) {
        requested = log;
      }
    }
    if (requested == null) {
      throw new IllegalStateException("no WithdrawalRequested log: " + receipt);
    }
    return new Burn(
        hash,
        Numeric.decodeQuantity(receipt.get("blockNumber").asText()).longValueExact(),
        Numeric.toBigInt(requested.get("topics").get(1).asText()));
  }

  BigInteger l1Balance(String address) throws Exception {
    return bridge
        .l1
        .ethGetBalance(address, org.web3j.protocol.core.DefaultBlockParameterName.LATEST)
        .send()
        .getBalance();
  }

  BigInteger tokenBalance(String address) throws Exception {
    return bridge.tokenAs(bridge.deployer).balanceOf(address).send();
  }
}
