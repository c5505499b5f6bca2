package org.fedbridge.admin.chain;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.fedbridge.admin.AdminProperties;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.Bytes32;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.http.HttpService;

/**
 * Reads of the BridgeVault on L1, encoded from the interface in contracts/README.md (not from the
 * generated wrapper, so the console follows the documented interface). Every failure to reach L1 or
 * a reverted call is a {@link ChainException}.
 */
@Component
public class Vault {
  private final Web3j web3j;
  private final String address;

  @Autowired
  Vault(AdminProperties properties) {
    this(Web3j.build(new HttpService(properties.l1().rpcUrl())), properties.l1().vault());
  }

  Vault(Web3j web3j, String address) {
    this.web3j = web3j;
    this.address = address.toLowerCase();
  }

  public String address() {
    return address;
  }

  /** The L1 client (logs, balances, heads). */
  public Web3j web3j() {
    return web3j;
  }

  public BigInteger governanceNonce() {
    return uint("governanceNonce");
  }

  public BigInteger pauseCount() {
    return uint("pauseCount");
  }

  /** Deposits the vault has counted (nonces run from 1). */
  public BigInteger depositCount() {
    return uint("depositCount");
  }

  public long currentEpoch() {
    return uint("currentEpoch").longValueExact();
  }

  public boolean paused() {
    return ((Bool) call("paused", List.of(), List.of(new TypeReference<Bool>() {})).get(0))
        .getValue();
  }

  public long challengePeriod() {
    return uint("challengePeriod").longValueExact();
  }

  public long governanceDelay() {
    return uint("governanceDelay").longValueExact();
  }

  /** Whether {@code pauser} may cancel operations and revoke roots now. */
  public boolean canVeto(Address pauser) {
    return ((Bool)
            call(
                    "canVeto",
                    List.of(new org.web3j.abi.datatypes.Address(pauser.toHex())),
                    List.of(new TypeReference<Bool>() {}))
                .get(0))
        .getValue();
  }

  /**
   * A posted root's status ({@code RootStatus}: batchId, count, epoch, postedAt, claimableAt,
   * revoked); count 0 means never posted.
   */
  public RootStatus rootStatus(Bytes32 root) {
    List<Type> out =
        call(
            "rootStatus",
            List.of(new org.web3j.abi.datatypes.generated.Bytes32(root.bytes())),
            List.of(
                new TypeReference<Uint256>() {},
                new TypeReference<Uint256>() {},
                new TypeReference<Uint256>() {},
                new TypeReference<Uint256>() {},
                new TypeReference<Uint256>() {},
                new TypeReference<Bool>() {}));
    return new RootStatus(
        ((Uint256) out.get(0)).getValue().longValueExact(),
        ((Uint256) out.get(1)).getValue().longValueExact(),
        ((Uint256) out.get(2)).getValue().longValueExact(),
        ((Uint256) out.get(3)).getValue().longValueExact(),
        ((Uint256) out.get(4)).getValue().longValueExact(),
        ((Bool) out.get(5)).getValue());
  }

  /** What the vault has locked for a token: credited deposits minus payouts. */
  public BigInteger locked(Address token) {
    List<Type> out =
        call(
            "tokenFlow",
            List.of(new org.web3j.abi.datatypes.Address(token.toHex())),
            List.of(
                new TypeReference<Uint256>() {},
                new TypeReference<Uint256>() {},
                new TypeReference<Uint256>() {},
                new TypeReference<Uint256>() {}));
    return ((Uint256) out.get(0)).getValue();
  }

  /** The group key of an epoch, 256-byte EIP-2537 form. */
  public byte[] groupKey(long epoch) {
    List<Type> out =
        call(
            "epochInfo",
            List.of(new Uint256(BigInteger.valueOf(epoch))),
            List.of(
                new TypeReference<DynamicBytes>() {},
                new TypeReference<Uint256>() {},
                new TypeReference<Uint256>() {},
                new TypeReference<org.web3j.abi.datatypes.generated.Bytes32>() {}));
    return ((DynamicBytes) out.get(0)).getValue();
  }

