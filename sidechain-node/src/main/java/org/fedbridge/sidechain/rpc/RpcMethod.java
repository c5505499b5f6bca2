package org.fedbridge.sidechain.rpc;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every JSON-RPC method name this node answers, in one place (Besu's {@code RpcMethod}). */
public enum RpcMethod {
  WEB3_CLIENT_VERSION("web3_clientVersion"),
  NET_VERSION("net_version"),
  ETH_CHAIN_ID("eth_chainId"),
  ETH_SYNCING("eth_syncing"),
  ETH_BLOCK_NUMBER("eth_blockNumber"),
  ETH_GET_BLOCK_BY_NUMBER("eth_getBlockByNumber"),
  ETH_GET_BLOCK_BY_HASH("eth_getBlockByHash"),
  ETH_GET_BALANCE("eth_getBalance"),
  ETH_GET_TRANSACTION_COUNT("eth_getTransactionCount"),
  ETH_GET_CODE("eth_getCode"),
  ETH_SEND_RAW_TRANSACTION("eth_sendRawTransaction"),
  ETH_GET_TRANSACTION_BY_HASH("eth_getTransactionByHash"),
  ETH_GET_TRANSACTION_RECEIPT("eth_getTransactionReceipt"),
  ETH_CALL("eth_call"),
  ETH_ESTIMATE_GAS("eth_estimateGas"),
  ETH_GAS_PRICE("eth_gasPrice"),
  ETH_MAX_PRIORITY_FEE_PER_GAS("eth_maxPriorityFeePerGas"),
  ETH_FEE_HISTORY("eth_feeHistory"),
  ETH_GET_LOGS("eth_getLogs"),
  BRIDGE_TOKENS("bridge_tokens"),
  BRIDGE_INFO("bridge_info"),
  BRIDGE_EPOCH("bridge_epoch"),
  BRIDGE_IS_DEPOSIT_MINTED("bridge_isDepositMinted"),
  BRIDGE_GET_WITHDRAWAL_ROOT("bridge_getWithdrawalRoot"),
  BRIDGE_GET_WITHDRAWAL_PROOF("bridge_getWithdrawalProof"),
  BRIDGE_SUBMIT_DEPOSIT_CERTIFICATE("bridge_submitDepositCertificate"),
  BRIDGE_SUBMIT_EPOCH_CHANGE("bridge_submitEpochChange"),
  BRIDGE_SUBMIT_TOKEN_CONFIG("bridge_submitTokenConfig"),
  ETH_NEW_FILTER("eth_newFilter"),
  ETH_NEW_BLOCK_FILTER("eth_newBlockFilter"),
  ETH_NEW_PENDING_TRANSACTION_FILTER("eth_newPendingTransactionFilter"),
  ETH_GET_FILTER_CHANGES("eth_getFilterChanges"),
  ETH_GET_FILTER_LOGS("eth_getFilterLogs"),
  ETH_UNINSTALL_FILTER("eth_uninstallFilter"),
  /** WebSocket only (over HTTP: "notifications not supported"). */
  ETH_SUBSCRIBE("eth_subscribe"),
  /** WebSocket only. */
  ETH_UNSUBSCRIBE("eth_unsubscribe");

  private static final Map<String, RpcMethod> BY_NAME =
      Arrays.stream(values()).collect(Collectors.toMap(RpcMethod::methodName, Function.identity()));

  private final String methodName;

  RpcMethod(String methodName) {
    this.methodName = methodName;
  }

  /** The name on the wire, e.g. {@code eth_chainId}. */
  public String methodName() {
    return methodName;
  }

  public static Optional<RpcMethod> byName(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }
}
