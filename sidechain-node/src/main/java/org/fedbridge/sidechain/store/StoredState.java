package org.fedbridge.sidechain.store;

import java.util.function.BiConsumer;
import javax.sql.DataSource;
import org.fedbridge.sidechain.ledger.Ledger;
import org.fedbridge.sidechain.ledger.StateKey;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The stored state of the latest block and the history window, streamed into a ledger at start-up.
 */
public final class StoredState implements Ledger.StateSource {
  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;

  public StoredState(DataSource dataSource) {
    this.jdbc = JdbcClient.create(dataSource);
    this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    transaction.setReadOnly(true);
  }

  @Override
  public void forEachPrevious(long afterBlock, Ledger.PreviousValue entry) {
    try {
      transaction.executeWithoutResult(
          status ->
              jdbc.sql(
                      "SELECT block_number, key, previous FROM state_history"
                          + " WHERE block_number > :after ORDER BY block_number")
                  .param("after", afterBlock)
                  .withFetchSize(10_000)
                  .query(
                      (RowCallbackHandler)
                          rs ->
                              entry.accept(
                                  rs.getLong(1), StateKey.of(rs.getBytes(2)), rs.getBytes(3))));
    } catch (DataAccessException e) {
      throw new StoreException("cannot load the state history", e);
    }
  }

  @Override
  public void forEach(BiConsumer<StateKey, byte[]> entry) {
    try {
      // Inside a transaction the driver streams rows by the fetch size instead of loading all.
      transaction.executeWithoutResult(
          status ->
              jdbc.sql("SELECT key, value FROM state")
                  .withFetchSize(10_000)
                  .query(
                      (RowCallbackHandler)
                          rs -> entry.accept(StateKey.of(rs.getBytes(1)), rs.getBytes(2))));
    } catch (DataAccessException e) {
      throw new StoreException("cannot load state", e);
    }
  }
}