  /** An ERC-20 balance of the vault at a block. */
  public BigInteger tokenBalance(Address token, long block) {
    Function f =
        new Function(
            "balanceOf",
            List.of(new org.web3j.abi.datatypes.Address(address)),
            List.of(new TypeReference<Uint256>() {}));
    try {
      EthCall answer =
          web3j
              .ethCall(
                  Transaction.createEthCallTransaction(
                      null, token.toHex(), FunctionEncoder.encode(f)),
                  org.web3j.protocol.core.DefaultBlockParameter.valueOf(BigInteger.valueOf(block)))
              .send();
      if (answer.hasError() || answer.isReverted()) {
        throw new ChainException("balanceOf failed on " + token.toHex());
      }
      List<Type> out = FunctionReturnDecoder.decode(answer.getValue(), f.getOutputParameters());
      if (out.isEmpty()) {
        throw new ChainException("balanceOf returned nothing on " + token.toHex());
      }
      return ((Uint256) out.get(0)).getValue();
    } catch (IOException e) {
      throw new ChainException("L1 unreachable: " + e.getMessage(), e);
    }
  }

  /** Whether this is the hardened vault (governance queue, challenge period). */
  public boolean hardened() {
    try {
      governanceDelay();
      return true;
    } catch (ChainException e) {
      return false;
    }
  }

  /**
   * A queued operation's state ({@code Operation}: state 0 none, 1 queued, 2 executed, 3 cancelled;
   * and when it may execute).
   */
  public record Operation(int state, long readyAt) {}

  public Operation operation(Bytes32 id) {
    List<Type> out =
        call(
            "operation",
            List.of(new org.web3j.abi.datatypes.generated.Bytes32(id.bytes())),
            List.of(
                new TypeReference<org.web3j.abi.datatypes.generated.Uint8>() {},
                new TypeReference<org.web3j.abi.datatypes.generated.Uint8>() {},
                new TypeReference<Uint256>() {},
                new TypeReference<Uint256>() {},
                new TypeReference<org.web3j.abi.datatypes.Address>() {}));
    return new Operation(
        ((org.web3j.abi.datatypes.generated.Uint8) out.get(0)).getValue().intValueExact(),
        ((Uint256) out.get(3)).getValue().longValueExact());
  }

  /**
   * Calldata of {@code submitEpochChange(EpochChange, bytes)} ({@code rotateEpoch} on a vault
   * before the hardening), or of {@code executeEpochChange(EpochChange)} when {@code signature} is
   * null.
   */
  public static String epochChangeData(
      String function, org.fedbridge.core.message.EpochChange change, byte[] signature) {
    org.web3j.abi.datatypes.DynamicStruct struct =
        new org.web3j.abi.datatypes.DynamicStruct(
            new Uint256(change.newEpoch().value()),
            new DynamicBytes(change.newGroupKey().toEip2537()),
            new Uint256(BigInteger.valueOf(change.members().threshold())),
            new Uint256(BigInteger.valueOf(change.members().size())),
            new org.web3j.abi.datatypes.generated.Bytes32(change.members().membersHash().bytes()));
    List<Type> args = new ArrayList<>();
    args.add(struct);
    if (signature != null) {
      args.add(new DynamicBytes(signature));
    }
    return FunctionEncoder.encode(new Function(function, args, List.of()));
  }

  /**
   * Calldata of {@code submitTokenConfig(uint256 nonce, TokenSettings settings, bytes signature)},
   * or of {@code executeTokenConfig(uint256 nonce, TokenSettings settings)} when {@code signature}
   * is null.
   */
  public static String tokenConfigData(
      String function, org.fedbridge.core.message.TokenConfig c, byte[] signature) {
    org.web3j.abi.datatypes.StaticStruct settings =
        new org.web3j.abi.datatypes.StaticStruct(
            new org.web3j.abi.datatypes.Address(c.token().toHex()),
            new Bool(c.registered()),
            new Uint256(c.periodLimit().value()),
            new Uint256(c.periodSeconds().value()),
            new Uint256(c.delayThreshold().value()),
            new Uint256(c.delaySeconds().value()));
    List<Type> args = new ArrayList<>();
    args.add(new Uint256(c.governanceNonce().value()));
    args.add(settings);
    if (signature != null) {
      args.add(new DynamicBytes(signature));
    }
    return FunctionEncoder.encode(new Function(function, args, List.of()));
  }

