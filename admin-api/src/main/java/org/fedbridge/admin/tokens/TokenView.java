package org.fedbridge.admin.tokens;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.fedbridge.admin.AdminProperties;
import org.fedbridge.admin.chain.ChainException;
import org.fedbridge.admin.chain.Sidechain;
import org.fedbridge.admin.chain.Vault;
import org.fedbridge.admin.proposals.ProposalKind;
import org.fedbridge.admin.proposals.Proposals;
import org.fedbridge.core.types.Address;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tokens and their limits as they are in force: the vault's registry and limits on L1 and the
 * sidechain's token registry, for ETH, the tokens reconciliation watches and every token a proposal
 * has named. Changing them is a TOKEN_CONFIG proposal.
 */
@Service
public class TokenView {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final Vault vault;
  private final Sidechain sidechain;
  private final Proposals proposals;
  private final AdminProperties properties;

  TokenView(Vault vault, Sidechain sidechain, Proposals proposals, AdminProperties properties) {
    this.vault = vault;
    this.sidechain = sidechain;
    this.proposals = proposals;
    this.properties = properties;
  }

  public List<Map<String, Object>> tokens() {
    Set<String> tokens = new TreeSet<>();
    tokens.add(Address.ZERO.toHex());
    properties.reconciliation().tokens().forEach(t -> tokens.add(t.toLowerCase()));
    proposals.list(java.util.Optional.empty(), 500).stream()
        .filter(p -> p.kind() == ProposalKind.TOKEN_CONFIG)
        .forEach(p -> tokens.add(JSON.readTree(p.effect()).path("token").asText()));
    Map<String, JsonNode> sidechainTokens = new LinkedHashMap<>();
    String sidechainError = null;
    try {
      JsonNode list = sidechain.call("bridge_tokens");
      if (list != null) {
        list.forEach(t -> sidechainTokens.put(t.path("l1Token").asText().toLowerCase(), t));
      }
    } catch (ChainException e) {
      sidechainError = e.getMessage();
    }
    List<Map<String, Object>> out = new ArrayList<>();
    for (String token : tokens) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("token", token);
      try {
        m.putAll(vault.tokenSettings(Address.fromHex(token)));
      } catch (ChainException e) {
        m.put("l1Error", e.getMessage());
      }
      JsonNode s = sidechainTokens.get(token);
      if (s != null) {
        m.put("sidechainToken", s.path("sidechainToken").asText());
        m.put("symbol", s.path("symbol").asText());
        m.put("decimals", s.path("decimals").asInt());
      } else if (sidechainError != null) {
        m.put("sidechainError", sidechainError);
      }
      out.add(m);
    }
    return out;
  }
}
