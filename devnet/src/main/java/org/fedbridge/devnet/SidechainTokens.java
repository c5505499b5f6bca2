package org.fedbridge.devnet;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads the sidechain's token registry through its {@code bridge_tokens} JSON-RPC method. */
final class SidechainTokens {
  private SidechainTokens() {}

  /** Symbol → sidechain token address. */
  static Map<String, String> lookup(String sidechainRpc) {
    Map<String, String> tokens = new LinkedHashMap<>();
    for (JsonNode token : Http.rpc(sidechainRpc, "bridge_tokens")) {
      tokens.put(token.get("symbol").asText(), token.get("sidechainToken").asText());
    }
    return tokens;
  }
}