  /**
   * Calldata of {@code submitPauserUpdate(PauserUpdate update, bytes signature)}, or of {@code
   * executePauserUpdate(PauserUpdate update)} when {@code signature} is null.
   */
  public static String pauserUpdateData(
      String function, org.fedbridge.core.message.PauserUpdate u, byte[] signature) {
    return governanceData(
        function,
        new org.web3j.abi.datatypes.StaticStruct(
            new Uint256(u.governanceNonce().value()),
            new org.web3j.abi.datatypes.Address(u.pauser().toHex()),
            new Bool(u.enabled())),
        signature);
  }

  /**
   * Calldata of {@code submitUnpause(Unpause unpause, bytes signature)}, or of {@code
   * executeUnpause(Unpause unpause)} when {@code signature} is null.
   */
  public static String unpauseData(
      String function, org.fedbridge.core.message.Unpause u, byte[] signature) {
    return governanceData(
        function,
        new org.web3j.abi.datatypes.StaticStruct(
            new Uint256(u.governanceNonce().value()), new Uint256(u.pauseCount().value())),
        signature);
  }

  private static String governanceData(
      String function, org.web3j.abi.datatypes.StaticStruct struct, byte[] signature) {
    List<Type> args = new ArrayList<>();
    args.add(struct);
    if (signature != null) {
      args.add(new DynamicBytes(signature));
    }
    return FunctionEncoder.encode(new Function(function, args, List.of()));
  }

  /** A token's registry entry and limits ({@code tokenSettings}), as decimal strings. */
  public java.util.Map<String, Object> tokenSettings(Address token) {
    List<Type> out =
        call(
            "tokenSettings",
            List.of(new org.web3j.abi.datatypes.Address(token.toHex())),
            List.of(
                new TypeReference<org.web3j.abi.datatypes.Address>() {},
                new TypeReference<Bool>() {},
                new TypeReference<Uint256>() {},
                new TypeReference<Uint256>() {},
                new TypeReference<Uint256>() {},
                new TypeReference<Uint256>() {}));
    java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("registered", ((Bool) out.get(1)).getValue());
    m.put("periodLimit", ((Uint256) out.get(2)).getValue().toString());
    m.put("periodSeconds", ((Uint256) out.get(3)).getValue().longValueExact());
    m.put("delayThreshold", ((Uint256) out.get(4)).getValue().toString());
    m.put("delaySeconds", ((Uint256) out.get(5)).getValue().longValueExact());
    return m;
  }

  /** Calldata of {@code pause()}. */
  public static String pauseData() {
    return FunctionEncoder.encode(new Function("pause", List.of(), List.of()));
  }

  /** Calldata of {@code revokeRoot(bytes32)}. */
  public static String revokeRootData(Bytes32 root) {
    return FunctionEncoder.encode(
        new Function(
            "revokeRoot",
            List.of(new org.web3j.abi.datatypes.generated.Bytes32(root.bytes())),
            List.of()));
  }

  /** A posted root's status as the vault reports it. */
  public record RootStatus(
      long batchId, long count, long epoch, long postedAt, long claimableAt, boolean revoked) {
    public boolean posted() {
      return count > 0;
    }
  }

  private BigInteger uint(String name) {
    return ((Uint256) call(name, List.of(), List.of(new TypeReference<Uint256>() {})).get(0))
        .getValue();
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  List<Type> call(String name, List<Type> in, List<TypeReference<?>> out) {
    Function f = new Function(name, new ArrayList<>(in), (List) out);
    String data = FunctionEncoder.encode(f);
    EthCall answer;
    try {
      answer =
          web3j
              .ethCall(
                  Transaction.createEthCallTransaction(null, address, data),
                  DefaultBlockParameterName.LATEST)
              .send();
    } catch (IOException | RuntimeException e) {
      throw new ChainException("L1 unreachable calling vault." + name + ": " + e.getMessage(), e);
    }
    if (answer.hasError() || answer.isReverted()) {
      throw new ChainException(
          "vault."
              + name
              + " failed: "
              + (answer.hasError() ? answer.getError().getMessage() : answer.getRevertReason()));
    }
    List<Type> decoded = FunctionReturnDecoder.decode(answer.getValue(), f.getOutputParameters());
    if (decoded.size() != out.size()) {
      throw new ChainException("vault." + name + " returned nothing (no such function?)");
    }
    return decoded;
  }
}
