package org.fedbridge.devnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fedbridge.contracts.VaultDeployer;
import org.fedbridge.contracts.generated.BridgeVault;
import org.fedbridge.contracts.generated.DevnetToken;
import org.fedbridge.core.types.Hex;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.TransactionManager;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;

/**
 * The README's round trip on a running devnet, as a wallet does it: ETH and the dev ERC-20
 * deposited into the vault are minted on the sidechain exactly once; a {@code withdrawEth} on the
 * sidechain yields a withdrawal certificate from the validators that the vault accepts in {@code
 * postWithdrawalRoot} and pays after its challenge period.
 */
final class RoundTrip {
  static final BigInteger ETHER = BigInteger.TEN.pow(18);
  static final String BRIDGE = "0x000000000000000000000000000000000000b1d6";

  private final JsonNode devnet;
  private final String l1Rpc;
  private final String sidechainRpc;
  private final long l1ChainId;
  private final long sidechainChainId;

  RoundTrip(JsonNode devnet) {
    this.devnet = devnet;
    this.l1Rpc = devnet.at("/l1/rpc").asText();
    this.sidechainRpc = devnet.at("/sidechain/rpc").asText();
    this.l1ChainId = devnet.at("/l1/chainId").asLong();
    this.sidechainChainId = devnet.at("/sidechain/chainId").asLong();
  }

  void run() throws Exception {
    Web3j l1 = Web3j.build(new HttpService(l1Rpc));
    Web3j sidechain = Web3j.build(new HttpService(sidechainRpc));
    try {
      depositsAreMintedExactlyOnce(l1);
      withdrawalIsCertifiedPostedAndPaid(l1, sidechain);
    } finally {
      l1.shutdown();
      sidechain.shutdown();
    }
  }

  /** A fresh address: nothing in genesis, so its sidechain balances are exactly what was minted. */
  private static String freshAddress() throws Exception {
    return Credentials.create(Keys.createEcKeyPair()).getAddress();
  }

