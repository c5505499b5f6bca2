package org.fedbridge.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fedbridge.contracts.generated.BridgeVault;
import org.fedbridge.contracts.testing.generated.EcdsaReferenceVault;
import org.fedbridge.contracts.testing.generated.GasBurningRecipient;
import org.fedbridge.contracts.testing.generated.MockERC20;
import org.fedbridge.core.message.Withdrawal;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Hash;
import org.web3j.crypto.Sign;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * Gas figures from one run on anvil, with a Wormhole-style 13-of-19 ECDSA reference side by side.
 * Runs in every build and fails when an operation exceeds its budget; it prints the table and
 * writes {@code target/GAS.md}, or rewrites {@code contracts/GAS.md} with {@code -Pgas-report}
 * ({@code mvn -B -pl contracts -am -Pgas-report verify}).
 */
class GasReportTest {
  private final Map<String, Long> rows = new LinkedHashMap<>();

  @Test
  void gasReport() throws Exception {
    AnvilVault v = new AnvilVault(Federation.create(42, 13, 19), List.of());
    MockERC20 token =
        MockERC20.deploy(
                v.web3j,
                VaultDeployer.transactionManager(v.web3j, v.user, v.chainId),
                VaultDeployer.gasProvider(v.web3j),
                "TKN")
            .send();
    // register the token (a governance certificate)
    var settings = AnvilVault.tokenLimits(token.getContractAddress());
    var tc =
        new org.fedbridge.core.message.TokenConfig(
            org.fedbridge.core.types.UInt256.ZERO,
            org.fedbridge.core.types.Address.fromHex(token.getContractAddress()),
            true,
            new org.fedbridge.core.types.UInt256(settings.periodLimit()),
            org.fedbridge.core.types.UInt256.of(settings.periodSeconds()),
            new org.fedbridge.core.types.UInt256(settings.delayThreshold()),
            org.fedbridge.core.types.UInt256.of(settings.delaySeconds()));
    record(
        "submitTokenConfig (a registration: queued)",
        v.vault
            .submitTokenConfig(
                BigInteger.ZERO, settings.toSettings(), v.federation.certify(tc, v.domain()))
            .send());
    v.advance(AnvilVault.GOVERNANCE_DELAY);
    record(
        "executeTokenConfig (after the governance delay)",
        v.vault.executeTokenConfig(BigInteger.ZERO, settings.toSettings()).send());

    // deposits: the first ever deposit pays for fresh slots; report the steady state too
    record("depositETH (first deposit of the vault)", v.depositEth(AnvilVault.ether(500)));
    record("depositETH", v.depositEth(AnvilVault.ether(500)));
    BridgeVault asUser = v.as(v.user);
    token.mint(v.relayer.getAddress(), AnvilVault.ether(1)).send();
    MockERC20 userToken =
        MockERC20.load(
            token.getContractAddress(),
            v.web3j,
            VaultDeployer.transactionManager(v.web3j, v.user, v.chainId),
            VaultDeployer.gasProvider(v.web3j));
    userToken.mint(v.user.getAddress(), AnvilVault.ether(10_000)).send();
    userToken.approve(v.address, BigInteger.TWO.pow(256).subtract(BigInteger.ONE)).send();
    record(
        "ERC-20 deposit (first of this token)",
        asUser
            .deposit(token.getContractAddress(), AnvilVault.ether(400), v.user.getAddress())
            .send());
    record(
        "ERC-20 deposit",
        asUser
            .deposit(token.getContractAddress(), AnvilVault.ether(400), v.user.getAddress())
            .send());

    // recipients that already exist (funded with 1 wei / 1 token unit beforehand)
    List<String> existing = new ArrayList<>();
    for (int i = 0; i < 64; i++) {
      String a = Credentials.create(ECKeyPair.create(BigInteger.valueOf(1000 + i))).getAddress();
      existing.add(a);
      v.fund(a, BigInteger.ONE);
      token.mint(a, BigInteger.ONE).send();
    }
    // burn nonce 1..255 word-start effects: the first claim of a fresh 256-nonce word is reported
    AnvilVault.Batch first = ethBatch(v, existing, 1, AnvilVault.ether(1));
    record("postWithdrawalRoot (batch of 1), first batch of a fresh 256-batch word", v.post(first));
    v.advance(AnvilVault.CHALLENGE);
    record(
        "claim, ETH, depth 0, first nonce of a fresh 256-nonce word",
        v.vault.claim(first.w(0), first.proof(0)).send());

    AnvilVault.Batch b1 = ethBatch(v, existing, 1, AnvilVault.ether(1));
    long post1 = record("postWithdrawalRoot (batch of 1)", v.post(b1));
    v.advance(AnvilVault.CHALLENGE);
    long claim1 = record("claim, ETH, depth 0", v.vault.claim(b1.w(0), b1.proof(0)).send());

    AnvilVault.Batch b16 = ethBatch(v, existing, 16, AnvilVault.ether(1));
    long post16 = record("postWithdrawalRoot (batch of 16)", v.post(b16));
    v.advance(AnvilVault.CHALLENGE);
    record("claim, ETH, depth 4", v.vault.claim(b16.w(0), b16.proof(0)).send());
    AnvilVault.Batch b16b = ethBatch(v, existing, 16, AnvilVault.ether(1));
    v.postAndWait(b16b);
    long many16 =
        record(
            "claimMany 16 ETH, existing recipients",
            v.vault.claimMany(b16b.ws(), b16b.proofs()).send());

    AnvilVault.Batch b64 = ethBatch(v, existing, 64, AnvilVault.ether(1));
    long post64 = record("postWithdrawalRoot (batch of 64)", v.post(b64));
    v.advance(AnvilVault.CHALLENGE);
    record("claim, ETH, depth 6", v.vault.claim(b64.w(0), b64.proof(0)).send());
    AnvilVault.Batch b64b = ethBatch(v, existing, 64, AnvilVault.ether(1));
    v.postAndWait(b64b);
    long many64 =
        record(
            "claimMany 64 ETH, existing recipients",
            v.vault.claimMany(b64b.ws(), b64b.proofs()).send());

    List<String> fresh = new ArrayList<>();
    for (int i = 0; i < 64; i++) {
      fresh.add(Credentials.create(ECKeyPair.create(BigInteger.valueOf(5000 + i))).getAddress());
    }
    AnvilVault.Batch b64n = ethBatch(v, fresh, 64, AnvilVault.ether(1));
    v.postAndWait(b64n);
    record("claimMany 64 ETH, new recipients", v.vault.claimMany(b64n.ws(), b64n.proofs()).send());

    List<Withdrawal> tw = new ArrayList<>();
    for (int i = 0; i < 64; i++) {
      tw.add(v.withdrawal(token.getContractAddress(), existing.get(i), AnvilVault.ether(1)));
    }
    AnvilVault.Batch t64 = v.batch(tw);
    v.postAndWait(t64);
    record("claim, ERC-20, depth 6, existing holder", v.vault.claim(t64.w(0), t64.proof(0)).send());
    List<Withdrawal> tw2 = new ArrayList<>();
    for (int i = 0; i < 64; i++) {
      tw2.add(v.withdrawal(token.getContractAddress(), existing.get(i), AnvilVault.ether(1)));
    }
    AnvilVault.Batch t64b = v.batch(tw2);
    v.postAndWait(t64b);
    record(
        "claimMany 64 ERC-20, existing holders",
        v.vault.claimMany(t64b.ws(), t64b.proofs()).send());

    // a batch with one recipient that burns all the gas it is given: capped, and owed
    GasBurningRecipient burner =
        GasBurningRecipient.deploy(
                v.web3j,
                VaultDeployer.transactionManager(v.web3j, v.relayer, v.chainId),
                VaultDeployer.gasProvider(v.web3j))
            .send();
    List<String> withBurner = new ArrayList<>(existing);
    withBurner.set(17, burner.getContractAddress());
    AnvilVault.Batch griefed = ethBatch(v, withBurner, 64, AnvilVault.ether(1));
    v.postAndWait(griefed);
    record(
        "claimMany 64 ETH, one recipient burns its gas (owed)",
        v.vault.claimMany(griefed.ws(), griefed.proofs()).send());

    // the hardening's own operations
    AnvilVault.Batch skipped = ethBatch(v, existing, 64, AnvilVault.ether(1));
    v.postAndWait(skipped);
    v.vault.claimMany(skipped.ws(), skipped.proofs()).send();
    record(
        "claimMany 64 ETH, all already claimed (skipped)",
        v.vault.claimMany(skipped.ws(), skipped.proofs()).send());
    AnvilVault.Batch revoked = ethBatch(v, existing, 1, AnvilVault.ether(1));
    v.post(revoked);
    record(
        "revokeRoot (pauser, inside the challenge period)",
        v.as(v.pauser).revokeRoot(revoked.onChain().root).send());
    record("pause", v.as(v.pauser).pause().send());
    var unpause = v.currentUnpause();
    record(
        "submitUnpause (queued)",
        v.vault
            .submitUnpause(
                AnvilVault.toContract(unpause), v.federation.certify(unpause, v.domain()))
            .send());
    v.advance(AnvilVault.GOVERNANCE_DELAY);
    record("executeUnpause", v.vault.executeUnpause(AnvilVault.toContract(unpause)).send());

    // the ECDSA reference: 19 guardians, 13 signatures per withdrawal
    List<ECKeyPair> guardians = new ArrayList<>();
    List<String> guardianAddresses = new ArrayList<>();
    for (int i = 0; i < 19; i++) {
      ECKeyPair k = ECKeyPair.create(BigInteger.valueOf(77_000 + i));
      guardians.add(k);
      guardianAddresses.add(Credentials.create(k).getAddress());
    }
    EcdsaReferenceVault ref =
        EcdsaReferenceVault.deploy(
                v.web3j,
                VaultDeployer.transactionManager(v.web3j, v.relayer, v.chainId),
                VaultDeployer.gasProvider(v.web3j),
                AnvilVault.ether(100),
                guardianAddresses)
            .send();
    long refClaim = 0;
    for (int round = 0; round < 2; round++) {
      Withdrawal w = v.withdrawal(AnvilVault.ETH, existing.get(round), AnvilVault.ether(1));
      EcdsaReferenceVault.Withdrawal rw =
          new EcdsaReferenceVault.Withdrawal(
              w.nonce().value(),
              w.l1Token().toHex(),
              w.sender().toHex(),
              w.l1Recipient().toHex(),
              w.amount().value());
      byte[] digest = ref.digest(rw).send();
      byte[] sigs = new byte[13 * 66];
      for (int i = 0; i < 13; i++) {
        Sign.SignatureData s = Sign.signMessage(digest, guardians.get(i), false);
        sigs[i * 66] = (byte) i;
        System.arraycopy(s.getR(), 0, sigs, i * 66 + 1, 32);
        System.arraycopy(s.getS(), 0, sigs, i * 66 + 33, 32);
        sigs[i * 66 + 65] = s.getV()[0];
      }
      refClaim =
          record(
              "reference: 13-of-19 ECDSA check + pay one ETH withdrawal",
              ref.claim(rw, sigs).send());
    }

    double per1 = post1 + claim1;
    double per16 = (post16 + many16) / 16.0;
    double per64 = (post64 + many64) / 64.0;
    StringBuilder md = new StringBuilder();
    md.append("# Gas report (one run on anvil)\n\n")
        .append("Command: `mvn -B -pl contracts -am -Pgas-report verify` (test `GasReportTest`).\n")
        .append("Federation 13-of-19 (the contract cost does not depend on t or n). Every figure\n")
        .append(
            "is the `gasUsed` of one transaction receipt, 21,000 base cost and calldata included.\n\n")
        .append("| operation | gas |\n|---|---:|\n");
    rows.forEach(
        (k, g) ->
            md.append("| ").append(k).append(" | ").append(String.format("%,d", g)).append(" |\n"));
    md.append("\n## claimMany per withdrawal\n\n| claimMany | gas per withdrawal |\n|---|---:|\n");
    rows.forEach(
        (k, g) -> {
          if (k.startsWith("claimMany")) {
            int n = Integer.parseInt(k.split(" ")[1]);
            md.append("| ")
                .append(k)
                .append(" | ")
                .append(String.format("%,d", g / n))
                .append(" |\n");
          }
        });
    md.append("\n## Cost per withdrawal against the ECDSA reference\n\n")
        .append("Ours = (postWithdrawalRoot + claimMany of the whole batch) / batch size\n")
        .append("(batch 1: post + claim). Reference = one transaction per withdrawal with 13\n")
        .append("ECDSA signatures of a 19-member guardian set (Wormhole scheme) + payout.\n\n")
        .append(
            "| batch | ours per withdrawal | reference per withdrawal | ratio |\n|---:|---:|---:|---:|\n");
    for (double[] r : new double[][] {{1, per1}, {16, per16}, {64, per64}}) {
      md.append(
          String.format(
              "| %d | %,.0f | %,d | %.3f |%n", (int) r[0], r[1], refClaim, r[1] / refClaim));
    }
    System.out.println(md);
    Files.writeString(
        Path.of(System.getProperty("fedbridge.gasReportFile", "target/GAS.md")),
        md.toString(),
        StandardCharsets.UTF_8);
    // The budgets of the L1 cost targets (docs/performance.md); a regression fails the build.
    // Issue 9 raised three of them, each explained figure by figure in docs/performance.md:
    // posting 185k -> 190k (one root per sidechain block), single claims 70k -> 75k (the exact
    // outflow window's second storage word, the challenge period, the capped payout).
    assertThat(rows.get("depositETH")).isLessThanOrEqualTo(45_000);
    assertThat(rows.get("ERC-20 deposit")).isLessThanOrEqualTo(80_000);
    assertThat(post1).isLessThanOrEqualTo(190_000);
    assertThat(post64).isLessThanOrEqualTo(190_000);
    assertThat(claim1).isLessThanOrEqualTo(75_000);
    assertThat(rows.get("claim, ETH, depth 6")).isLessThanOrEqualTo(75_000);
    assertThat(rows.get("claim, ERC-20, depth 6, existing holder")).isLessThanOrEqualTo(75_000);
    assertThat(rows.get("claimMany 64 ETH, existing recipients") / 64).isLessThanOrEqualTo(35_000);
    // a recipient that burns its gas costs the batch its payout cap plus recording the debt (two
    // storage words that may be fresh: its owed balance and the token's owed total), no more
    assertThat(
            rows.get("claimMany 64 ETH, one recipient burns its gas (owed)")
                - rows.get("claimMany 64 ETH, existing recipients"))
        .isLessThanOrEqualTo(v.vault.ETH_PAYOUT_GAS().send().longValueExact() + 50_000);
    assertThat(per64 / refClaim).isLessThanOrEqualTo(0.3);
  }

  private AnvilVault.Batch ethBatch(
      AnvilVault v, List<String> recipients, int n, BigInteger amount) {
    List<Withdrawal> ws = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ws.add(v.withdrawal(AnvilVault.ETH, recipients.get(i % recipients.size()), amount));
    }
    return v.batch(ws);
  }

  private long record(String name, TransactionReceipt receipt) {
    assertThat(receipt.isStatusOK()).as(name).isTrue();
    long gas = receipt.getGasUsed().longValueExact();
    rows.put(name, gas);
    return gas;
  }

  static byte[] keccak(byte[] b) {
    return Hash.sha3(b);
  }
}
