package org.fedbridge.sidechain.testing;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.Keccak;
import org.fedbridge.core.types.UInt256;

/** Call data for the built-in token and bridge contracts, written independently of the node. */
public final class Abis {
  private Abis() {}

  /** The 4-byte function selector of a Solidity signature. */
  public static byte[] selector(String signature) {
    return Arrays.copyOf(Keccak.hashBytes(signature.getBytes(StandardCharsets.US_ASCII)), 4);
  }

  public static byte[] word(BigInteger v) {
    return new UInt256(v).toWord();
  }

  public static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  public static byte[] transfer(Address to, BigInteger amount) {
    return concat(selector("transfer(address,uint256)"), to.toWord(), word(amount));
  }

  public static byte[] approve(Address spender, BigInteger amount) {
    return concat(selector("approve(address,uint256)"), spender.toWord(), word(amount));
  }

  public static byte[] transferFrom(Address from, Address to, BigInteger amount) {
    return concat(
        selector("transferFrom(address,address,uint256)"),
        from.toWord(),
        to.toWord(),
        word(amount));
  }

  public static byte[] balanceOf(Address who) {
    return concat(selector("balanceOf(address)"), who.toWord());
  }

  public static byte[] withdraw(Address token, Address l1Recipient, BigInteger amount) {
    return concat(
        selector("withdraw(address,address,uint256)"),
        token.toWord(),
        l1Recipient.toWord(),
        word(amount));
  }

  public static byte[] withdrawEth(Address l1Recipient) {
    return concat(selector("withdrawEth(address)"), l1Recipient.toWord());
  }
}
