package org.fedbridge.sidechain.testing;

import java.math.BigInteger;
import org.fedbridge.core.types.Address;
import org.fedbridge.sidechain.ledger.Abi;
import org.fedbridge.sidechain.ledger.Words;

/** Call data for the built-in token and bridge contracts. */
public final class Abis {
  private Abis() {}

  private static byte[] sel(String signature) {
    int s = Abi.selector(signature);
    return new byte[] {(byte) (s >>> 24), (byte) (s >>> 16), (byte) (s >>> 8), (byte) s};
  }

  public static byte[] transfer(Address to, BigInteger amount) {
    return Abi.concat(sel("transfer(address,uint256)"), to.toWord(), Words.uint(amount));
  }

  public static byte[] approve(Address spender, BigInteger amount) {
    return Abi.concat(sel("approve(address,uint256)"), spender.toWord(), Words.uint(amount));
  }

  public static byte[] transferFrom(Address from, Address to, BigInteger amount) {
    return Abi.concat(
        sel("transferFrom(address,address,uint256)"),
        from.toWord(),
        to.toWord(),
        Words.uint(amount));
  }

  public static byte[] balanceOf(Address who) {
    return Abi.concat(sel("balanceOf(address)"), who.toWord());
  }

  public static byte[] withdraw(Address token, Address l1Recipient, BigInteger amount) {
    return Abi.concat(
        sel("withdraw(address,address,uint256)"),
        token.toWord(),
        l1Recipient.toWord(),
        Words.uint(amount));
  }

  public static byte[] withdrawEth(Address l1Recipient) {
    return Abi.concat(sel("withdrawEth(address)"), l1Recipient.toWord());
  }
}
