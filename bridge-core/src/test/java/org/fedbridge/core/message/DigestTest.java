package org.fedbridge.core.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.fedbridge.core.golden.GoldenVectors;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.Hex;
import org.fedbridge.core.types.UInt256;
import org.junit.jupiter.api.Test;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Hash;

/**
 * Digests and leaves checked against an independent encoder: web3j's ABI encoder and Keccak
 * (org.web3j:abi / crypto), so a mistake in our word layout cannot hide behind the golden files.
 */
class DigestTest {
  static final Domain D = GoldenVectors.DOMAIN;

  static List<Type> domainWords(MessageType t) {
    List<Type> w = new ArrayList<>();
    w.add(new org.web3j.abi.datatypes.generated.Bytes32(t.typeHash().bytes()));
    w.add(new Uint256(D.l1ChainId().value()));
    w.add(new org.web3j.abi.datatypes.Address(D.vault().toHex()));
    w.add(new Uint256(D.sidechainId().value()));
    w.add(new Uint256(D.epoch().value()));
    return w;
  }

  static String web3jDigest(List<Type> words) {
    return Hash.sha3("0x" + FunctionEncoder.encodeConstructor(words));
  }

  static Type b32(Bytes32 b) {
    return new org.web3j.abi.datatypes.generated.Bytes32(b.bytes());
  }

  @Test
  void typeHashIsKeccakOfAsciiName() {
    assertThat(MessageType.DEPOSIT_BATCH.typeHash().toHex())
        .isEqualTo(Hash.sha3String("fedbridge.DepositBatch.v1"));
    for (MessageType t : MessageType.values()) {
      assertThat(t.typeHash().toHex()).isEqualTo(Hash.sha3String(t.label()));
    }
  }

  @Test
  void depositBatchDigestMatchesWeb3jAbiEncode() {
    DepositBatch b = DepositBatch.of(UInt256.of(99), GoldenVectors.deposits(3));
    List<Type> w = domainWords(MessageType.DEPOSIT_BATCH);
    w.add(new Uint256(99));
    w.add(b32(b.depositRoot()));
    w.add(new Uint256(3));
    assertThat(b.digest(D).toHex()).isEqualTo(web3jDigest(w));
  }

  @Test
  void withdrawalBatchDigestMatchesWeb3jAbiEncode() {
    WithdrawalBatch b = WithdrawalBatch.of(UInt256.of(5), GoldenVectors.withdrawals(2));
    List<Type> w = domainWords(MessageType.WITHDRAWAL_BATCH);
    w.add(new Uint256(5));
    w.add(b32(b.withdrawalRoot()));
    w.add(new Uint256(2));
    assertThat(b.digest(D).toHex()).isEqualTo(web3jDigest(w));
  }

  @Test
  void governanceDigestsMatchWeb3jAbiEncode() {
    Address token = Address.fromHex("0x00000000000000000000000000000000000000aa");
    TokenConfig tc =
        new TokenConfig(
            UInt256.of(1),
            token,
            true,
            UInt256.of(10),
            UInt256.of(20),
            UInt256.of(30),
            UInt256.of(40));
    List<Type> w = domainWords(MessageType.TOKEN_CONFIG);
    w.add(new Uint256(1));
    w.add(new org.web3j.abi.datatypes.Address(token.toHex()));
    w.add(new Bool(true));
    for (long v : new long[] {10, 20, 30, 40}) {
      w.add(new Uint256(v));
    }
    assertThat(tc.digest(D).toHex()).isEqualTo(web3jDigest(w));

    PauserUpdate pu = new PauserUpdate(UInt256.of(2), token, true);
    w = domainWords(MessageType.PAUSER_UPDATE);
    w.add(new Uint256(2));
    w.add(new org.web3j.abi.datatypes.Address(token.toHex()));
    w.add(new Bool(true));
    assertThat(pu.digest(D).toHex()).isEqualTo(web3jDigest(w));

    Unpause up = new Unpause(UInt256.of(3), UInt256.of(9));
    w = domainWords(MessageType.UNPAUSE);
    w.add(new Uint256(3));
    w.add(new Uint256(9));
    assertThat(up.digest(D).toHex()).isEqualTo(web3jDigest(w));

    RootRevocation rr = new RootRevocation(Bytes32.fromHex("0x" + "ab".repeat(32)));
    w = domainWords(MessageType.ROOT_REVOCATION);
    w.add(b32(rr.root()));
    assertThat(rr.digest(D).toHex()).isEqualTo(web3jDigest(w));
  }

