// Independent check of bridge-core's BLS (min-sig) with @noble/curves.
// Reads one JSON request on stdin, writes one JSON answer on stdout.
// Request: { dst, verify: [{pk, digest, sig}], sign: [{sk, digest}] }, hex with 0x; pk is
// compressed G2 (96 bytes), sig compressed G1 (48 bytes).
// Answer: { verified: [bool], signed: [{pk, sig, sigEip2537Uncompressed}] }.
import { bls12_381 } from '@noble/curves/bls12-381.js';

const bls = bls12_381.shortSignatures;
const G1 = bls12_381.G1.Point;
const G2 = bls12_381.G2.Point;
const unhex = (h) => Uint8Array.from(Buffer.from(h.replace(/^0x/, ''), 'hex'));
const hex = (b) => '0x' + Buffer.from(b).toString('hex');

let input = '';
for await (const chunk of process.stdin) input += chunk;
const req = JSON.parse(input);
const dst = new TextEncoder().encode(req.dst);

const verified = req.verify.map(({ pk, digest, sig }) => {
  try {
    const h = bls.hash(unhex(digest), dst);
    return bls.verify(G1.fromBytes(unhex(sig)), h, G2.fromBytes(unhex(pk)));
  } catch (e) {
    return false;
  }
});
const signed = req.sign.map(({ sk, digest }) => {
  const h = bls.hash(unhex(digest), dst);
  const s = bls.sign(h, unhex(sk));
  return {
    pk: hex(bls.getPublicKey(unhex(sk)).toBytes(true)),
    sig: hex(s.toBytes(true)),
    sigUncompressed: hex(s.toBytes(false)),
  };
});
process.stdout.write(JSON.stringify({ verified, signed }));
