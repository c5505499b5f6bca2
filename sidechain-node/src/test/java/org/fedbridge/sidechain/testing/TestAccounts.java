package org.fedbridge.sidechain.testing;

import fr.acinq.secp256k1.Secp256k1;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.Hex;
import org.fedbridge.core.types.Keccak;
import org.fedbridge.sidechain.tx.Rlp;
import org.fedbridge.sidechain.tx.SenderRecovery;

/** Deterministic secp256k1 test accounts and a fast transaction signer (libsecp256k1). */
public final class TestAccounts {
  /** Anvil's dev account 0 (public test key, never holds value). */
  public static final String ANVIL_KEY_0 =
      "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";

  private TestAccounts() {}

  /** An account: private key and address. */
  public record Account(byte[] privateKey, Address address) {
    public String privateKeyHex() {
      return Hex.encode(privateKey);
    }
  }

  public static Account fromKey(String hex) {
    byte[] k = Hex.decode(hex);
    byte[] pub = Secp256k1.Companion.get().pubkeyCreate(k);
    if (pub.length == 33) {
      pub = Secp256k1.Companion.get().pubkeyParse(pub);
    }
    return new Account(k, SenderRecovery.addressOf(pub));
  }

  /** Account {@code i} of a named set: key {@code keccak256(name/i)}. */
  public static Account derived(String name, int i) {
    return fromKey(Hex.encode(Keccak.hashBytes((name + "/" + i).getBytes(StandardCharsets.UTF_8))));
  }

  public static List<Account> many(String name, int count) {
    List<Account> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(derived(name, i));
    }
    return out;
  }

  /** A signed EIP-1559 transaction. */
  public static byte[] eip1559(
      Account from,
      long chainId,
      long nonce,
      BigInteger maxPriorityFee,
      BigInteger maxFee,
      long gas,
      Address to,
      BigInteger value,
      byte[] data) {
    byte[][] fields = {
      Rlp.uint(chainId),
      Rlp.uint(nonce),
      Rlp.uint(maxPriorityFee),
      Rlp.uint(maxFee),
      Rlp.uint(gas),
      to == null ? Rlp.string(new byte[0]) : Rlp.string(to.bytes()),
      Rlp.uint(value),
      Rlp.string(data),
      Rlp.list()
    };
    byte[] unsigned = Rlp.list(fields);
    byte[] hash = Keccak.hashBytes(new byte[] {0x02}, unsigned);
    Sig sig = sign(from, hash);
    byte[][] all = Arrays.copyOf(fields, 12);
    all[9] = Rlp.uint(sig.recId);
    all[10] = Rlp.uint(sig.r);
    all[11] = Rlp.uint(sig.s);
    byte[] body = Rlp.list(all);
    byte[] out = new byte[body.length + 1];
    out[0] = 0x02;
    System.arraycopy(body, 0, out, 1, body.length);
    return out;
  }

  /** A signed legacy transaction with EIP-155 replay protection. */
  public static byte[] legacy(
      Account from,
      long chainId,
      long nonce,
      BigInteger gasPrice,
      long gas,
      Address to,
      BigInteger value,
      byte[] data) {
    byte[][] fields = {
      Rlp.uint(nonce),
      Rlp.uint(gasPrice),
      Rlp.uint(gas),
      to == null ? Rlp.string(new byte[0]) : Rlp.string(to.bytes()),
      Rlp.uint(value),
      Rlp.string(data),
      Rlp.uint(chainId),
      Rlp.uint(0),
      Rlp.uint(0)
    };
    byte[] hash = Keccak.hashBytes(Rlp.list(fields));
    Sig sig = sign(from, hash);
    fields[6] = Rlp.uint(BigInteger.valueOf(chainId * 2 + 35 + sig.recId));
    fields[7] = Rlp.uint(sig.r);
    fields[8] = Rlp.uint(sig.s);
    return Rlp.list(fields);
  }

  /** A plain ETH transfer (EIP-1559, zero fees). */
  public static byte[] transfer(
      Account from, long chainId, long nonce, Address to, BigInteger value) {
    return eip1559(
        from, chainId, nonce, BigInteger.ZERO, BigInteger.ZERO, 21_000, to, value, new byte[0]);
  }

  private record Sig(BigInteger r, BigInteger s, int recId) {}

  private static Sig sign(Account from, byte[] hash) {
    Secp256k1 secp = Secp256k1.Companion.get();
    byte[] sig = secp.sign(hash, from.privateKey());
    BigInteger r = new BigInteger(1, Arrays.copyOfRange(sig, 0, 32));
    BigInteger s = new BigInteger(1, Arrays.copyOfRange(sig, 32, 64));
    for (int recId = 0; recId < 2; recId++) {
      Address a = SenderRecovery.recover(hash, r, s, recId);
      if (from.address().equals(a)) {
        return new Sig(r, s, recId);
      }
    }
    throw new IllegalStateException("no recovery id matches");
  }
}
