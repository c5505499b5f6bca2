package org.fedbridge.sidechain.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fedbridge.core.types.Address;
import org.fedbridge.core.types.Bytes32;
import org.fedbridge.core.types.UInt256;
import org.fedbridge.sidechain.genesis.Genesis;
import org.fedbridge.sidechain.genesis.Token;
import org.fedbridge.sidechain.tx.Rlp;

/** Block 0: the genesis state (alloc, epoch 0, tokens, settings) in an empty world. */
final class GenesisBlock {
  private GenesisBlock() {}

  static SealedBlock of(Genesis g) {

    Overlay o = new Overlay(new WorldState(0));
    State st = new State(o);
    for (Map.Entry<String, UInt256> e : g.alloc().entrySet()) {
      st.setAccount(Address.fromHex(e.getKey()), new State.Account(0, e.getValue()));
    }
    st.setEpoch(g.epoch());
    // The withdrawal maxima are part of the state (so of block 0's hash) when configured: replicas
    // that would judge withdrawals differently do not even share a genesis block.
    for (Token t : g.tokens()) {
      st.put(StateKey.token(t.address()), TokenRegistry.encode(t));
    }
    List<byte[]> config = new ArrayList<>();
    config.add(Rlp.uint(g.chainId()));
    config.add(Rlp.uint(g.l1ChainId()));
    config.add(Rlp.string(g.vault().bytes()));
    config.add(Rlp.uint(g.gasPrice()));
    g.ethMaxWithdrawal().ifPresent(m -> config.add(Rlp.uint(m)));
    st.put(StateKey.config(), Rlp.list(config));
    // Absent unless configured, so that genesis files without it keep their block 0 hash.
    g.governanceKey().ifPresent(k -> st.put(StateKey.governanceKey(), k.compressed()));
    Map<StateKey, byte[]> changes = o.changes();
    WorldState scratch = new WorldState(0);
    Bytes32 stateRoot = new Bytes32(scratch.applyToTree(changes));
    BlockHeader header =
        new BlockHeader(
            g.chainId(),
            0,
            Bytes32.ZERO,
            g.timestamp(),
            Bytes32.ZERO,
            Bytes32.ZERO,
            stateRoot,
            Bytes32.ZERO,
            0,
            0,
            Ledger.BLOCK_GAS_LIMIT,
            g.gasPrice(),
            new byte[256],
            0);
    return new SealedBlock(
        new Block(header, header.hash(), List.of(), List.of()), changes, Map.of(), 0);
  }
}
