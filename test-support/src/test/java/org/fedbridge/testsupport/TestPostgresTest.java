package org.fedbridge.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

class TestPostgresTest {

  @Test
  void sharedServerIsRealPostgresqlAndStaysTheSame() throws Exception {
    TestPostgres pg = TestPostgres.shared();
    assertThat(TestPostgres.shared()).isSameAs(pg);
    try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.username(), pg.password());
        ResultSet rs = c.createStatement().executeQuery("SHOW server_version_num")) {
      rs.next();
      assertThat(rs.getInt(1)).isGreaterThanOrEqualTo(150000);
    }
  }

  @Test
  void createdDatabasesAreIsolated() throws Exception {
    TestPostgres pg = TestPostgres.shared();
    String a = pg.createDatabase("isolation_a");
    String b = pg.createDatabase("isolation_b");
    try (Connection ca = DriverManager.getConnection(a, pg.username(), pg.password());
        Connection cb = DriverManager.getConnection(b, pg.username(), pg.password())) {
      ca.createStatement().execute("CREATE TABLE only_in_a (id int)");
      ResultSet rs =
          cb.createStatement()
              .executeQuery("SELECT count(*) FROM pg_tables WHERE tablename = 'only_in_a'");
      rs.next();
      assertThat(rs.getInt(1)).isZero();
    }
  }
}
