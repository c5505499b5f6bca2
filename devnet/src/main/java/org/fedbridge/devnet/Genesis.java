package org.fedbridge.devnet;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.fedbridge.core.threshold.Member;
import org.fedbridge.core.types.Hex;

/** Writes the sidechain's genesis file (format documented in docs/architecture.md). */
final class Genesis {
  static final BigInteger DEV_BALANCE = BigInteger.TEN.pow(22); // 10,000 ETH

  private Genesis() {}

  static void write(
      Path file,
      long chainId,
      long l1ChainId,
      String vault,
      DevDkg.Federation federation,
      List<L1Setup.Token> tokens,
      List<DevAccount> accounts,
      String governanceKey) {
    ObjectNode root = Http.JSON.createObjectNode();
    root.put("chainId", chainId);
    root.put("timestamp", Instant.now().getEpochSecond());
    ObjectNode l1 = root.putObject("l1");
    l1.put("chainId", l1ChainId);
    l1.put("vault", vault);
    ObjectNode epoch = root.putObject("epoch");
    epoch.put("number", 0);
    epoch.put("groupPublicKey", Hex.encode(federation.groupKey().toCompressed()));
    epoch.put("threshold", federation.policy().threshold());
    ArrayNode members = epoch.putArray("members");
    for (Member member : federation.members()) {
      ObjectNode m = members.addObject();
      m.put("index", member.index());
      m.put("operatorId", member.operatorId());
      m.put("sharePublicKey", Hex.encode(member.sharePk().toCompressed()));
    }
    ArrayNode tokenNodes = root.putArray("tokens");
    for (L1Setup.Token token : tokens) {
      ObjectNode t = tokenNodes.addObject();
      t.put("l1Token", token.address());
      t.put("symbol", token.symbol());
      t.put("name", token.name());
      t.put("decimals", token.decimals());
    }
    ObjectNode alloc = root.putObject("alloc");
    for (DevAccount account : accounts) {
      alloc.put(account.address(), DEV_BALANCE.toString());
    }
    root.put("gasPrice", "0");
    if (governanceKey != null) {
      root.put("governanceKey", governanceKey);
    }
    try {
      Http.JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), root);
    } catch (IOException e) {
      throw new DevnetException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