  @Test
  void epochChangeDigestMatchesWeb3jAbiEncode() {
    var members = GoldenVectors.goldenMembers();
    var groupKey = members.member(1).sharePk();
    EpochChange ec = new EpochChange(UInt256.of(8), groupKey, members);
    List<Type> mw = new ArrayList<>();
    for (var m : members.members()) {
      mw.add(new Uint256(m.index()));
      mw.add(
          new org.web3j.abi.datatypes.generated.Bytes32(
              Hex.decode(Hash.sha3String(m.operatorId()))));
      mw.add(new org.web3j.abi.datatypes.generated.Bytes32(Hash.sha3(m.sharePk().toEip2537())));
    }
    String membersHash = web3jDigest(mw);
    assertThat(members.membersHash().toHex()).isEqualTo(membersHash);
    List<Type> w = domainWords(MessageType.EPOCH_CHANGE);
    w.add(new Uint256(8));
    w.add(new org.web3j.abi.datatypes.generated.Bytes32(Hash.sha3(groupKey.toEip2537())));
    w.add(new Uint256(3));
    w.add(new Uint256(4));
    w.add(new org.web3j.abi.datatypes.generated.Bytes32(Hex.decode(membersHash)));
    assertThat(ec.digest(D).toHex()).isEqualTo(web3jDigest(w));
  }

  @Test
  void epochChangeOnlyToNextEpoch() {
    var members = GoldenVectors.goldenMembers();
    EpochChange skip = new EpochChange(UInt256.of(9), members.member(1).sharePk(), members);
    assertThatThrownBy(() -> skip.digest(D)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void leavesMatchWeb3jWithTheirPrefixes() {
    Deposit d = GoldenVectors.deposits(5).get(4);
    String body =
        FunctionEncoder.encodeConstructor(
            List.of(
                new Uint256(d.nonce().value()),
                new org.web3j.abi.datatypes.Address(d.token().toHex()),
                new org.web3j.abi.datatypes.Address(d.sender().toHex()),
                new org.web3j.abi.datatypes.Address(d.recipient().toHex()),
                new Uint256(d.amount().value())));
    assertThat(d.leaf().toHex()).isEqualTo(Hash.sha3("0x00" + body));
    Withdrawal wd = GoldenVectors.withdrawals(1).get(0);
    String wbody =
        FunctionEncoder.encodeConstructor(
            List.of(
                new Uint256(wd.nonce().value()),
                new org.web3j.abi.datatypes.Address(wd.l1Token().toHex()),
                new org.web3j.abi.datatypes.Address(wd.sender().toHex()),
                new org.web3j.abi.datatypes.Address(wd.l1Recipient().toHex()),
                new Uint256(wd.amount().value())));
    assertThat(wd.leaf().toHex()).isEqualTo(Hash.sha3("0x02" + wbody));
  }

  @Test
  void everyDomainWordChangesTheDigest() {
    Unpause u = new Unpause(UInt256.ONE, UInt256.ONE);
    Bytes32 base = u.digest(D);
    assertThat(u.digest(new Domain(UInt256.of(1), D.vault(), D.sidechainId(), D.epoch())))
        .isNotEqualTo(base);
    assertThat(u.digest(new Domain(D.l1ChainId(), Address.ZERO, D.sidechainId(), D.epoch())))
        .isNotEqualTo(base);
    assertThat(u.digest(new Domain(D.l1ChainId(), D.vault(), UInt256.ZERO, D.epoch())))
        .isNotEqualTo(base);
    assertThat(u.digest(new Domain(D.l1ChainId(), D.vault(), D.sidechainId(), UInt256.ZERO)))
        .isNotEqualTo(base);
  }

  @Test
  void uint256RejectsNegativeAndOverflow() {
    assertThatThrownBy(() -> new UInt256(BigInteger.ONE.negate()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new UInt256(BigInteger.ONE.shiftLeft(256)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new UInt256(UInt256.MAX_VALUE).increment())
        .isInstanceOf(ArithmeticException.class);
    assertThat(new UInt256(UInt256.MAX_VALUE).toWord()).containsOnly((byte) 0xff);
  }

  @Test
  void emptyBatchRefused() {
    assertThatThrownBy(() -> new DepositBatch(UInt256.ONE, Bytes32.ZERO, UInt256.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
