package org.fedbridge.admin;

import java.util.Map;
import org.fedbridge.testsupport.service.ServiceStartupContract;

/** What an operator sees when the service cannot start: one line, and a non-zero exit. */
class AdminApplicationStartupFailureTest extends ServiceStartupContract {

  @Override
  protected Class<?> mainClass() {
    return AdminApplication.class;
  }

  @Override
  protected String serviceName() {
    return "admin-api";
  }

  @Override
  protected String prefix() {
    return "bridge.admin";
  }

  @Override
  protected Map<String, String> requiredSettings() {
    return TestConsole.requiredSettings(TestConsole.dir("startup"));
  }

  @Override
  protected Map.Entry<String, String> invalidSetting() {
    return Map.entry("bridge.admin.required-approvals", "1");
  }
}
