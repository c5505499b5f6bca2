package org.fedbridge.sidechain.ledger;

import java.util.List;
import java.util.Optional;
import org.fedbridge.core.message.TokenConfig;
import org.fedbridge.core.types.Result;
import org.fedbridge.core.wire.CertificateBody.TokenConfigBody;
import org.fedbridge.core.wire.CertificateRecord;
import org.fedbridge.core.wire.GovernanceRecord;
import org.fedbridge.sidechain.tx.Rlp;

/**
 * A {@code TOKEN_CONFIG} certificate as the validators publish it on {@code bridge.certificates}
 * (bridge-core {@link CertificateRecord}), with admin-api's signed {@link GovernanceRecord} that
 * carries the token's symbol, name and decimals (not part of the signed {@code TokenConfig}). Only
 * a claim until {@link Ledger#verify(TokenConfigCertificate)} accepts it.
 */
public record TokenConfigCertificate(
    CertificateRecord certificate, Optional<GovernanceRecord> governance) {
  public TokenConfigCertificate {
    if (!(certificate.body() instanceof TokenConfigBody)) {
      throw new IllegalArgumentException(
          "not a TOKEN_CONFIG certificate (type " + certificate.body().type() + ")");
    }
  }

  /** The certified config. */
  public TokenConfig config() {
    return ((TokenConfigBody) certificate.body()).config();
  }

  /** RLP {@code [certificate record bytes, governance record bytes or empty]}. */
  public byte[] encode() {
    return Rlp.list(
        Rlp.string(certificate.encode()),
        Rlp.string(governance.map(GovernanceRecord::encode).orElse(new byte[0])));
  }

  /** Reads it back from a log record; anything malformed is an {@link Rlp.RlpException}. */
  static TokenConfigCertificate decode(byte[] data, int offset) throws Rlp.RlpException {
    List<Rlp.Item> f = Rlp.decode(data, offset).list();
    if (f.size() != 2) {
      throw new Rlp.RlpException("token config certificate needs 2 fields");
    }
    Result<CertificateRecord> c = CertificateRecord.decode(f.get(0).string());
    if (!c.isOk()) {
      throw new Rlp.RlpException("bad certificate: " + TokenConfigs.why(c));
    }
    byte[] g = f.get(1).string();
    Optional<GovernanceRecord> governance = Optional.empty();
    if (g.length > 0) {
      Result<GovernanceRecord> r = GovernanceRecord.decode(g);
      if (!r.isOk()) {
        throw new Rlp.RlpException("bad governance record: " + TokenConfigs.why(r));
      }
      governance = Optional.of(r.orThrow());
    }
    try {
      return new TokenConfigCertificate(c.orThrow(), governance);
    } catch (IllegalArgumentException e) {
      throw new Rlp.RlpException(e.getMessage());
    }
  }
}
