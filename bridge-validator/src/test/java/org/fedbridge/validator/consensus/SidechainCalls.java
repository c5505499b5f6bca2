package org.fedbridge.validator.consensus;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fedbridge.core.message.Deposit;
import org.fedbridge.core.message.EpochChange;
import org.fedbridge.core.types.Hex;
import org.fedbridge.core.types.UInt256;
import org.fedbridge.validator.testing.SidechainReplica;
import org.web3j.utils.Numeric;

/** The sidechain JSON-RPC calls of {@link EpochRotationEndToEndTest}, as a submitter makes them. */
final class SidechainCalls {
  private SidechainCalls() {}

  static Map<String, Object> depositJson(
      UInt256 batchId, List<Deposit> items, long epoch, byte[] signature) {
    Map<String, Object> cert = new LinkedHashMap<>();
    cert.put("epoch", epoch);
    cert.put("batchId", batchId.value().longValueExact());
    List<Map<String, String>> deposits = new ArrayList<>();
    for (Deposit d : items) {
      deposits.add(
          Map.of(
              "nonce", d.nonce().value().toString(),
              "token", d.token().toHex(),
              "sender", d.sender().toHex(),
              "recipient", d.recipient().toHex(),
              "amount", d.amount().value().toString()));
    }
    cert.put("deposits", deposits);
    cert.put("signature", Hex.encode(signature));
    return cert;
  }

  static void submitToSidechain(
      SidechainReplica sidechain, EpochChange change, Certificate handover) throws Exception {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("epoch", 0);
    params.put("newEpoch", 1);
    params.put("groupPublicKey", Hex.encode(change.newGroupKey().toCompressed()));
    params.put("threshold", change.members().threshold());
    params.put(
        "members",
        change.members().members().stream()
            .map(
                m ->
                    Map.of(
                        "index", m.index(),
                        "operatorId", m.operatorId(),
                        "sharePublicKey", Hex.encode(m.sharePk().toCompressed())))
            .toList());
    params.put("signature", Hex.encode(handover.content().signature().toEip2537()));
    sidechain.rpc("bridge_submitEpochChange", params);
  }

  static BigInteger sidechainBalance(SidechainReplica sidechain, String address) throws Exception {
    return Numeric.decodeQuantity(sidechain.rpc("eth_getBalance", address, "latest").asText());
  }
}
