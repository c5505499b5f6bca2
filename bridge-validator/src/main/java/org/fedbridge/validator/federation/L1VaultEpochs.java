package org.fedbridge.validator.federation;

import java.math.BigInteger;
import java.util.List;
import org.fedbridge.core.bls.PublicKey;
import org.fedbridge.core.types.Bytes32;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;

/** Reads {@code currentEpoch()} and {@code epochInfo(epoch)} from the vault with eth_call. */
final class L1VaultEpochs implements ChainEpochs.L1 {
  private final Web3j web3j;
  private final String vault;

  L1VaultEpochs(Web3j web3j, String vault) {
    this.web3j = web3j;
    this.vault = vault;
  }

  @Override
  public ChainEpochs.L1Epoch current() throws Exception {
    List<Type> epoch =
        call(new Function("currentEpoch", List.of(), List.of(new TypeReference<Uint256>() {})));
    BigInteger e = (BigInteger) epoch.get(0).getValue();
    List<Type> info =
        call(
            new Function(
                "epochInfo",
                List.of(new Uint256(e)),
                List.of(
                    new TypeReference<DynamicBytes>() {},
                    new TypeReference<Uint256>() {},
                    new TypeReference<Uint256>() {},
                    new TypeReference<org.web3j.abi.datatypes.generated.Bytes32>() {})));
    PublicKey key =
        PublicKey.fromEip2537((byte[]) info.get(0).getValue())
            .orThrow(); // the vault validated it when it stored it
    return new ChainEpochs.L1Epoch(
        e.longValueExact(),
        key,
        ((BigInteger) info.get(1).getValue()).intValueExact(),
        ((BigInteger) info.get(2).getValue()).intValueExact(),
        new Bytes32((byte[]) info.get(3).getValue()));
  }

  @SuppressWarnings("rawtypes")
  private List<Type> call(Function f) throws Exception {
    EthCall r =
        web3j
            .ethCall(
                Transaction.createEthCallTransaction(null, vault, FunctionEncoder.encode(f)),
                DefaultBlockParameterName.LATEST)
            .send();
    if (r.hasError() || r.isReverted()) {
      throw new IllegalStateException(
          "vault "
              + f.getName()
              + " failed: "
              + (r.hasError() ? r.getError().getMessage() : "reverted"));
    }
    List<Type> out = FunctionReturnDecoder.decode(r.getValue(), f.getOutputParameters());
    if (out.size() != f.getOutputParameters().size()) {
      throw new IllegalStateException(
          "vault " + f.getName() + " returned nothing (no vault at " + vault + "?)");
    }
    return out;
  }
}
