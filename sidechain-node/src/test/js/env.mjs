// What JavaScriptClientsTest hands over: where the node listens and what it set up.
function need(name) {
  const v = process.env[name];
  if (!v) throw new Error(`missing environment variable ${name} (run through JavaScriptClientsTest)`);
  return v;
}

export const RPC_URL = need('RPC_URL');
export const WS_URL = need('WS_URL');
export const CHAIN_ID = Number(need('CHAIN_ID'));
export const TOKEN = need('TOKEN'); // the bridged ERC-20 at its sidechain address
export const BRIDGE = need('BRIDGE'); // the bridge system address (withdrawals)
export const L1_TOKEN = need('L1_TOKEN');
export const VIEM_KEY = need('VIEM_KEY'); // funded with ETH and tokens
export const ETHERS_KEY = need('ETHERS_KEY');

export const ERC20_ABI = [
  { type: 'function', name: 'balanceOf', stateMutability: 'view', inputs: [{ name: 'owner', type: 'address' }], outputs: [{ type: 'uint256' }] },
  { type: 'function', name: 'transfer', stateMutability: 'nonpayable', inputs: [{ name: 'to', type: 'address' }, { name: 'amount', type: 'uint256' }], outputs: [{ type: 'bool' }] },
  { type: 'function', name: 'decimals', stateMutability: 'view', inputs: [], outputs: [{ type: 'uint8' }] },
  { type: 'function', name: 'symbol', stateMutability: 'view', inputs: [], outputs: [{ type: 'string' }] },
  { type: 'event', name: 'Transfer', inputs: [
    { name: 'from', type: 'address', indexed: true },
    { name: 'to', type: 'address', indexed: true },
    { name: 'value', type: 'uint256', indexed: false },
  ] },
];

/** Waits for a condition without sleeping blindly: resolves the first value the promise gives, or fails. */
export function within(ms, promise, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Subscriptions start asynchronously in these libraries: repeats {@code action} (which makes
 * something happen on chain and waits for it) until {@code delivered} resolves, instead of
 * guessing how long a subscription takes to start.
 */
export async function untilDelivered(delivered, action, what, tries = 10) {
  let done = false;
  let value;
  delivered.then((v) => { done = true; value = v; });
  for (let i = 0; i < tries && !done; i++) {
    await action(i);
    await within(3000, delivered, what).catch(() => undefined);
  }
  if (!done) throw new Error(`never delivered: ${what}`);
  return value;
}
