package org.fedbridge.sidechain.rpc.methods;

import java.util.List;
import org.fedbridge.sidechain.rpc.Chain;
import org.fedbridge.sidechain.rpc.JsonRpcMethod;
import org.fedbridge.sidechain.rpc.RpcMethod;

/** Every JSON-RPC method this node answers. */
public final class RpcMethods {
  private RpcMethods() {}

  public static List<JsonRpcMethod> all(Chain chain) {
    return List.of(
        new Web3ClientVersion(),
        new NetVersion(chain),
        new EthChainId(chain),
        new EthSyncing(chain),
        new EthBlockNumber(chain),
        new EthGetBlockByNumber(chain),
        new EthGetBlockByHash(chain),
        new EthGetBalance(chain),
        new EthGetTransactionCount(chain),
        new EthGetCode(chain),
        new EthSendRawTransaction(chain),
        new EthGetTransactionByHash(chain),
        new EthGetTransactionReceipt(chain),
        new EthCall(chain),
        new EthEstimateGas(chain),
        new EthGasPrice(chain),
        new EthMaxPriorityFeePerGas(),
        new EthFeeHistory(chain),
        new EthGetLogs(chain),
        new BridgeTokens(chain),
        new BridgeInfo(chain),
        new BridgeEpoch(chain),
        new BridgeIsDepositMinted(chain),
        new BridgeGetWithdrawalRoot(chain),
        new BridgeGetWithdrawalProof(chain),
        new BridgeSubmitDepositCertificate(chain),
        new BridgeSubmitEpochChange(chain),
        new BridgeSubmitTokenConfig(chain),
        new EthNewFilter(chain),
        new EthNewBlockFilter(chain),
        new EthNewPendingTransactionFilter(chain),
        new EthGetFilterChanges(chain),
        new EthGetFilterLogs(chain),
        new EthUninstallFilter(chain),
        new NotificationsOverHttp(RpcMethod.ETH_SUBSCRIBE),
        new NotificationsOverHttp(RpcMethod.ETH_UNSUBSCRIBE));
  }
}
