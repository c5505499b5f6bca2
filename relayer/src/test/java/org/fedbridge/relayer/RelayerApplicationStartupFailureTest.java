package org.fedbridge.relayer;

import java.util.Map;
import org.fedbridge.testsupport.service.ServiceStartupContract;

/** What an operator sees when the service cannot start: one line, and a non-zero exit. */
class RelayerApplicationStartupFailureTest extends ServiceStartupContract {

  @Override
  protected Class<?> mainClass() {
    return RelayerApplication.class;
  }

  @Override
  protected String serviceName() {
    return "relayer";
  }

  @Override
  protected String prefix() {
    return "bridge.relayer";
  }

  @Override
  protected Map<String, String> requiredSettings() {
    return Map.of(
        "bridge.relayer.l1.rpc-url",
        "http://127.0.0.1:8545",
        "bridge.relayer.l1.chain-id",
        "31337",
        "bridge.relayer.vault",
        "0x5FbDB2315678afecb367f032d93F642f64180aa3",
        "bridge.relayer.sidechain.rpc-url",
        "http://127.0.0.1:8645",
        "bridge.relayer.sidechain.chain-id",
        "1337");
  }

  @Override
  protected Map.Entry<String, String> invalidSetting() {
    return Map.entry("bridge.relayer.l1.chain-id", "0");
  }
}
