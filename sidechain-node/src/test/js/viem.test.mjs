// viem against the sidechain: sends, receipts, block and event subscriptions over WebSocket,
// logs, and an ERC-20 read at a past block (the history window).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  createPublicClient, createWalletClient, defineChain, http, webSocket, parseEther, getAddress,
} from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { RPC_URL, WS_URL, CHAIN_ID, TOKEN, VIEM_KEY, ERC20_ABI, untilDelivered } from './env.mjs';

const chain = defineChain({
  id: CHAIN_ID,
  name: 'fedbridge sidechain',
  nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
  rpcUrls: { default: { http: [RPC_URL], webSocket: [WS_URL] } },
});
const account = privateKeyToAccount(VIEM_KEY);
const publicClient = createPublicClient({ chain, transport: http(RPC_URL) });
const wsClient = createPublicClient({ chain, transport: webSocket(WS_URL) });
const wallet = createWalletClient({ account, chain, transport: http(RPC_URL) });
const recipient = getAddress('0x00000000000000000000000000000000000000c1');

after(async () => {
  await (await wsClient.transport.getRpcClient()).close();
});

test('sendTransaction and waitForTransactionReceipt move ether', async () => {
  const before = await publicClient.getBalance({ address: recipient });
  const hash = await wallet.sendTransaction({ to: recipient, value: parseEther('0.25') });
  const receipt = await publicClient.waitForTransactionReceipt({ hash, pollingInterval: 50 });
  assert.equal(receipt.status, 'success');
  assert.equal(receipt.from.toLowerCase(), account.address.toLowerCase());
  assert.equal(await publicClient.getBalance({ address: recipient }), before + parseEther('0.25'));
});

test('watchBlocks over WebSocket sees the blocks of new transactions', async () => {
  let unwatch;
  const seen = new Promise((resolve, reject) => {
    unwatch = wsClient.watchBlocks({ onBlock: (block) => resolve(block), onError: reject });
  });
  let last;
  const block = await untilDelivered(seen, async () => {
    const hash = await wallet.sendTransaction({ to: recipient, value: 1n });
    last = await publicClient.waitForTransactionReceipt({ hash, pollingInterval: 50 });
  }, 'a block from watchBlocks');
  unwatch();
  assert.ok(block.number >= 1n);
  assert.ok(block.number <= last.blockNumber);
  assert.match(block.hash, /^0x[0-9a-f]{64}$/);
  assert.equal((await publicClient.getBlock({ blockNumber: block.number })).hash, block.hash);
});

test('watchContractEvent over WebSocket delivers an ERC-20 Transfer to a watched recipient', async () => {
  const to = getAddress('0x00000000000000000000000000000000000000c2');
  let unwatch;
  const delivered = new Promise((resolve, reject) => {
    unwatch = wsClient.watchContractEvent({
      address: TOKEN, abi: ERC20_ABI, eventName: 'Transfer', args: { to },
      onLogs: (logs) => resolve(logs), onError: reject,
    });
  });
  const sent = [];
  const logs = await untilDelivered(delivered, async () => {
    const hash = await wallet.writeContract({ address: TOKEN, abi: ERC20_ABI, functionName: 'transfer', args: [to, 1234n] });
    sent.push(hash);
    await publicClient.waitForTransactionReceipt({ hash, pollingInterval: 50 });
  }, 'a Transfer event');
  unwatch();
  assert.ok(sent.includes(logs[0].transactionHash));
  assert.equal(logs[0].args.to, to);
  assert.equal(logs[0].args.value, 1234n);
  assert.equal(logs[0].args.from.toLowerCase(), account.address.toLowerCase());
});

test('getLogs finds Transfer events by range and indexed argument', async () => {
  const to = getAddress('0x00000000000000000000000000000000000000c3');
  const hash = await wallet.writeContract({ address: TOKEN, abi: ERC20_ABI, functionName: 'transfer', args: [to, 7n] });
  const receipt = await publicClient.waitForTransactionReceipt({ hash, pollingInterval: 50 });
  const logs = await publicClient.getLogs({
    address: TOKEN,
    event: ERC20_ABI.find((x) => x.name === 'Transfer'),
    args: { to },
    fromBlock: 0n,
    toBlock: receipt.blockNumber,
  });
  const mine = logs.filter((l) => l.transactionHash === hash);
  assert.equal(mine.length, 1);
  assert.equal(mine[0].args.value, 7n);
  assert.ok(logs.every((l) => l.args.to === to && l.blockNumber <= receipt.blockNumber));
});

test('readContract of the ERC-20 at a past block answers as it did then', async () => {
  const to = getAddress('0x00000000000000000000000000000000000000c4');
  const start = await publicClient.readContract({ address: TOKEN, abi: ERC20_ABI, functionName: 'balanceOf', args: [to] });
  const first = await wallet.writeContract({ address: TOKEN, abi: ERC20_ABI, functionName: 'transfer', args: [to, 100n] });
  const then = (await publicClient.waitForTransactionReceipt({ hash: first, pollingInterval: 50 })).blockNumber;
  const second = await wallet.writeContract({ address: TOKEN, abi: ERC20_ABI, functionName: 'transfer', args: [to, 50n] });
  const now = (await publicClient.waitForTransactionReceipt({ hash: second, pollingInterval: 50 })).blockNumber;
  assert.ok(now > then);
  const balanceThen = await publicClient.readContract({ address: TOKEN, abi: ERC20_ABI, functionName: 'balanceOf', args: [to], blockNumber: then });
  const balanceNow = await publicClient.readContract({ address: TOKEN, abi: ERC20_ABI, functionName: 'balanceOf', args: [to] });
  assert.equal(balanceThen, start + 100n);
  assert.equal(balanceNow, start + 150n);
  assert.ok(await publicClient.getTransactionCount({ address: account.address, blockNumber: then })
    < await publicClient.getTransactionCount({ address: account.address }));
});
