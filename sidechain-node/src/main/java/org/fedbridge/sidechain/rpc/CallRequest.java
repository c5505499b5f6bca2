package org.fedbridge.sidechain.rpc;

import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.UInt256;

/**
 * The call object of {@code eth_call} and {@code eth_estimateGas}.
 *
 * @param from the caller ({@code address(0)} when absent)
 * @param data {@code input}, or the older {@code data}
 * @param gas the caller's gas allowance, or {@code null}
 */
public record CallRequest(Address from, Address to, UInt256 value, byte[] data, Long gas) {
  public CallRequest {
    data = data.clone();
  }

  @Override
  public byte[] data() {
    return data.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CallRequest c
        && from.equals(c.from)
        && to.equals(c.to)
        && value.equals(c.value)
        && java.util.Arrays.equals(data, c.data)
        && java.util.Objects.equals(gas, c.gas);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(from, to, value, java.util.Arrays.hashCode(data), gas);
  }

  @Override
  public String toString() {
    return "CallRequest[" + from + " -> " + to + "]";
  }
}
