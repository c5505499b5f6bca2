package org.fedbridge.validator.batch;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.UInt256;

/** Column conversions shared by the batch store: amounts as NUMERIC(78,0), times as UTC. */
final class Sql {
  private Sql() {}

  static BigDecimal numeric(UInt256 value) {
    return new BigDecimal(value.value());
  }

  static UInt256 uint(ResultSet rs, String column) throws SQLException {
    return new UInt256(rs.getBigDecimal(column).toBigIntegerExact());
  }

  static Address address(ResultSet rs, String column) throws SQLException {
    return new Address(rs.getBytes(column));
  }

  static Bytes32 bytes32(ResultSet rs, String column) throws SQLException {
    return new Bytes32(rs.getBytes(column));
  }

  static OffsetDateTime time(Instant instant) {
    return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }
}
