package org.fedbridge.validator.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.fedbridge.testsupport.TestPostgres;
import org.flywaydb.core.Flyway;

/**
 * A fresh PostgreSQL database (on the JVM's real test server) with the validator's migrations
 * applied to schema {@code validator}. {@link #open()} gives a new connection pool on it: closing
 * one pool and opening another is how a test restarts a validator.
 */
public final class TestDatabase {
  private final String url;

  private TestDatabase(String url) {
    this.url = url;
  }

  public static TestDatabase fresh(String name) {
    TestDatabase db = new TestDatabase(TestPostgres.shared().createDatabase(name));
    Flyway.configure()
        .dataSource(db.url, TestPostgres.shared().username(), TestPostgres.shared().password())
        .schemas("validator")
        .defaultSchema("validator")
        .createSchemas(true)
        .locations("classpath:db/migrations/bridge-validator")
        .load()
        .migrate();
    return db;
  }

  public String url() {
    return url;
  }

  public HikariDataSource open() {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setUsername(TestPostgres.shared().username());
    config.setPassword(TestPostgres.shared().password());
    config.setSchema("validator");
    config.setMaximumPoolSize(24);
    config.setMinimumIdle(1);
    return new HikariDataSource(config);
  }
}
