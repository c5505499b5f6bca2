// Compiles the Solidity sources with solc-js (npm, pinned) through the standard-JSON interface,
// with the same settings as foundry.toml (optimizer 500 runs, EVM prague), and writes
// <Contract>.bin / <Contract>.abi for web3j codegen. Fails on any compiler error and on a
// contract whose runtime code exceeds EIP-170's 24,576 bytes (solc only warns: such a contract
// would not deploy on mainnet).
// Usage: node contracts/tools/compile.mjs <outDir> <file.sol>:<Contract> ...
// (paths relative to contracts/). Fails on any compiler error.
import solc from 'solc';
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { dirname, join, resolve, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const contractsDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const nodeModules = resolve(contractsDir, '..', 'node_modules');
const [outDir, ...targets] = process.argv.slice(2);
if (!outDir || targets.length === 0) {
  console.error('usage: compile.mjs <outDir> <file.sol>:<Contract> ...');
  process.exit(2);
}
const wanted = targets.map((t) => { const [file, name] = t.split(':'); return { file, name }; });
const sources = {};
for (const { file } of wanted) sources[file] = { content: readFileSync(join(contractsDir, file), 'utf8') };

function findImports(path) {
  const candidates = [join(contractsDir, path), join(nodeModules, path)];
  for (const c of candidates) {
    if (existsSync(c)) return { contents: readFileSync(c, 'utf8') };
  }
  return { error: `not found: ${path}` };
}

const input = {
  language: 'Solidity',
  sources,
  settings: {
    optimizer: { enabled: true, runs: 500 },
    evmVersion: 'prague',
    outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object', 'evm.deployedBytecode.object'] } },
  },
};
const output = JSON.parse(solc.compile(JSON.stringify(input), { import: findImports }));
const errors = (output.errors || []).filter((e) => e.severity === 'error');
for (const e of output.errors || []) console.error(e.formattedMessage);
if (errors.length) process.exit(1);
mkdirSync(outDir, { recursive: true });
for (const { file, name } of wanted) {
  const c = output.contracts?.[file]?.[name];
  if (!c) { console.error(`no contract ${name} in ${file}`); process.exit(1); }
  const runtime = c.evm.deployedBytecode.object.length / 2;
  if (runtime > 24576) { console.error(`${name}: runtime code ${runtime} bytes exceeds EIP-170's 24,576`); process.exit(1); }
  writeFileSync(join(outDir, `${name}.bin`), c.evm.bytecode.object);
  writeFileSync(join(outDir, `${name}.abi`), JSON.stringify(c.abi));
  console.log(`compiled ${file}:${name} (${c.evm.bytecode.object.length / 2} bytes, runtime ${runtime})`);
}
