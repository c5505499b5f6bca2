package org.fedbridge.validator.watch;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fedbridge.contracts.generated.BridgeVault;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.Hex;
import org.fedbridge.core.types.Result;
import org.web3j.abi.EventEncoder;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;

/**
 * {@link L1Node} over web3j. Answers are parsed strictly; anything odd is a {@link NodeException}.
 */
final class Web3jL1Node implements L1Node {
  /** {@code keccak256("Deposit(uint256,address,address,address,uint256)")}, from the wrapper. */
  static final String DEPOSIT_TOPIC = EventEncoder.encode(BridgeVault.DEPOSIT_EVENT);

  private final Web3j web3j;
  private final String vault;

  Web3jL1Node(Web3j web3j, String vault) {
    this.web3j = web3j;
    this.vault = vault;
  }

  @Override
  public L1Header latest() throws NodeException {
    return block(DefaultBlockParameterName.LATEST)
        .orElseThrow(() -> new NodeException("node returned no latest block", false, null));
  }

  @Override
  public Optional<L1Header> finalized() throws NodeException {
    return block(DefaultBlockParameterName.FINALIZED);
  }

  @Override
  public Optional<L1Header> byNumber(long number) throws NodeException {
    return block(DefaultBlockParameter.valueOf(BigInteger.valueOf(number)));
  }

  @Override
  public List<Log> depositLogs(Bytes32 blockHash) throws NodeException {
    EthFilter filter = new EthFilter(blockHash.toHex(), vault);
    filter.addSingleTopic(DEPOSIT_TOPIC);
    EthLog response = send(() -> web3j.ethGetLogs(filter).send(), "eth_getLogs");
    List<Log> logs = new ArrayList<>();
    if (response.getLogs() == null) {
      throw new NodeException("eth_getLogs returned no list", false, null);
    }
    for (EthLog.LogResult<?> r : response.getLogs()) {
      if (!(r.get() instanceof Log log)) {
        throw new NodeException("eth_getLogs returned hashes, not logs", false, null);
      }
      logs.add(log);
    }
    return logs;
  }

  private Optional<L1Header> block(DefaultBlockParameter at) throws NodeException {
    EthBlock response =
        send(() -> web3j.ethGetBlockByNumber(at, false).send(), "eth_getBlockByNumber");
    EthBlock.Block b = response.getBlock();
    if (b == null) {
      return Optional.empty();
    }
    try {
      Result<Bytes32> hash = Bytes32.decode(b.getHash());
      Result<Bytes32> parent = Bytes32.decode(b.getParentHash());
      if (!hash.isOk() || !parent.isOk() || b.getNumberRaw() == null) {
        throw new NodeException("malformed block header at " + at.getValue(), false, null);
      }
      byte[] bloom = b.getLogsBloom() == null ? null : Hex.decode(b.getLogsBloom());
      if (bloom != null && bloom.length != 256) {
        bloom = null;
      }
      return Optional.of(
          new L1Header(b.getNumber().longValueExact(), hash.orThrow(), parent.orThrow(), bloom));
    } catch (ArithmeticException | IllegalArgumentException | UnsupportedOperationException e) {
      throw new NodeException("malformed block header at " + at.getValue(), false, e);
    }
  }

  private interface Call<T> {
    T send() throws IOException;
  }

  private static <T extends Response<?>> T send(Call<T> call, String method) throws NodeException {
    T response;
    try {
      response = call.send();
    } catch (IOException | RuntimeException e) {
      throw new NodeException(method + " failed: " + e.getMessage(), false, e);
    }
    if (response.hasError()) {
      throw new NodeException(
          method
              + " error "
              + response.getError().getCode()
              + ": "
              + response.getError().getMessage(),
          true,
          null);
    }
    return response;
  }
}
