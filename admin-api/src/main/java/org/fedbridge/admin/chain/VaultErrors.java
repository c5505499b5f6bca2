package org.fedbridge.admin.chain;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.web3j.crypto.Hash;
import org.web3j.protocol.core.Response;
import org.web3j.utils.Numeric;

/** Names the vault's custom errors (contracts/README.md, "Errors") from revert data. */
final class VaultErrors {
  private static final Map<String, String> BY_SELECTOR = new HashMap<>();

  static {
    for (String signature :
        List.of(
            "Paused()",
            "NotPaused()",
            "AlreadyPaused()",
            "NotPauser(address)",
            "VetoNotActive(address,uint256)",
            "InvalidSignature()",
            "UnknownRoot(bytes32)",
            "RootIsRevoked(bytes32)",
            "ChallengeWindowClosed(bytes32,uint256)",
            "RevocationNeedsLaterEpoch(bytes32,uint256)",
            "WrongEpoch(uint256,uint256)",
            "InvalidThreshold(uint256,uint256)",
            "WrongGovernanceNonce(uint256,uint256)",
            "WrongPauseCount(uint256,uint256)",
            "LimitOutOfRange()",
            "OperationExists(bytes32)",
            "UnknownOperation(bytes32)",
            "OperationNotReady(bytes32,uint256)",
            "CannotCancelOwnRemoval(address)",
            "ZeroAddress()",
            "KeyStorageFailed()")) {
      byte[] h = Hash.sha3(signature.getBytes(StandardCharsets.US_ASCII));
      BY_SELECTOR.put(Numeric.toHexString(h, 0, 4, true), signature);
    }
  }

  private VaultErrors() {}

  /** The error's signature if the revert data names a known one, else the node's message. */
  static String name(Response.Error error) {
    String data = error.getData();
    if (data != null && data.startsWith("\"")) {
      data = data.substring(1, data.length() - 1);
    }
    if (data != null && data.length() >= 10) {
      String known = BY_SELECTOR.get(data.substring(0, 10).toLowerCase());
      if (known != null) {
        return known;
      }
    }
    return error.getMessage();
  }
}