  private void depositsAreMintedExactlyOnce(Web3j l1) throws Exception {
    Credentials user = Credentials.create(devnet.at("/accounts/1/privateKey").asText());
    String recipient = freshAddress();
    String vaultAddress = devnet.at("/l1/vault").asText();
    BridgeVault vault = VaultDeployer.load(l1, user, l1ChainId, vaultAddress);
    String l1Token = devnet.at("/l1/tokens/TKN").asText();
    String sidechainToken = devnet.at("/sidechain/tokens/TKN").asText();
    DevnetToken token =
        DevnetToken.load(
            l1Token,
            l1,
            VaultDeployer.transactionManager(l1, user, l1ChainId),
            VaultDeployer.gasProvider(l1));

    BigInteger eth = ETHER;
    BigInteger tokens = ETHER.multiply(BigInteger.valueOf(5));
    assertThat(vault.depositETH(recipient, eth).send().isStatusOK()).isTrue();
    assertThat(token.approve(vaultAddress, tokens).send().isStatusOK()).isTrue();
    assertThat(vault.deposit(l1Token, tokens, recipient).send().isStatusOK()).isTrue();

    await("ETH and TKN deposits minted on the sidechain")
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () ->
                sidechainEth(recipient).signum() > 0
                    && sidechainTokenBalance(sidechainToken, recipient).signum() > 0);
    // Exactly once: the amounts deposited, not twice them, also a while later (every validator
    // submits the certificate; the sidechain must take it once).
    await("no second mint")
        .during(Duration.ofSeconds(3))
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                sidechainEth(recipient).equals(eth)
                    && sidechainTokenBalance(sidechainToken, recipient).equals(tokens));
  }

  private void withdrawalIsCertifiedPostedAndPaid(Web3j l1, Web3j sidechain) throws Exception {
    Credentials user = Credentials.create(devnet.at("/accounts/1/privateKey").asText());
    String l1Recipient = freshAddress();
    BigInteger amount = ETHER.divide(BigInteger.TWO);
    TransactionManager tm =
        new org.web3j.tx.RawTransactionManager(
            sidechain,
            user,
            sidechainChainId,
            new PollingTransactionReceiptProcessor(sidechain, 200, 300));
    String data =
        FunctionEncoder.encode(
            new Function("withdrawEth", List.of(new Address(l1Recipient)), List.of()));
    BigInteger gasPrice = sidechain.ethGasPrice().send().getGasPrice();
    String hash =
        tm.sendTransaction(gasPrice, BigInteger.valueOf(200_000), BRIDGE, data, amount)
            .getTransactionHash();
    TransactionReceipt burn =
        new PollingTransactionReceiptProcessor(sidechain, 200, 300).waitForTransactionReceipt(hash);
    assertThat(burn.isStatusOK()).as("withdrawEth on the sidechain").isTrue();
    BigInteger batchId = burn.getBlockNumber();

    // Any validator serves the certificate once t of them signed the block's withdrawals.
    String validator = devnet.at("/federation/validators/0/url").asText();
    String certificateUrl = validator + "/api/v1/certificates/withdrawal/" + batchId;
    await("withdrawal certificate of sidechain block " + batchId)
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> Http.getJson(certificateUrl).has("signatureEip2537"));
    JsonNode certificate = Http.getJson(certificateUrl);
    assertThat(certificate.at("/withdrawals/0/l1Recipient").asText())
        .isEqualToIgnoringCase(l1Recipient);
    assertThat(certificate.at("/withdrawals/0/amount").asText()).isEqualTo(amount.toString());

    BridgeVault vault =
        VaultDeployer.load(
            l1,
            Credentials.create(devnet.at("/accounts/2/privateKey").asText()),
            l1ChainId,
            devnet.at("/l1/vault").asText());
    BridgeVault.WithdrawalBatch batch =
        new BridgeVault.WithdrawalBatch(
            batchId,
            Hex.decode(certificate.get("withdrawalRoot").asText()),
            new BigInteger(certificate.get("withdrawalCount").asText()));
    // The relayer may have posted it already; otherwise the test does, as the README does.
    if (!vault.isBatchPosted(batchId).send()) {
      try {
        TransactionReceipt posted =
            vault
                .postWithdrawalRoot(batch, Hex.decode(certificate.get("signatureEip2537").asText()))
                .send();
        assertThat(posted.isStatusOK()).isTrue();
      } catch (Exception raced) {
        assertThat(vault.isBatchPosted(batchId).send()).as(raced.getMessage()).isTrue();
      }
    }
    assertThat(vault.isBatchPosted(batchId).send())
        .as("the vault accepted the certificate")
        .isTrue();

    // Claimable once the devnet's 10 s challenge period is over (by anyone; here account 2).
    JsonNode proof =
        Http.rpc(
            sidechainRpc,
            "bridge_getWithdrawalProof",
            certificate.at("/withdrawals/0/nonce").asText());
    BridgeVault.Withdrawal withdrawal =
        new BridgeVault.Withdrawal(
            new BigInteger(proof.at("/withdrawal/nonce").asText()),
            proof.at("/withdrawal/l1Token").asText(),
            proof.at("/withdrawal/sender").asText(),
            proof.at("/withdrawal/l1Recipient").asText(),
            new BigInteger(proof.at("/withdrawal/amount").asText()));
    List<byte[]> siblings = new ArrayList<>();
    proof.get("proof").forEach(s -> siblings.add(Hex.decode(s.asText())));
    BridgeVault.Proof inclusion =
        new BridgeVault.Proof(
            Hex.decode(proof.get("withdrawalRoot").asText()),
            BigInteger.valueOf(proof.get("leafIndex").asLong()),
            siblings);
    await("withdrawal paid on L1 after the challenge period")
        .atMost(Duration.ofMinutes(1))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () -> {
              if (l1Eth(l1Recipient).signum() == 0) {
                try {
                  vault.claim(withdrawal, inclusion).send(); // reverts until the period is over
                } catch (Exception stillChallengeable) {
                  return false;
                }
              }
              return l1Eth(l1Recipient).signum() > 0;
            });
    assertThat(l1Eth(l1Recipient)).isEqualTo(amount);
  }

  private BigInteger sidechainEth(String address) {
    return quantity(Http.rpc(sidechainRpc, "eth_getBalance", address, "latest"));
  }

  private BigInteger l1Eth(String address) {
    return quantity(Http.rpc(l1Rpc, "eth_getBalance", address, "latest"));
  }

  private BigInteger sidechainTokenBalance(String token, String owner) {
    String data =
        FunctionEncoder.encode(new Function("balanceOf", List.of(new Address(owner)), List.of()));
    return quantity(
        Http.rpc(sidechainRpc, "eth_call", Map.of("to", token, "data", data), "latest"));
  }

  private static BigInteger quantity(JsonNode hex) {
    String s = hex.asText().substring(2);
    return s.isEmpty() ? BigInteger.ZERO : new BigInteger(s, 16);
  }
}
