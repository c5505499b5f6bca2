package org.fedbridge.admin.federation;

import java.math.BigInteger;
import java.util.Optional;
import java.util.function.LongFunction;
import org.fedbridge.admin.chain.ChainException;
import org.fedbridge.admin.chain.Sidechain;
import org.fedbridge.core.message.TokenConfig;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.wire.CertificateRecord;
import org.fedbridge.core.wire.GovernanceRecord;
import tools.jackson.databind.JsonNode;

/**
 * The sidechain half of a token configuration: {@code bridge_submitTokenConfig} with the
 * federation's certificate (of the epoch the sidechain is in) and the console's signed record,
 * which carries a new token's symbol, name and decimals.
 *
 * <p>When: a token the sidechain does not know yet is registered there as soon as the certificate
 * exists, so that its first deposits, possible once L1 executes the registration, are minted at
 * once (if pausers cancel the registration on L1, nobody can deposit it: harmless). A change to a
 * known token (limits, deregistration) goes to the sidechain only once L1 applied it, so that the
 * sidechain never refuses a deposit the vault still accepts, nor burns above a limit the vault
 * might never reach.
 */
final class TokenConfigSidechainStep {
  /** The step's state and why. */
  record Step(String state, String detail) {}

  private final Sidechain sidechain;

  TokenConfigSidechainStep(Sidechain sidechain) {
    this.sidechain = sidechain;
  }

  /**
   * @param l1Applied whether the config is in force on L1 (executed, or applied at once)
   * @param l1Dead whether it never will be (cancelled, or its nonce went elsewhere)
   * @param certificate the verified certificate of exactly this config for an epoch, if any
   */
  Step advance(
      GovernanceRecord record,
      TokenConfig c,
      boolean l1Applied,
      boolean l1Dead,
      LongFunction<Optional<CertificateRecord>> certificate) {
    if (c.token().equals(Address.ZERO)) {
      return new Step(
          "NOT_APPLICABLE", "ETH is native on the sidechain: its limits are the genesis'");
    }
    try {
      JsonNode entry = entry(c.token());
      BigInteger n = c.governanceNonce().value();
      if (entry != null && entry.hasNonNull("governanceNonce")) {
        BigInteger applied = new BigInteger(entry.get("governanceNonce").asText());
        if (applied.equals(n)) {
          return new Step("APPLIED", "in force on the sidechain");
        }
        if (applied.compareTo(n) > 0) {
          return new Step("SUPERSEDED", "the sidechain applied nonce " + applied + " since");
        }
      }
      if (l1Dead) {
        return new Step("SKIPPED", "never applied on L1: nothing to mirror");
      }
      if (entry == null && !c.registered()) {
        return new Step("NOT_APPLICABLE", "the sidechain never had this token");
      }
      if (entry != null && !l1Applied) {
        return new Step(
            "WAITING", "a change to a known token reaches the sidechain once L1 applied it");
      }
      JsonNode epoch = sidechain.call("bridge_epoch");
      long e = epoch == null ? 0 : epoch.path("number").asLong();
      Optional<CertificateRecord> cert = certificate.apply(e);
      if (cert.isEmpty()) {
        return new Step(
            "WAITING",
            "waits for the federation's certificate in epoch " + e + " (the sidechain's)");
      }
      // A known token's metadata never changes: the certificate alone (so a sidechain whose
      // genesis names no governance key still follows limit changes of its genesis tokens).
      JsonNode sent =
          sidechain.submitTokenConfig(cert.get().encode(), entry == null ? record.encode() : null);
      return new Step(
          "SUBMITTED",
          "submitted in "
              + (sent == null ? "?" : sent.path("hash").asText())
              + "; waiting for the replicas to apply it");
    } catch (ChainException ex) {
      return new Step("WAITING", ex.getMessage());
    }
  }

  private JsonNode entry(Address token) {
    JsonNode tokens = sidechain.call("bridge_tokens");
    if (tokens != null) {
      for (JsonNode t : tokens) {
        if (t.path("l1Token").asText().equalsIgnoreCase(token.toHex())) {
          return t;
        }
      }
    }
    return null;
  }
}
