package org.fedbridge.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Paths in the checkout: the build passes its root as {@code fedbridge.root}. */
final class Repo {
  /** The services, by module folder (also their container and image names). */
  static final List<String> SERVICES =
      List.of("bridge-validator", "sidechain-node", "relayer", "admin-api");

  /** Overlays operators apply; each must render and pass every rule. */
  static final List<String> OVERLAYS = List.of("operator", "federation-dev", "production");

  private Repo() {}

  static Path root() {
    String root = System.getProperty("fedbridge.root");
    Path path = root == null ? Path.of("..") : Path.of(root);
    return path.toAbsolutePath().normalize();
  }

  static Path k8s() {
    return root().resolve("k8s");
  }

  static Path overlay(String name) {
    return k8s().resolve("overlays").resolve(name);
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
