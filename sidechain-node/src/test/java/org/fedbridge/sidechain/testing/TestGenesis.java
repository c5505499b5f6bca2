package org.fedbridge.sidechain.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fedbridge.core.threshold.Member;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.Hex;
import org.fedbridge.sidechain.genesis.Genesis;
import org.fedbridge.sidechain.genesis.GenesisFile;

/** Genesis files for tests, in the devnet's shape. */
public final class TestGenesis {
  /** The sample token's L1 address. */
  public static final Address L1_TOKEN =
      Address.fromHex("0xe7f1725e7734ce288f8367e1bb143e90bb3f0512");

  public static final BigInteger ETHER = BigInteger.TEN.pow(18);

  private TestGenesis() {}

  /** The checked-in sample genesis ({@code src/test/resources/genesis/sample.json}). */
  public static Path sample() {
    return resource("genesis/sample.json");
  }

  public static Path resource(String name) {
    try {
      return Path.of(TestGenesis.class.getClassLoader().getResource(name).toURI());
    } catch (Exception e) {
      throw new IllegalStateException("missing test resource " + name, e);
    }
  }

  public static String json(
      long chainId, TestFederation federation, Map<Address, BigInteger> alloc, String gasPrice) {
    StringBuilder members = new StringBuilder();
    List<String> ms = new ArrayList<>();
    for (Member m : federation.epoch().members().members()) {
      ms.add(
          "{ \"index\": "
              + m.index()
              + ", \"operatorId\": \""
              + m.operatorId()
              + "\", \"sharePublicKey\": \""
              + Hex.encode(m.sharePk().toCompressed())
              + "\" }");
    }
    members.append(String.join(",\n      ", ms));
    List<String> allocs = new ArrayList<>();
    alloc.forEach((a, v) -> allocs.add("\"" + a.toHex() + "\": \"" + v + "\""));
    return "{\n"
        + "  \"chainId\": "
        + chainId
        + ",\n"
        + "  \"timestamp\": 1700000000,\n"
        + "  \"l1\": { \"chainId\": "
        + TestFederation.L1_CHAIN_ID
        + ", \"vault\": \""
        + TestFederation.VAULT.toHex()
        + "\" },\n"
        + "  \"epoch\": { \"number\": "
        + federation.epoch().number()
        + ",\n"
        + "    \"groupPublicKey\": \""
        + Hex.encode(federation.groupKey().toCompressed())
        + "\",\n"
        + "    \"threshold\": "
        + federation.epoch().members().threshold()
        + ",\n"
        + "    \"members\": [\n      "
        + members
        + "\n    ] },\n"
        + "  \"tokens\": [ { \"l1Token\": \""
        + L1_TOKEN.toHex()
        + "\", \"symbol\": \"TKN\", \"name\": \"Test Token\", \"decimals\": 18 } ],\n"
        + "  \"alloc\": {\n    "
        + String.join(",\n    ", allocs)
        + "\n  },\n"
        + "  \"gasPrice\": \""
        + gasPrice
        + "\"\n"
        + "}\n";
  }

  /** A genesis funding {@code accounts} with 1,000,000 ETH each. */
  public static Genesis of(long chainId, List<TestAccounts.Account> accounts, String gasPrice) {
    Map<Address, BigInteger> alloc = new LinkedHashMap<>();
    for (TestAccounts.Account a : accounts) {
      alloc.put(a.address(), ETHER.multiply(BigInteger.valueOf(1_000_000)));
    }
    return GenesisFile.parse(json(chainId, TestFederation.epoch0(), alloc, gasPrice));
  }

  public static Path write(Path dir, String json) {
    try {
      Files.createDirectories(dir);
      Path p = Files.createTempFile(dir, "genesis-", ".json");
      Files.writeString(p, json);
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
