package org.fedbridge.validator.watch;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.fedbridge.core.message.Deposit;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.Hex;
import org.fedbridge.core.types.Keccak;
import org.fedbridge.core.types.Rejection;
import org.fedbridge.core.types.Result;
import org.fedbridge.core.types.UInt256;
import org.web3j.protocol.core.methods.response.Log;

/**
 * Parses the vault's {@code Deposit(uint256 indexed nonce, address indexed token, address indexed
 * sender, address recipient, uint256 amount)} logs of one block, strictly: every log must come from
 * the vault, from that very block (hash and number), not be removed, and have exactly the event's
 * shape. Anything else is refused as a value: an honest node never sends it.
 */
final class DepositLogs {
  private static final byte[] TOPIC = Hex.decode(Web3jL1Node.DEPOSIT_TOPIC);

  private DepositLogs() {}

  /** Whether the block's bloom filter allows a {@code Deposit} log of {@code vault}. */
  static boolean mayContain(byte[] bloom, Address vault) {
    return bloom == null || (inBloom(bloom, vault.bytes()) && inBloom(bloom, TOPIC));
  }

  // Ethereum's 2048-bit log bloom: three 11-bit indexes from keccak256(value).
  static boolean inBloom(byte[] bloom, byte[] value) {
    byte[] h = Keccak.hash(value).bytes();
    for (int i = 0; i < 6; i += 2) {
      int bit = ((h[i] & 0xff) << 8 | (h[i + 1] & 0xff)) & 2047;
      if ((bloom[255 - bit / 8] & (1 << (bit % 8))) == 0) {
        return false;
      }
    }
    return true;
  }

  /** The block's deposits in log order, or why the logs cannot be believed. */
  static Result<List<Deposit>> decode(List<Log> logs, Address vault, L1Header block) {
    List<Log> sorted = new ArrayList<>(logs);
    try {
      sorted.sort(Comparator.comparing(Log::getLogIndex));
    } catch (RuntimeException e) {
      return Result.err(Rejection.MALFORMED, "log without a log index");
    }
    List<Deposit> out = new ArrayList<>(sorted.size());
    BigInteger lastIndex = null;
    for (Log log : sorted) {
      Result<Deposit> d = decode(log, vault, block);
      if (!d.isOk()) {
        return Result.err(d.rejection(), ((Result.Err<Deposit>) d).detail());
      }
      if (lastIndex != null && log.getLogIndex().compareTo(lastIndex) <= 0) {
        return Result.err(Rejection.MALFORMED, "repeated log index " + log.getLogIndex());
      }
      lastIndex = log.getLogIndex();
      out.add(d.orThrow());
    }
    return Result.ok(out);
  }

  static Result<Deposit> decode(Log log, Address vault, L1Header block) {
    try {
      Result<Address> from = Address.decode(log.getAddress());
      if (!from.isOk() || !from.orThrow().equals(vault)) {
        return bad("log from " + log.getAddress() + ", not the vault");
      }
      if (log.isRemoved()) {
        return bad("removed log");
      }
      Result<Bytes32> hash = Bytes32.decode(log.getBlockHash());
      if (!hash.isOk()
          || !hash.orThrow().equals(block.hash())
          || log.getBlockNumberRaw() == null
          || log.getBlockNumber().longValueExact() != block.number()) {
        return bad("log of another block: " + log.getBlockHash());
      }
      List<String> topics = log.getTopics();
      if (topics == null
          || topics.size() != 4
          || !Web3jL1Node.DEPOSIT_TOPIC.equalsIgnoreCase(topics.get(0))) {
        return bad("not a Deposit event");
      }
      Result<byte[]> data = Hex.tryDecode(log.getData(), 64);
      if (!data.isOk()) {
        return bad("Deposit data must be two words");
      }
      byte[] d = data.orThrow();
      byte[][] words = new byte[5][];
      for (int i = 1; i <= 3; i++) {
        Result<byte[]> w = Hex.tryDecode(topics.get(i), 32);
        if (!w.isOk()) {
          return bad("topic " + i + " is not a word");
        }
        words[i - 1] = w.orThrow();
      }
      words[3] = Arrays.copyOfRange(d, 0, 32);
      words[4] = Arrays.copyOfRange(d, 32, 64);
      Optional<Address> token = address(words[1]);
      Optional<Address> sender = address(words[2]);
      Optional<Address> recipient = address(words[3]);
      if (token.isEmpty() || sender.isEmpty() || recipient.isEmpty()) {
        return bad("address word with non-zero high bytes");
      }
      UInt256 nonce = new UInt256(new BigInteger(1, words[0]));
      UInt256 amount = new UInt256(new BigInteger(1, words[4]));
      // The vault never emits these; a node that does is not to be believed.
      if (nonce.value().signum() == 0 || amount.value().signum() == 0) {
        return bad("zero nonce or amount");
      }
      return Result.ok(new Deposit(nonce, token.get(), sender.get(), recipient.get(), amount));
    } catch (RuntimeException e) {
      return bad("malformed log: " + e.getMessage());
    }
  }

  private static Optional<Address> address(byte[] word) {
    for (int i = 0; i < 12; i++) {
      if (word[i] != 0) {
        return Optional.empty();
      }
    }
    return Optional.of(new Address(Arrays.copyOfRange(word, 12, 32)));
  }

  private static Result<Deposit> bad(String detail) {
    return Result.err(Rejection.MALFORMED, detail);
  }
}
