package org.fedbridge.core.bls;

/**
 * Loads blst (through jblst's bundled JNI library) once, lazily, and reports a failure once with a
 * clear message instead of an {@link UnsatisfiedLinkError} deep in a call stack.
 */
final class Native {
  private static final RuntimeException FAILURE = load();

  private Native() {}

  private static RuntimeException load() {
    try {
      new supranational.blst.P1();
      return null;
    } catch (LinkageError e) {
      return new IllegalStateException(
          "blst native library (tech.pegasys:jblst) could not be loaded on "
              + System.getProperty("os.name")
              + "/"
              + System.getProperty("os.arch"),
          e);
    }
  }

  /** Throws the load failure, if any. Cheap after the first call. */
  static void ensureLoaded() {
    if (FAILURE != null) {
      throw FAILURE;
    }
  }
}
