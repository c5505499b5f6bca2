package org.fedbridge.testsupport;

import org.testcontainers.DockerClientFactory;

/** Whether a Docker engine is reachable; asked once per JVM. */
final class Docker {
  private static volatile Boolean available;

  private Docker() {}

  static boolean available() {
    Boolean known = available;
    if (known == null) {
      boolean probed;
      try {
        probed =
            !"false".equals(System.getProperty("fedbridge.docker"))
                && DockerClientFactory.instance().isDockerAvailable();
      } catch (RuntimeException | LinkageError e) {
        probed = false;
      }
      available = known = probed;
    }
    return known;
  }
}
