// Independent reference fixtures for the forge tests, computed with @noble/curves and
// @noble/hashes (not with our Solidity or Java): RFC 9380 hash-to-G1 vectors, min-sig BLS
// signatures under the fedbridge DST, a 3-of-4 Shamir group with partial signatures, and the
// docs/encoding.md digests, leaves and Merkle roots/proofs for a fixed domain.
// Run from the repository root: node contracts/tools/gen-fixtures.mjs
// Output: contracts/test/fixtures/*.json (committed test data; deterministic).
import { bls12_381 as bls } from '@noble/curves/bls12-381.js';
import { keccak_256 } from '@noble/hashes/sha3.js';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'test', 'fixtures');
const DST = 'FEDBRIDGE-V1-BLS_SIG_BLS12381G1_XMD:SHA-256_SSWU_RO_NUL_';
const QUUX = 'QUUX-V01-CS02-with-BLS12381G1_XMD:SHA-256_SSWU_RO_';
const sigs = bls.shortSignatures;
const Fr = bls.fields.Fr;

const hex = (u8) => '0x' + Buffer.from(u8).toString('hex');
const fp = (x) => '0'.repeat(32) + x.toString(16).padStart(96, '0');
const g1 = (P) => { const a = P.toAffine(); return '0x' + fp(a.x) + fp(a.y); };
const g2 = (P) => { const a = P.toAffine(); return '0x' + fp(a.x.c0) + fp(a.x.c1) + fp(a.y.c0) + fp(a.y.c1); };
const word = (v) => BigInt(v).toString(16).padStart(64, '0');
const addr = (a) => a.toLowerCase().replace(/^0x/, '').padStart(64, '0');
const b32 = (h) => h.replace(/^0x/, '').padStart(64, '0');
const enc = (...words) => Buffer.from(words.join(''), 'hex');
const keccak = (buf) => '0x' + Buffer.from(keccak_256(buf)).toString('hex');
const typeHash = (name) => keccak(Buffer.from(name, 'ascii'));
const skBytes = (k) => Buffer.from(k.toString(16).padStart(64, '0'), 'hex');

// ---------------------------------------------------------------- RFC 9380 J.9.1
const te = new TextEncoder();
const rfcMsgs = ['', 'abc', 'abcdef0123456789', 'q128_' + 'q'.repeat(128)];
const rfc = {
  dst: hex(te.encode(QUUX)),
  vectors: rfcMsgs.map((m) => ({ msg: hex(te.encode(m)), point: g1(sigs.hash(te.encode(m), QUUX)) })),
};
// Pin the first vector to the RFC text itself (P.x/P.y for msg "").
const rfcEmpty = '0x' + fp(0x052926add2207b76ca4fa57a8734416c8dc95e24501772c814278700eed6d1e4e8cf62d9c09db0fac349612b759e79a1n)
  + fp(0x08ba738453bfed09cb546dbb0783dbb3a5f1f566ed67bb6be0e8c67e2e81a4cc68ee29813bb7994998f3eae0c9c6a265n);
if (rfc.vectors[0].point !== rfcEmpty) throw new Error('noble disagrees with RFC 9380 J.9.1');
writeFileSync(join(out, 'rfc9380_g1.json'), JSON.stringify(rfc, null, 2) + '\n');

// ---------------------------------------------------------------- BLS signatures (fedbridge DST)
const sk = 0x2a1f0b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8n % Fr.ORDER;
const pk = sigs.getPublicKey(skBytes(sk));
const digests = [
  '0x' + '00'.repeat(32),
  keccak(Buffer.from('fedbridge fixture 1')),
  keccak(Buffer.from('fedbridge fixture 2')),
];
const signed = digests.map((d) => {
  const H = sigs.hash(Buffer.from(d.slice(2), 'hex'), DST);
  return { digest: d, hash: g1(H), signature: g1(sigs.sign(H, skBytes(sk))) };
});
// 3-of-4 Shamir group: f(x) = a0 + a1 x + a2 x^2, group key = f(0)·G2, share i = f(i).
const coeffs = [0x11n, 0x2222n, 0x333333n].map((c) => Fr.create(c * 0x1234567890abcdefn));
const f = (x) => coeffs.reduce((acc, c, k) => Fr.add(acc, Fr.mul(c, Fr.pow(BigInt(x), BigInt(k)))), 0n);
const H0 = sigs.hash(Buffer.from(digests[1].slice(2), 'hex'), DST);
const shares = [1, 2, 3, 4].map((i) => ({
  index: i,
  publicKey: g2(sigs.getPublicKey(skBytes(f(i)))),
  partial: g1(sigs.sign(H0, skBytes(f(i)))),
}));
const blsFx = {
  dst: hex(te.encode(DST)),
  secretKey: '0x' + word(sk),
  publicKey: g2(pk),
  signed,
  threshold: {
    t: 3, n: 4, digest: digests[1],
    groupKey: g2(sigs.getPublicKey(skBytes(f(0)))),
    groupSignature: g1(sigs.sign(H0, skBytes(f(0)))),
    shares,
  },
};
// Points on the curves but outside the prime-order subgroups (must be refused).
const Fp = bls.fields.Fp, Fp2 = bls.fields.Fp2;
const offSubgroup = (curve, F, b, make) => {
  for (let i = 1n; ; i++) {
    const x = make(i);
    const rhs = F.add(F.mul(F.sqr(x), x), b);
    let y; try { y = F.sqrt(rhs); } catch { continue; }
    if (y === undefined) continue;
    const P = curve.Point.fromAffine({ x, y });
    if (!P.isTorsionFree()) return P;
  }
};
blsFx.offSubgroupG1 = g1(offSubgroup(bls.G1, Fp, 4n, (i) => i));
blsFx.offSubgroupG2 = g2(offSubgroup(bls.G2, Fp2, Fp2.fromBigTuple([4n, 4n]), (i) => Fp2.fromBigTuple([i, 1n])));
writeFileSync(join(out, 'bls.json'), JSON.stringify(blsFx, null, 2) + '\n');

