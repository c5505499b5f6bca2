package org.fedbridge.relayer.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Type;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/**
 * Decodes revert data into the vault's named custom errors, read from the vault's own ABI (built
 * with the contracts module and copied onto the relayer's classpath), so that a vault that gains or
 * changes errors is decoded without code changes here. Also decodes Solidity's {@code
 * Error(string)} and {@code Panic(uint256)}.
 */
public final class VaultErrors {
  private static final String ABI = "/abi/BridgeVault.abi";
  private static final String ERROR_STRING = "0x08c379a0";
  private static final String PANIC = "0x4e487b71";

  private record Definition(String name, List<String> types) {}

  private final Map<String, Definition> bySelector;

  private VaultErrors(Map<String, Definition> bySelector) {
    this.bySelector = Map.copyOf(bySelector);
  }

  /** The errors of the BridgeVault ABI on the classpath. */
  public static VaultErrors fromClasspath() {
    try (InputStream in = VaultErrors.class.getResourceAsStream(ABI)) {
      if (in == null) {
        throw new IllegalStateException(ABI + " is missing: build the contracts module first");
      }
      return fromAbi(new ObjectMapper().readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + ABI, e);
    }
  }

  static VaultErrors fromAbi(JsonNode abi) {
    Map<String, Definition> map = new HashMap<>();
    for (JsonNode item : abi) {
      if (!"error".equals(item.path("type").asText())) {
        continue;
      }
      List<String> types = new ArrayList<>();
      item.path("inputs").forEach(i -> types.add(i.path("type").asText()));
      String signature = item.path("name").asText() + "(" + String.join(",", types) + ")";
      map.put(selector(signature), new Definition(item.path("name").asText(), types));
    }
    return new VaultErrors(map);
  }

  static String selector(String signature) {
    return Hash.sha3String(signature).substring(0, 10);
  }

  /** Names of every error the decoder knows. */
  public List<String> names() {
    return bySelector.values().stream().map(Definition::name).sorted().toList();
  }

  /**
   * Decodes revert data ({@code 0x} + selector + arguments).
   *
   * @return the error, or empty for empty revert data
   */
  public Optional<VaultError> decode(String revertData) {
    if (revertData == null || revertData.length() < 10 || !revertData.startsWith("0x")) {
      return Optional.empty();
    }
    String selector = revertData.substring(0, 10).toLowerCase(java.util.Locale.ROOT);
    String args = revertData.substring(10);
    try {
      if (selector.equals(ERROR_STRING)) {
        return Optional.of(new VaultError("Error", decodeArgs(args, List.of("string"))));
      }
      if (selector.equals(PANIC)) {
        return Optional.of(new VaultError("Panic", decodeArgs(args, List.of("uint256"))));
      }
      Definition d = bySelector.get(selector);
      if (d == null) {
        return Optional.of(new VaultError("UnknownError", List.of(revertData)));
      }
      return Optional.of(new VaultError(d.name(), decodeArgs(args, d.types())));
    } catch (RuntimeException | ClassNotFoundException e) {
      return Optional.of(new VaultError("UndecodableError", List.of(revertData)));
    }
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static List<String> decodeArgs(String hex, List<String> types)
      throws ClassNotFoundException {
    if (types.isEmpty()) {
      return List.of();
    }
    List<TypeReference<Type>> refs = new ArrayList<>();
    for (String t : types) {
      refs.add((TypeReference) TypeReference.makeTypeReference(t));
    }
    List<Type> values = FunctionReturnDecoder.decode(hex, refs);
    if (values.size() != types.size()) {
      throw new IllegalArgumentException("short revert data");
    }
    List<String> out = new ArrayList<>();
    for (Type v : values) {
      Object value = v.getValue();
      if (value instanceof byte[] bytes) {
        out.add(Numeric.toHexString(bytes));
      } else if (value instanceof BigInteger n) {
        out.add(n.toString());
      } else {
        out.add(String.valueOf(value));
      }
    }
    return List.copyOf(out);
  }
}
