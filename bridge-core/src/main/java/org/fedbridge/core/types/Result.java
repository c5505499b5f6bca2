package org.fedbridge.core.types;

import java.util.function.Function;

/**
 * The outcome of a decoder or a check: a value, or a {@link Rejection} with a short detail.
 * Expected rejections are always values of this type in bridge-core; exceptions are reserved for
 * programming errors.
 */
public sealed interface Result<T> {

  record Ok<T>(T value) implements Result<T> {}

  record Err<T>(Rejection reason, String detail) implements Result<T> {}

  static <T> Result<T> ok(T value) {
    return new Ok<>(value);
  }

  static <T> Result<T> err(Rejection reason, String detail) {
    return new Err<>(reason, detail);
  }

  default boolean isOk() {
    return this instanceof Ok;
  }

  /** The rejection reason, or {@code null} when ok. */
  default Rejection rejection() {
    return this instanceof Err<T> e ? e.reason() : null;
  }

  default <U> Result<U> map(Function<T, U> f) {
    if (this instanceof Ok<T> ok) {
      return new Ok<>(f.apply(ok.value()));
    }
    Err<T> e = (Err<T>) this;
    return new Err<>(e.reason(), e.detail());
  }

  /** The value, or a {@link RejectedException} carrying the reason. */
  default T orThrow() {
    if (this instanceof Ok<T> ok) {
      return ok.value();
    }
    Err<T> e = (Err<T>) this;
    throw new RejectedException(e.reason(), e.detail());
  }
}
