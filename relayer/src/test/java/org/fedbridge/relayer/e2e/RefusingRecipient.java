package org.fedbridge.relayer.e2e;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import org.fedbridge.contracts.VaultDeployer;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;
import org.web3j.utils.Numeric;

/**
 * An L1 contract that refuses ETH (any call without data reverts), so the vault's payout to it
 * fails and becomes a debt; and that forwards any call with data from its owner to the vault, so
 * the owner can pull the debt with {@code withdrawOwed} (the vault pays only what it owes the
 * caller, and the caller is this contract). Hand-assembled (the relayer's build has no compiler):
 *
 * <pre>
 *   CALLDATASIZE ISZERO PUSH1 fail JUMPI            ; plain ETH transfer: revert
 *   PUSH20 owner CALLER EQ ISZERO PUSH1 fail JUMPI  ; only the owner may make it call
 *   CALLDATASIZE PUSH1 0 PUSH1 0 CALLDATACOPY
 *   PUSH1 0 PUSH1 0 CALLDATASIZE PUSH1 0 PUSH1 0 PUSH20 vault GAS CALL
 *   ISZERO PUSH1 fail JUMPI STOP
 * fail:
 *   JUMPDEST PUSH1 0 DUP1 REVERT
 * </pre>
 */
final class RefusingRecipient {
  private RefusingRecipient() {}

  /** Deploys one owned by {@code owner} that forwards to {@code vault}; returns its address. */
  static String deploy(Bridge bridge, Credentials owner, String vault) throws Exception {
    byte[] runtime = runtime(owner.getAddress(), vault);
    ByteArrayOutputStream init = new ByteArrayOutputStream();
    // PUSH1 len PUSH1 12 PUSH1 0 CODECOPY PUSH1 len PUSH1 0 RETURN, then the runtime code
    init.writeBytes(
        new byte[] {
          0x60,
          (byte) runtime.length,
          0x60,
          0x0c,
          0x60,
          0x00,
          0x39,
          0x60,
          (byte) runtime.length,
          0x60,
          0x00,
          (byte) 0xf3
        });
    init.writeBytes(runtime);
    TransactionReceipt receipt = send(bridge, owner, null, Numeric.toHexString(init.toByteArray()));
    if (!receipt.isStatusOK() || receipt.getContractAddress() == null) {
      throw new IllegalStateException("deploying the refusing recipient failed: " + receipt);
    }
    return receipt.getContractAddress().toLowerCase();
  }

  /** The owner has the contract call the vault with {@code data} (e.g. {@code withdrawOwed}). */
  static TransactionReceipt call(Bridge bridge, Credentials owner, String contract, String data)
      throws Exception {
    return send(bridge, owner, contract, data);
  }

  private static TransactionReceipt send(Bridge bridge, Credentials from, String to, String data)
      throws Exception {
    var fees = (org.web3j.tx.gas.ContractEIP1559GasProvider) VaultDeployer.gasProvider(bridge.l1);
    var tm = VaultDeployer.transactionManager(bridge.l1, from, bridge.anvil.chainId());
    String hash =
        tm.sendEIP1559Transaction(
                bridge.anvil.chainId(),
                fees.getMaxPriorityFeePerGas(),
                fees.getMaxFeePerGas(),
                BigInteger.valueOf(300_000),
                to,
                data,
                BigInteger.ZERO,
                to == null)
            .getTransactionHash();
    return new PollingTransactionReceiptProcessor(bridge.l1, 200, 300)
        .waitForTransactionReceipt(hash);
  }

  static byte[] runtime(String owner, String vault) {
    final int fail = 0x4b;
    ByteArrayOutputStream c = new ByteArrayOutputStream();
    c.writeBytes(new byte[] {0x36, 0x15, 0x60, fail, 0x57});
    c.write(0x73);
    c.writeBytes(Numeric.hexStringToByteArray(owner));
    c.writeBytes(new byte[] {0x33, 0x14, 0x15, 0x60, fail, 0x57});
    c.writeBytes(new byte[] {0x36, 0x60, 0x00, 0x60, 0x00, 0x37});
    c.writeBytes(new byte[] {0x60, 0x00, 0x60, 0x00, 0x36, 0x60, 0x00, 0x60, 0x00});
    c.write(0x73);
    c.writeBytes(Numeric.hexStringToByteArray(vault));
    c.writeBytes(new byte[] {0x5a, (byte) 0xf1, 0x15, 0x60, fail, 0x57, 0x00});
    if (c.size() != fail) {
      throw new IllegalStateException("fail label at " + c.size());
    }
    c.writeBytes(new byte[] {0x5b, 0x60, 0x00, (byte) 0x80, (byte) 0xfd});
    return c.toByteArray();
  }
}
