// ethers v6 against the sidechain: JsonRpcProvider and WebSocketProvider, an ERC-20 Contract
// (transfer, event queries, live events), fee data, and a burn through the bridge address.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { ethers } from 'ethers';
import { RPC_URL, WS_URL, CHAIN_ID, TOKEN, BRIDGE, L1_TOKEN, ETHERS_KEY, ERC20_ABI, untilDelivered } from './env.mjs';

const network = new ethers.Network('fedbridge-sidechain', CHAIN_ID);
// Blocks come every ~200 ms here: ethers' 250 ms cache of identical requests would hand a second
// transaction the nonce of the first, so it is turned off.
const provider = new ethers.JsonRpcProvider(RPC_URL, network, { staticNetwork: network, pollingInterval: 100, cacheTimeout: -1 });
const wsProvider = new ethers.WebSocketProvider(WS_URL, network, { staticNetwork: network });
const wallet = new ethers.Wallet(ETHERS_KEY, provider);
const erc20 = new ethers.Contract(TOKEN, ERC20_ABI, wallet);
const BRIDGE_ABI = [
  'function withdraw(address token, address l1Recipient, uint256 amount) returns (uint256)',
  'function withdrawEth(address l1Recipient) payable returns (uint256)',
  'event WithdrawalRequested(uint256 indexed nonce, address indexed token, address indexed sender, address l1Recipient, uint256 amount)',
];

after(async () => {
  await wsProvider.destroy();
  provider.destroy();
}, { timeout: 10000 });

test('JsonRpcProvider: network, fee data and balances', async () => {
  assert.equal((await provider.getNetwork()).chainId, BigInt(CHAIN_ID));
  const fees = await provider.getFeeData();
  // a zero base fee: ethers then reports no EIP-1559 fees and sends with the gas price
  assert.equal(fees.gasPrice, 0n);
  assert.ok(fees.maxFeePerGas === null || fees.maxFeePerGas === 0n);
  assert.ok((await provider.getBalance(wallet.address)) > ethers.parseEther('1'));
  assert.equal(await erc20.symbol(), 'TKN');
});

test('Contract: an ERC-20 transfer, then its event found by queryFilter', async () => {
  const to = '0x00000000000000000000000000000000000000e1';
  const before = await erc20.balanceOf(to);
  const tx = await erc20.transfer(to, 4321n);
  const receipt = await tx.wait();
  assert.equal(receipt.status, 1);
  assert.equal(await erc20.balanceOf(to), before + 4321n);
  const events = await erc20.queryFilter(erc20.filters.Transfer(null, to), 0, receipt.blockNumber);
  const mine = events.filter((e) => e.transactionHash === tx.hash);
  assert.equal(mine.length, 1);
  assert.equal(mine[0].args.value, 4321n);
  assert.equal(mine[0].args.from, wallet.address);
});

test('WebSocketProvider: new blocks and contract events are pushed', async () => {
  const to = '0x00000000000000000000000000000000000000e2';
  const watched = new ethers.Contract(TOKEN, ERC20_ABI, wsProvider);
  const block = new Promise((resolve) => wsProvider.once('block', resolve));
  // ethers hands a filter's listener only the event payload (its args decoded inside)
  const event = new Promise((resolve) => {
    watched.on(watched.filters.Transfer(null, to), (...received) => resolve(received.at(-1)));
  });
  const sent = [];
  const transfer = async () => {
    const tx = await erc20.transfer(to, 99n);
    sent.push(tx.hash);
    await tx.wait();
  };
  const number = await untilDelivered(block, transfer, 'a block event');
  assert.ok(number >= 1);
  try {
    const got = await untilDelivered(event, transfer, 'a Transfer event');
    assert.equal(got.eventName, 'Transfer');
    assert.equal(got.args.to.toLowerCase(), to);
    assert.equal(got.args.from, wallet.address);
    assert.equal(got.args.value, 99n);
    assert.ok(sent.includes(got.log.transactionHash));
  } finally {
    await watched.removeAllListeners();
  }
});

test('a burn through the bridge address emits WithdrawalRequested', async () => {
  const bridge = new ethers.Contract(BRIDGE, BRIDGE_ABI, wallet);
  const l1Recipient = '0x00000000000000000000000000000000000000e3';
  const supplyBefore = await erc20.balanceOf(wallet.address);
  const tx = await bridge.withdraw(TOKEN, l1Recipient, 1000n, { gasLimit: 200000n });
  const receipt = await tx.wait();
  assert.equal(receipt.status, 1);
  const parsed = receipt.logs
    .filter((l) => l.address.toLowerCase() === BRIDGE.toLowerCase())
    .map((l) => bridge.interface.parseLog(l));
  assert.equal(parsed.length, 1);
  assert.equal(parsed[0].name, 'WithdrawalRequested');
  assert.equal(parsed[0].args.token.toLowerCase(), L1_TOKEN.toLowerCase());
  assert.equal(parsed[0].args.sender, wallet.address);
  assert.equal(parsed[0].args.l1Recipient.toLowerCase(), l1Recipient);
  assert.equal(parsed[0].args.amount, 1000n);
  assert.equal(await erc20.balanceOf(wallet.address), supplyBefore - 1000n);
  const found = await bridge.queryFilter(bridge.filters.WithdrawalRequested(null, null, wallet.address), receipt.blockNumber, receipt.blockNumber);
  assert.equal(found.length, 1);
});
