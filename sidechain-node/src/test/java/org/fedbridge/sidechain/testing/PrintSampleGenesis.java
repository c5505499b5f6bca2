package org.fedbridge.sidechain.testing;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import org.fedbridge.core.types.Address;

/** Prints the sample genesis (regenerate src/test/resources/genesis/sample.json with it). */
public final class PrintSampleGenesis {
  private PrintSampleGenesis() {}

  public static void main(String[] args) {
    Map<Address, BigInteger> alloc = new LinkedHashMap<>();
    alloc.put(
        TestAccounts.fromKey(TestAccounts.ANVIL_KEY_0).address(),
        TestGenesis.ETHER.multiply(BigInteger.valueOf(1000)));
    for (TestAccounts.Account a : TestAccounts.many("sample", 4)) {
      alloc.put(a.address(), TestGenesis.ETHER.multiply(BigInteger.valueOf(1000)));
    }
    System.out.print(TestGenesis.json(1337, TestFederation.epoch0(), alloc, "0"));
  }
}
