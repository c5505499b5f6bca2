package org.fedbridge.validator.federation;

import java.util.List;
import org.fedbridge.core.bls.PublicKey;
import org.fedbridge.core.threshold.Member;
import org.fedbridge.core.types.Bytes32;

/**
 * What the chains say about their federation (adapters: web3j for L1, JSON-RPC for the sidechain).
 */
interface ChainEpochs {
  /** The vault's {@code currentEpoch()} and its {@code epochInfo}. */
  interface L1 {
    L1Epoch current() throws Exception;
  }

  /** The sidechain's {@code bridge_epoch}. */
  interface Sidechain {
    SidechainEpoch current() throws Exception;
  }

  record L1Epoch(
      long epoch, PublicKey groupKey, int threshold, int memberCount, Bytes32 membersHash) {}

  record SidechainEpoch(
      long epoch, PublicKey groupKey, int threshold, Bytes32 membersHash, List<Member> members) {}
}
