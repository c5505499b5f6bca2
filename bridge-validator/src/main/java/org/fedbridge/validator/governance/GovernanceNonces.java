package org.fedbridge.validator.governance;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.fedbridge.core.message.PauserUpdate;
import org.fedbridge.core.message.SignedMessage;
import org.fedbridge.core.message.TokenConfig;
import org.fedbridge.core.message.Unpause;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.UInt256;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every message authentic governance records asked the federation to sign at one governance nonce,
 * whatever its kind: the vault keeps one counter for TokenConfig, PauserUpdate and Unpause, so a
 * nonce claimed by two different messages (of one kind or of two) is ambiguous, and neither is
 * signed ({@link TokenConfigs}, {@link PauseGovernance}).
 */
final class GovernanceNonces {
  private GovernanceNonces() {}

  /** The messages approved at {@code nonce}, one per governance record (duplicates included). */
  static List<SignedMessage> approvedAt(JdbcClient jdbc, UInt256 nonce) {
    BigDecimal n = new BigDecimal(nonce.value());
    List<SignedMessage> out = new ArrayList<>();
    out.addAll(
        jdbc.sql(
                "SELECT governance_nonce, token, registered, period_limit, period_seconds,"
                    + " delay_threshold, delay_seconds FROM governance_token_configs"
                    + " WHERE governance_nonce = :n")
            .param("n", n)
            .query(
                (rs, i) ->
                    new TokenConfig(
                        uint(rs.getBigDecimal(1)),
                        Address.fromHex(rs.getString(2)),
                        rs.getBoolean(3),
                        uint(rs.getBigDecimal(4)),
                        uint(rs.getBigDecimal(5)),
                        uint(rs.getBigDecimal(6)),
                        uint(rs.getBigDecimal(7))))
            .list());
    out.addAll(
        jdbc.sql(
                "SELECT governance_nonce, pauser, enabled FROM governance_pauser_updates"
                    + " WHERE governance_nonce = :n")
            .param("n", n)
            .query(
                (rs, i) ->
                    new PauserUpdate(
                        uint(rs.getBigDecimal(1)),
                        Address.fromHex(rs.getString(2)),
                        rs.getBoolean(3)))
            .list());
    out.addAll(
        jdbc.sql(
                "SELECT governance_nonce, pause_count FROM governance_unpauses"
                    + " WHERE governance_nonce = :n")
            .param("n", n)
            .query((rs, i) -> new Unpause(uint(rs.getBigDecimal(1)), uint(rs.getBigDecimal(2))))
            .list());
    return out;
  }

  /** The one message at {@code nonce}, or null when none or several different ones claim it. */
  static SignedMessage single(JdbcClient jdbc, UInt256 nonce) {
    List<SignedMessage> asked = approvedAt(jdbc, nonce);
    // SECURITY: two records naming one nonce with different messages are ambiguous: neither is
    // signed (the admin console gives each nonce out once; only a hostile publisher repeats one).
    return asked.stream().distinct().count() == 1 ? asked.get(0) : null;
  }

  static UInt256 uint(BigDecimal d) {
    return new UInt256(d.toBigIntegerExact());
  }
}
