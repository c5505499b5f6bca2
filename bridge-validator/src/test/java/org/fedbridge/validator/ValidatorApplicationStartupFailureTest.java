package org.fedbridge.validator;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.fedbridge.testsupport.service.ServiceStartupContract;
import org.fedbridge.validator.keys.TestKeys;

/** What an operator sees when the service cannot start: one line, and a non-zero exit. */
class ValidatorApplicationStartupFailureTest extends ServiceStartupContract {

  @Override
  protected Class<?> mainClass() {
    return ValidatorApplication.class;
  }

  @Override
  protected String serviceName() {
    return "bridge-validator";
  }

  @Override
  protected String prefix() {
    return "bridge.validator";
  }

  static final Path KEYS = Path.of("target", "validator-startup-test-keys").toAbsolutePath();

  @Override
  protected Map<String, String> requiredSettings() {
    if (!KEYS.resolve("identity.json").toFile().exists()) {
      TestKeys.identity(KEYS, "op-1");
    }
    Map<String, String> settings = new LinkedHashMap<>(TestKeys.settings(KEYS));
    settings.putAll(baseSettings());
    return settings;
  }

  static Map<String, String> baseSettings() {
    return Map.of(
        "bridge.validator.operator-id",
        "op-1",
        "bridge.validator.l1.rpc-url",
        "http://127.0.0.1:8545",
        "bridge.validator.l1.chain-id",
        "31337",
        "bridge.validator.l1.vault",
        "0x5FbDB2315678afecb367f032d93F642f64180aa3",
        "bridge.validator.sidechain.rpc-url",
        "http://127.0.0.1:8645",
        "bridge.validator.sidechain.chain-id",
        "1337");
  }

  @Override
  protected Map.Entry<String, String> invalidSetting() {
    return Map.entry("bridge.validator.l1.chain-id", "-5");
  }
}
