package org.fedbridge.sidechain;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.fedbridge.sidechain.testing.TestGenesis;
import org.fedbridge.testsupport.TestPostgres;
import org.fedbridge.testsupport.service.ServiceStartupContract;
import org.junit.jupiter.api.Test;

/** What an operator sees when the node cannot start: one line, and a non-zero exit. */
class SidechainNodeApplicationStartupFailureTest extends ServiceStartupContract {

  @Override
  protected Class<?> mainClass() {
    return SidechainNodeApplication.class;
  }

  @Override
  protected String serviceName() {
    return "sidechain-node";
  }

  @Override
  protected String prefix() {
    return "bridge.sidechain";
  }

  @Override
  protected Map<String, String> requiredSettings() {
    return Map.of(
        "bridge.sidechain.chain-id",
        "1337",
        "bridge.sidechain.genesis",
        TestGenesis.sample().toString());
  }

  @Override
  protected Map.Entry<String, String> invalidSetting() {
    return Map.entry("bridge.sidechain.chain-id", "0");
  }

  @Test
  void missingGenesisExitsNonZeroWithOneLineNamingIt() {
    Map<String, String> settings = validSettings(TestPostgres.shared().jdbcUrl());
    settings.remove("bridge.sidechain.genesis");
    assertRefused(start(settings), "invalid setting", "bridge.sidechain.genesis");
  }

  @Test
  void invalidGenesisFileExitsNonZeroWithOneLineNamingTheField() throws Exception {
    Path bad = Files.createTempFile("genesis-", ".json");
    Files.writeString(
        bad,
        Files.readString(TestGenesis.sample()).replace("\"threshold\": 3", "\"threshold\": 1"));
    Map<String, String> settings = validSettings(TestPostgres.shared().jdbcUrl());
    settings.put("bridge.sidechain.genesis", bad.toString());
    assertRefused(start(settings), "invalid genesis file", "THRESHOLD_POLICY");
  }
}
