// `npm run gen-psl [-- --check]`: writes utils/core/psl-data.ts, the public suffix rules the
// extension looks hosts up in (utils/core/psl.ts), from the tldts package installed here, so that
// the rules are those of the PSL version tldts ships and the extension's answers stay tldts's.
//
// Why not import tldts in the extension: its rules are a trie of typed-array literals and one
// 68 KB label string that the bundler inlined at each of its three uses, 262 KB of the worker's
// 383 KB first script, compiled and evaluated on every wake
// (docs/performance-history.md, "Where a wake's time goes"). The rules written here as one nested
// string are 93 KB, and the tree is built on first use.
//
// The generated module is checked in rather than built: tsc, eslint, vitest, WXT and the tsx CLIs
// import it directly, so a fresh clone type-checks and tests with no build step, and a diff shows
// when the PSL moved. `npm run build` regenerates it first; tests/unit/psl.test.ts renders it
// again from the installed tldts and fails when the checked-in file is stale (a tldts update).
import { readFileSync, writeFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';
import * as tldtsTrie from 'tldts/dist/es6/src/data/trie.js';
import { escapeNonAscii } from './lib/ascii';

export const PSL_TS = 'utils/core/psl-data.ts';

/** tldts's flat trie: nodes with flags, edges labelled with slices of one string. */
export interface FlatTrie {
  nodeFlags: ArrayLike<number>;
  edgeStart: ArrayLike<number>;
  edgeLength: ArrayLike<number>;
  edgeChild: ArrayLike<number>;
  labelText: string;
  rulesRoot: number;
  exceptionsRoot: number;
}

/** What a node's flag is written as in front of its label (utils/core/psl.ts reads them). */
const MARKS: Record<number, string> = { 0: '?', 1: '', 2: '+', 3: '&' };
const DELIMITERS = /[?+&(),\n]/;

interface TreeNode {
  flag: number;
  children: Map<string, TreeNode>;
}

/**
 * The rules under `root`, as a tree: tldts shares equal subtrees between parents (its trie is a
 * graph), written out here once per path, which is what a lookup walks.
 */
function expand(trie: FlatTrie, root: number): TreeNode {
  let offset = 0;
  const offsets: number[] = [];
  for (let edge = 0; edge < trie.edgeLength.length; edge += 1) {
    offsets.push(offset);
    offset += trie.edgeLength[edge]!;
  }
  const visit = (node: number, depth: number): TreeNode => {
    if (depth > 127) throw new Error('the public suffix trie is deeper than any rule');
    const children = new Map<string, TreeNode>();
    for (let edge = trie.edgeStart[node]!; edge < trie.edgeStart[node + 1]!; edge += 1) {
      const label = trie.labelText.slice(offsets[edge], offsets[edge]! + trie.edgeLength[edge]!);
      if (label === '' || DELIMITERS.test(label))
        throw new Error(`a public suffix label the format cannot hold: ${JSON.stringify(label)}`);
      const child = trie.edgeChild[edge]!;
      if (!(trie.nodeFlags[child]! in MARKS))
        throw new Error(`unknown public suffix rule flag ${trie.nodeFlags[child]}`);
      children.set(label, { ...visit(child, depth + 1), flag: trie.nodeFlags[child]! });
    }
    return { flag: 0, children };
  };
  return visit(root, 0);
}

/** `label(child,child(...))`, children in code-unit order so the output is stable. */
function write(tree: TreeNode): string {
  return [...tree.children]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(
      ([label, node]) =>
        `${MARKS[node.flag]}${label}${node.children.size > 0 ? `(${write(node)})` : ''}`,
    )
    .join(',');
}

function count(tree: TreeNode): number {
  let n = 0;
  for (const child of tree.children.values()) n += 1 + count(child);
  return n;
}

/** Base-36 digits per entry of the top-level index. */
export const PSL_INDEX_WIDTH = 4;

/**
 * Where each TLD's entry (its mark, label and subtree) starts in the rules' line, in the line's
 * order (the labels' code-unit order), each `PSL_INDEX_WIDTH` base-36 digits: a lookup finds its
 * host's TLD by a binary search over these and reads that subtree alone, not the 1,600 TLDs of
 * the top level (docs/performance-history.md, "Where a wake's time goes", session 13).
 */
function topLevelIndex(rulesLine: string, rules: TreeNode): string {
  const starts: number[] = [];
  let at = 0;
  for (const [label, node] of [...rules.children].sort(([a], [b]) =>
    a < b ? -1 : a > b ? 1 : 0,
  )) {
    const entry = `${MARKS[node.flag]}${label}`;
    if (!rulesLine.startsWith(entry, at)) throw new Error(`the index lost its place at ${label}`);
    starts.push(at);
    at += entry.length;
    if (node.children.size > 0) at += write(node).length + 2;
    at += 1; // the comma, or the line's end
  }
  if (at !== rulesLine.length + 1) throw new Error('the index does not cover the rules line');
  if (rulesLine.length >= 36 ** PSL_INDEX_WIDTH) throw new Error('the rules outgrew the index');
  return starts.map((s) => s.toString(36).padStart(PSL_INDEX_WIDTH, '0')).join('');
}

/**
 * The rules tree and the exceptions tree, one line each, how many nodes they hold, and the index
 * of the rules' top level.
 */
export function renderPslTrees(trie: FlatTrie): { text: string; nodes: number; index: string } {
  const rules = expand(trie, trie.rulesRoot);
  const exceptions = expand(trie, trie.exceptionsRoot);
  const rulesLine = write(rules);
  return {
    text: `${rulesLine}\n${write(exceptions)}`,
    nodes: count(rules) + count(exceptions),
    index: topLevelIndex(rulesLine, rules),
  };
}

/**
 * A string literal of `text` with every character outside ASCII escaped: the worker's first
 * script then holds no other, and Chrome keeps its source as one byte a character instead of
 * two (a single IDN label anywhere made the whole 238 KB script two-byte).
 */
function asciiLiteral(text: string): string {
  return escapeNonAscii(JSON.stringify(text));
}

export function installedTldtsVersion(): string {
  const pkg = JSON.parse(readFileSync('node_modules/tldts/package.json', 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

export async function renderPslModule(
  trie: FlatTrie = tldtsTrie,
  version = installedTldtsVersion(),
): Promise<string> {
  const { text, nodes, index } = renderPslTrees(trie);
  const source = `// GENERATED by tools/gen-psl.ts from the public suffix data of tldts ${version} — do not edit:
// run \`npm run gen-psl\` after updating tldts. The rules are the Public Suffix List
// (https://publicsuffix.org/, Mozilla Public License 2.0; THIRD_PARTY_NOTICES.md).
//
// Two trees, the rules then the exception rules (\`!www.ck\` is \`ck(www)\` in the second), one per
// line. A tree is a comma-separated list of nodes, each its label (the top level holds TLDs; a
// node's children, in brackets, are the labels to its left), marked by what it is: an ICANN rule
// (no mark), a private rule (\`+\`), both (\`&\`), or only on the way to longer rules (\`?\`).
// \`ac(com,+drr)\` holds the rules ac, com.ac and the private drr.ac. utils/core/psl.ts reads it.

/** The tldts release the rules were taken from. */
export const PSL_TLDTS_VERSION = ${JSON.stringify(version)};

/** How many nodes the two trees hold (the reader sizes its tables with it). */
export const PSL_NODE_COUNT = ${nodes};

export const PSL_TREES =
  ${asciiLiteral(text)};

/** Digits of each entry of PSL_TOP_LEVEL (the reader takes the width from here, not a copy). */
export const PSL_INDEX_WIDTH = ${PSL_INDEX_WIDTH};

/**
 * Where each TLD's entry starts in the rules' line, PSL_INDEX_WIDTH base-36 digits each, in the
 * line's order: a lookup reads its host's TLD alone.
 */
export const PSL_TOP_LEVEL =
  ${JSON.stringify(index)};
`;
  const options = (await resolveConfig(PSL_TS)) ?? {};
  return format(source, { ...options, parser: 'typescript' });
}

async function main(argv: string[]): Promise<number> {
  const text = await renderPslModule();
  if (argv.includes('--check')) {
    const same = readFileSync(PSL_TS, 'utf8') === text;
    console.log(same ? `${PSL_TS} is up to date` : `${PSL_TS} is stale: run npm run gen-psl`);
    return same ? 0 : 1;
  }
  writeFileSync(PSL_TS, text);
  console.log(`${PSL_TS} written from tldts ${installedTldtsVersion()}`);
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`)
  main(process.argv.slice(2)).then((code) => (process.exitCode = code));