// ---------------------------------------------------------------- encoding (docs/encoding.md)
const dom = { l1ChainId: 31337, vault: '0x5fbdb2315678afecb367f032d93f642f64180aa3', sidechainId: 777, epoch: 3 };
const domainWords = (name) => [b32(typeHash(name)), word(dom.l1ChainId), addr(dom.vault), word(dom.sidechainId), word(dom.epoch)];
// withdrawal leaves use the prefix 0x02 (deposits 0x00, inner nodes 0x01)
const leafOf = (w) => keccak(Buffer.concat([Buffer.from([2]), enc(word(w.nonce), addr(w.token), addr(w.sender), addr(w.recipient), word(w.amount))]));
const depositLeafOf = (w) => keccak(Buffer.concat([Buffer.from([0]), enc(word(w.nonce), addr(w.token), addr(w.sender), addr(w.recipient), word(w.amount))]));
const inner = (l, r) => keccak(Buffer.concat([Buffer.from([1]), Buffer.from(b32(l), 'hex'), Buffer.from(b32(r), 'hex')]));
const depth = (n) => { let d = 0; while ((1 << d) < n) d++; return d; };
const tree = (leaves) => {
  const d = depth(leaves.length);
  let level = [...leaves];
  while (level.length < (1 << d)) level.push('0x' + '00'.repeat(32));
  const levels = [level];
  while (level.length > 1) { const nx = []; for (let i = 0; i < level.length; i += 2) nx.push(inner(level[i], level[i + 1])); level = nx; levels.push(level); }
  const proof = (i) => levels.slice(0, -1).map((lv, k) => lv[(i >> k) ^ 1]);
  return { root: level[0], proof };
};
const withdrawals = Array.from({ length: 5 }, (_, i) => ({
  nonce: 1000 + i,
  token: i % 2 ? '0x000000000000000000000000000000000000beef' : '0x0000000000000000000000000000000000000000',
  sender: '0x' + (0xa11ce0 + i).toString(16).padStart(40, '0'),
  recipient: '0x' + (0xb0b000 + i).toString(16).padStart(40, '0'),
  amount: (10n ** 18n * BigInt(i + 1)).toString(),
}));
const trees = [1, 2, 3, 5].map((n) => {
  const leaves = withdrawals.slice(0, n).map(leafOf);
  const t = tree(leaves);
  return { count: n, leaves, root: t.root, proofs: leaves.map((_, i) => t.proof(i)) };
});
const groupKey = g2(pk);
const encFx = {
  domain: dom,
  typeHashes: Object.fromEntries([['DepositBatch', 1], ['WithdrawalBatch', 1], ['EpochChange', 1], ['TokenConfig', 1], ['PauserUpdate', 1], ['Unpause', 2], ['RootRevocation', 1]]
    .map(([n, v]) => [n, typeHash(`fedbridge.${n}.v${v}`)])),
  withdrawals,
  withdrawalLeaves: withdrawals.map(leafOf),
  // the same five words as deposit leaves: must differ from withdrawalLeaves
  depositLeaves: withdrawals.map(depositLeafOf),
  trees,
  digests: {
    depositBatch: keccak(enc(...domainWords('fedbridge.DepositBatch.v1'), word(19000001), b32(trees[2].root), word(3))),
    withdrawalBatch: keccak(enc(...domainWords('fedbridge.WithdrawalBatch.v1'), word(4242), b32(trees[3].root), word(5))),
    epochChange: keccak(enc(...domainWords('fedbridge.EpochChange.v1'), word(4), b32(keccak(Buffer.from(groupKey.slice(2), 'hex'))), word(13), word(19), b32(keccak(Buffer.from('members'))))),
    tokenConfig: keccak(enc(...domainWords('fedbridge.TokenConfig.v1'), word(7), addr('0x000000000000000000000000000000000000beef'), word(1), word(10n ** 24n), word(86400), word(10n ** 21n), word(3600))),
    pauserUpdate: keccak(enc(...domainWords('fedbridge.PauserUpdate.v1'), word(8), addr('0x00000000000000000000000000000000000a0a0a'), word(1))),
    unpause: keccak(enc(...domainWords('fedbridge.Unpause.v2'), word(9), word(4))),
    rootRevocation: keccak(enc(...domainWords('fedbridge.RootRevocation.v1'), b32(trees[3].root))),
  },
  inputs: {
    depositBatch: { batchId: 19000001, root: trees[2].root, count: 3 },
    withdrawalBatch: { batchId: 4242, root: trees[3].root, count: 5 },
    epochChange: { newEpoch: 4, groupKey, threshold: 13, memberCount: 19, membersHash: keccak(Buffer.from('members')) },
    tokenConfig: { governanceNonce: 7, token: '0x000000000000000000000000000000000000beef', registered: true, periodLimit: (10n ** 24n).toString(), periodSeconds: 86400, delayThreshold: (10n ** 21n).toString(), delaySeconds: 3600 },
    pauserUpdate: { governanceNonce: 8, pauser: '0x00000000000000000000000000000000000a0a0a', enabled: true },
    unpause: { governanceNonce: 9, pauseCount: 4 },
    rootRevocation: { root: trees[3].root },
  },
};
writeFileSync(join(out, 'encoding.json'), JSON.stringify(encFx, null, 2) + '\n');
console.log('fixtures written to', out);
