package org.fedbridge.admin.reconciliation;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.utils.Numeric;

/**
 * The vault's and the sidechain bridge's events (contracts/README.md, sidechain-node/README.md),
 * decoded from raw logs. A log that does not decode as the event its topic names is ignored (a node
 * that lies about logs is caught by the checks, not trusted by the decoder).
 */
final class ChainEvents {
  static final String DEPOSIT = topic("Deposit(uint256,address,address,address,uint256)");
  static final String PAID = topic("WithdrawalPaid(uint256,address,address,uint256)");
  static final String DEFERRED = topic("PayoutDeferred(uint256,address,address,uint256)");
  static final String OWED_WITHDRAWN = topic("OwedWithdrawn(address,address,address,uint256)");
  static final String ROOT_POSTED =
      topic("WithdrawalRootPosted(bytes32,uint256,uint256,uint256,uint256)");

  /** The vault before the hardening had no challenge period (claimable at once). */
  static final String ROOT_POSTED_V1 =
      topic("WithdrawalRootPosted(bytes32,uint256,uint256,uint256)");

  static final String REVOKED_BY_PAUSER = topic("RootRevokedByPauser(bytes32,uint256,address)");
  static final String REVOKED_BY_CERTIFICATE =
      topic("RootRevokedByCertificate(bytes32,uint256,uint256)");
  static final String MINTED = topic("DepositMinted(uint256,address,address,uint256)");
  static final String BURNED =
      topic("WithdrawalRequested(uint256,address,address,address,uint256)");

  private ChainEvents() {}

  static String topic(String signature) {
    return EventEncoder.buildEventSignature(signature).toLowerCase();
  }

  /** An L1 deposit, payout, sidechain mint or burn: nonce, token, two parties, amount. */
  record Transfer(
      BigInteger nonce, String token, String from, String to, BigInteger amount, long block) {}

  record OwedWithdrawn(String id, String recipient, String token, BigInteger amount, long block) {}

  record RootPosted(
      String root, long batchId, long count, long epoch, long claimableAt, long block) {}

  static String topic0(Log log) {
    return log.getTopics().isEmpty() ? "" : log.getTopics().get(0).toLowerCase();
  }

  /**
   * {@code (uint256 indexed nonce, address indexed token, address indexed a, [address b,] uint256
   * amount)}.
   */
  static Optional<Transfer> transfer(Log log, boolean fourthAddressInData) {
    try {
      if (log.getTopics().size() != 4) {
        return Optional.empty();
      }
      BigInteger nonce = Numeric.toBigInt(log.getTopics().get(1));
      String token = address(log.getTopics().get(2));
      String a = address(log.getTopics().get(3));
      List<Type> data =
          fourthAddressInData
              ? decode(log, new TypeReference<Address>() {}, new TypeReference<Uint256>() {})
              : decode(log, new TypeReference<Uint256>() {});
      String to = fourthAddressInData ? ((Address) data.get(0)).getValue().toLowerCase() : a;
      BigInteger amount = ((Uint256) data.get(data.size() - 1)).getValue();
      return Optional.of(new Transfer(nonce, token, a, to, amount, block(log)));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  static Optional<OwedWithdrawn> owedWithdrawn(Log log) {
    try {
      List<Type> data =
          decode(log, new TypeReference<Address>() {}, new TypeReference<Uint256>() {});
      return Optional.of(
          new OwedWithdrawn(
              log.getTransactionHash() + ":" + log.getLogIndex(),
              address(log.getTopics().get(1)),
              address(log.getTopics().get(2)),
              ((Uint256) data.get(1)).getValue(),
              block(log)));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** A posted root; {@code postedAt} is the block's timestamp (claimable at once on a v1 vault). */
  static Optional<RootPosted> rootPosted(Log log, long postedAt) {
    try {
      boolean v2 = topic0(log).equals(ROOT_POSTED);
      List<Type> data =
          v2
              ? decode(
                  log,
                  new TypeReference<Uint256>() {},
                  new TypeReference<Uint256>() {},
                  new TypeReference<Uint256>() {})
              : decode(log, new TypeReference<Uint256>() {}, new TypeReference<Uint256>() {});
      return Optional.of(
          new RootPosted(
              log.getTopics().get(1).toLowerCase(),
              Numeric.toBigInt(log.getTopics().get(2)).longValueExact(),
              ((Uint256) data.get(0)).getValue().longValueExact(),
              ((Uint256) data.get(1)).getValue().longValueExact(),
              v2 ? ((Uint256) data.get(2)).getValue().longValueExact() : postedAt,
              block(log)));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  static String revokedRoot(Log log) {
    return log.getTopics().get(1).toLowerCase();
  }

  private static long block(Log log) {
    return log.getBlockNumber().longValueExact();
  }

  private static String address(String topic) {
    String hex = Numeric.cleanHexPrefix(topic);
    return "0x" + hex.substring(hex.length() - 40).toLowerCase();
  }

  @SafeVarargs
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static List<Type> decode(Log log, TypeReference<?>... types) {
    List<Type> out = FunctionReturnDecoder.decode(log.getData(), (List) List.of(types));
    if (out.size() != types.length) {
      throw new IllegalArgumentException("log data does not decode");
    }
    return out;
  }
}
