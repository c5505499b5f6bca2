package org.fedbridge.relayer.chain;

import java.util.List;

/**
 * A decoded revert: the vault's custom error name and its arguments as strings (numbers in decimal,
 * addresses and bytes as 0x-hex), for example {@code AlreadyClaimed(7)}.
 */
public record VaultError(String name, List<String> args) {
  public VaultError {
    args = List.copyOf(args);
  }

  /** The argument at {@code i}. */
  public String arg(int i) {
    return args.get(i);
  }

  public boolean is(String errorName) {
    return name.equals(errorName);
  }

  @Override
  public String toString() {
    return name + "(" + String.join(", ", args) + ")";
  }
}
