package org.fedbridge.admin.api;

/**
 * What a feature returns for a request it may refuse: the result, or a refusal as a value (the edge
 * turns it into a problem detail with {@link #orThrow}).
 */
public sealed interface Outcome<T> {

  record Done<T>(T value) implements Outcome<T> {}

  record Refused<T>(AdminError error, String detail) implements Outcome<T> {}

  static <T> Outcome<T> done(T value) {
    return new Done<>(value);
  }

  static <T> Outcome<T> refused(AdminError error, String detail) {
    return new Refused<>(error, detail);
  }

  default boolean isDone() {
    return this instanceof Done;
  }

  /** The value, or the refusal thrown as an {@link AdminException} (at the edge only). */
  default T orThrow() {
    if (this instanceof Done<T> d) {
      return d.value();
    }
    Refused<T> r = (Refused<T>) this;
    throw new AdminException(r.error(), r.detail());
  }
}
