// The Public Suffix List lookups the extension makes (registrable domain, public suffix), with
// tldts's answers for every input: tldts-core's parser (URL or host extraction, validation, IP
// detection) is used as is, with a suffix lookup of this project's own over the rules written by
// tools/gen-psl.ts from the installed tldts (utils/core/psl-data.ts). What changes is the weight:
// the rules are one 93 KB string, read into a tree as hosts need them (a TLD and its own rules
// when a host first ends in it, found through an index of the top level written beside them),
// instead of tldts's typed-array literals that every worker wake compiled and built
// (docs/performance-history.md, "Where a wake's time goes"). tests/unit/psl.test.ts holds the
// answers equal to tldts's for every rule.
import {
  fastPathLookup,
  getEmptyResult,
  parseImpl,
  resetResult,
  type FLAG,
  type IOptions,
  type IPublicSuffix,
  type ISuffixLookupOptions,
} from 'tldts-core';
import { PSL_INDEX_WIDTH, PSL_NODE_COUNT, PSL_TOP_LEVEL, PSL_TREES } from './psl-data';
import { wakeMark } from './wake-marks';

const ICANN = 1;
const PRIVATE = 2;
const COMMA = 44;
const OPEN = 40;
const CLOSE = 41;
const NEWLINE = 10;
const DOT = 46;
const STAR = 42;

// The tree, once read: node arrays indexed by node id (0 and 1 are the roots of the rules and of
// the exceptions), and an open-addressing table from (parent, label) to child. A label is a slice
// of PSL_TREES (start, length), so reading copies no text. Module-level bindings, not a closure's
// object, keep the lookup's reads monomorphic.
let ready = false;
let trees = '';
let flags = new Uint8Array(0);
let parents = new Int32Array(0);
let labelStarts = new Int32Array(0);
let labelLengths = new Uint16Array(0);
let labelHashes = new Int32Array(0);
/** Each node's `*` child, or -1. */
let wildcards = new Int32Array(0);
/** Node id + 1 per slot (0: empty). */
let slots = new Int32Array(0);
let slotMask = 0;
const RULES_ROOT = 0;
const EXCEPTIONS_ROOT = 1;

/** One step of a label's hash, over its characters from the last to the first. */
function hashStep(hash: number, code: number): number {
  return (Math.imul(hash, 33) ^ code) | 0;
}
const HASH_START = 5381;

function slotOf(parent: number, hash: number): number {
  return Math.imul(hash ^ Math.imul(parent, 0x9e3779b1), 0x85ebca6b) >>> 0;
}

/** The child of `parent` labelled `text[start, start + length)`, or -1. */
function child(parent: number, hash: number, text: string, start: number, length: number): number {
  for (let slot = slotOf(parent, hash) & slotMask; ; slot = (slot + 1) & slotMask) {
    const id = slots[slot]! - 1;
    if (id < 0) return -1;
    if (parents[id] !== parent || labelHashes[id] !== hash || labelLengths[id] !== length) continue;
    const at = labelStarts[id]!;
    let i = 0;
    while (i < length && trees.charCodeAt(at + i) === text.charCodeAt(start + i)) i += 1;
    if (i === length) return id;
  }
}

/**
 * Each node's children not read yet: the text between its brackets, [start, end) (start -1: none
 * or already read). The top level (every TLD, and the exceptions' first labels) is read at once;
 * a TLD's subtree is read the first time a walk enters it, so a waking worker reads the few TLDs
 * its first hosts end in instead of all 11,689 rules (docs/performance-history.md,
 * "Where a wake's time goes").
 */
let pendingStarts = new Int32Array(0);
let pendingEnds = new Int32Array(0);
/** The node count the data declares, checked once every subtree is read. */
let declaredSize = 0;
let nodesUsed = 2;
/**
 * The rules' top level not read yet, only indexed (tools/gen-psl.ts): each TLD's entry start in
 * `trees`, PSL_INDEX_WIDTH base-36 digits each (the width the generator writes beside the index),
 * in code-unit order of the labels; '' once read, or when the data came without an index. A TLD
 * is added when a host first ends in it.
 */
let topLevelIndex = '';
let topLevelCount = 0;
/** Where the rules' line ends (a TLD's entry may not reach past it). */
let rulesLineEnd = 0;

/** Adds one node (a label of `trees` at [start, end)) under `parent`; returns its id. */
function addNode(parent: number, flag: number, start: number, end: number): number {
  const hash = labelHash(trees, start, end);
  if (end === start || nodesUsed >= declaredSize)
    throw new Error('Kusuri Guard: unreadable public suffix data');
  const id = nodesUsed++;
  flags[id] = flag;
  parents[id] = parent;
  labelStarts[id] = start;
  labelLengths[id] = end - start;
  labelHashes[id] = hash;
  if (end - start === 1 && trees.charCodeAt(start) === STAR) wildcards[parent] = id;
  let slot = slotOf(parent, hash) & slotMask;
  while (slots[slot] !== 0) slot = (slot + 1) & slotMask;
  slots[slot] = id + 1;
  return id;
}

/** A label's mark (`?`, `+`, `&` or none) at `i`: its flag, and where its text starts. */
function markAt(i: number): [number, number] {
  const mark = trees.charCodeAt(i);
  if (mark === 63) return [0, i + 1]; // ?
  if (mark === 43) return [PRIVATE, i + 1]; // +
  if (mark === 38) return [ICANN | PRIVATE, i + 1]; // &
  return [ICANN, i];
}

/** Where a label that starts at `i` ends: the next `,`, `(`, `)` or line break (or the end). */
function labelEnd(i: number, end: number): number {
  let code = trees.charCodeAt(i);
  while (i < end && code !== COMMA && code !== OPEN && code !== CLOSE && code !== NEWLINE)
    code = trees.charCodeAt(++i);
  return i;
}

/** Reads the children of `node` that are still pending (and their own subtrees). */
function readSubtree(node: number): void {
  const from = pendingStarts[node]!;
  if (from < 0) return;
  const to = pendingEnds[node]!;
  pendingStarts[node] = -1;
  let parent = node;
  const stack: number[] = [];
  let i = from;
  while (i < to) {
    const [flag, start] = markAt(i);
    i = labelEnd(start, to);
    const id = addNode(parent, flag, start, i);
    let code = i < to ? trees.charCodeAt(i) : COMMA;
    if (code === OPEN) {
      stack.push(parent);
      parent = id;
      i += 1;
      continue;
    }
    while (code === CLOSE && i < to) {
      const up = stack.pop();
      if (up === undefined) throw new Error('Kusuri Guard: unreadable public suffix data');
      parent = up;
      code = ++i < to ? trees.charCodeAt(i) : COMMA;
    }
    if (code === NEWLINE) throw new Error('Kusuri Guard: unreadable public suffix data');
    if (code === COMMA) i += 1;
  }
  if (stack.length > 0) throw new Error('Kusuri Guard: unreadable public suffix data');
}

/** The index's `k`th TLD entry: where it starts in `trees`. */
function indexedStart(k: number): number {
  const at = k * PSL_INDEX_WIDTH;
  const start = parseInt(topLevelIndex.slice(at, at + PSL_INDEX_WIDTH), 36);
  if (!(start >= 0 && start < rulesLineEnd) || (start > 0 && trees.charCodeAt(start - 1) !== COMMA))
    throw new Error('Kusuri Guard: unreadable public suffix data');
  return start;
}

/** Adds the index's `k`th TLD as a child of the rules' root, its subtree pending; returns its id. */
function addIndexed(k: number): number {
  const entry = indexedStart(k);
  const end = k + 1 < topLevelCount ? indexedStart(k + 1) - 1 : rulesLineEnd;
  const [flag, start] = markAt(entry);
  const labelStop = labelEnd(start, end);
  const id = addNode(RULES_ROOT, flag, start, labelStop);
  if (labelStop === end) return id;
  // A subtree: its brackets' contents, checked when it is read (readSubtree).
  if (trees.charCodeAt(labelStop) !== OPEN || trees.charCodeAt(end - 1) !== CLOSE || end <= start)
    throw new Error('Kusuri Guard: unreadable public suffix data');
  pendingStarts[id] = labelStop + 1;
  pendingEnds[id] = end - 1;
  return id;
}

/**
 * The TLD `text[start, end)` (a host's last label) from the index: a binary search over the
 * entries, comparing labels as the generator sorted them. Adds it and returns its id, or -1.
 */
function indexedTopLevel(text: string, start: number, end: number): number {
  let low = 0;
  let high = topLevelCount - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const [, at] = markAt(indexedStart(middle));
    const stop = labelEnd(at, rulesLineEnd);
    // Code-unit order of trees[at, stop) against text[start, end).
    let order = 0;
    for (let i = 0; order === 0; i += 1) {
      const mine = at + i < stop ? trees.charCodeAt(at + i) : -1;
      const theirs = start + i < end ? text.charCodeAt(start + i) : -1;
      if (mine === -1 && theirs === -1) return addIndexed(middle);
      order = mine - theirs;
    }
    if (order < 0) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}

/**
 * Reads trees in the format of utils/core/psl-data.ts into the tables above: the top level now,
 * each subtree now too unless `lazy` (then on the first walk that enters it). With `index` (the
 * packaged data's PSL_TOP_LEVEL) a lazy read leaves the rules' top level too: each TLD is found in
 * the index when a host first ends in it. Exported for the tests, which also feed it broken data:
 * an eager read throws on any of it, and the lookups then read PSL_TREES again; a lazy read checks
 * the brackets and the top level now (without an index), the subtrees' labels when they are read.
 */
export function readPslTrees(text: string, nodeCount: number, lazy = false, index = ''): void {
  ready = false;
  trees = text;
  topLevelIndex = '';
  topLevelCount = 0;
  const size = nodeCount + 2;
  declaredSize = size;
  nodesUsed = 2;
  flags = new Uint8Array(size);
  parents = new Int32Array(size).fill(-1);
  labelStarts = new Int32Array(size);
  labelLengths = new Uint16Array(size);
  labelHashes = new Int32Array(size);
  wildcards = new Int32Array(size).fill(-1);
  pendingStarts = new Int32Array(size).fill(-1);
  pendingEnds = new Int32Array(size);
  let slotCount = 1;
  while (slotCount < size * 2) slotCount *= 2;
  slots = new Int32Array(slotCount);
  slotMask = slotCount - 1;
  let root = RULES_ROOT;
  const topLevel: number[] = [];
  let i = 0;
  /** Where the current line (tree) ends: no subtree may reach past it. */
  const endOfLine = (from: number) => {
    const at = text.indexOf('\n', from);
    return at < 0 ? text.length : at;
  };
  let lineEnd = endOfLine(0);
  rulesLineEnd = lineEnd;
  if (lazy && index !== '') {
    // The rules' top level stays in the index; the exceptions' line (a few paths) is read below.
    if (index.length % PSL_INDEX_WIDTH !== 0 || lineEnd === text.length)
      throw new Error('Kusuri Guard: unreadable public suffix data');
    topLevelIndex = index;
    topLevelCount = index.length / PSL_INDEX_WIDTH;
    // A `*` TLD would be the root's wildcard, which a walk takes without asking the index.
    indexedTopLevel('*', 0, 1);
    root = EXCEPTIONS_ROOT;
    i = lineEnd + 1;
    lineEnd = endOfLine(i);
  }
  while (i < text.length) {
    const [flag, start] = markAt(i);
    i = labelEnd(start, text.length);
    const id = addNode(root, flag, start, i);
    let code = text.charCodeAt(i);
    if (code === OPEN) {
      // The matching bracket, by the positions of the brackets alone (the subtree is not read).
      let depth = 1;
      let at = i + 1;
      let close = -1;
      while (depth > 0) {
        const open = text.indexOf('(', at);
        close = text.indexOf(')', at);
        if (close < 0) throw new Error('Kusuri Guard: unreadable public suffix data');
        if (open >= 0 && open < close) {
          depth += 1;
          at = open + 1;
        } else {
          depth -= 1;
          at = close + 1;
        }
      }
      if (close > lineEnd) throw new Error('Kusuri Guard: unreadable public suffix data');
      pendingStarts[id] = i + 1;
      pendingEnds[id] = close;
      topLevel.push(id);
      i = close + 1;
      code = text.charCodeAt(i);
    }
    if (code === CLOSE) throw new Error('Kusuri Guard: unreadable public suffix data');
    if (code === NEWLINE) {
      if (root !== RULES_ROOT) throw new Error('Kusuri Guard: unreadable public suffix data');
      root = EXCEPTIONS_ROOT;
      lineEnd = endOfLine(i + 1);
    }
    if (code === COMMA || code === NEWLINE) i += 1;
  }
  if (!lazy) {
    for (const id of topLevel) readSubtree(id);
    if (nodesUsed !== size) throw new Error('Kusuri Guard: unreadable public suffix data');
  }
  ready = true;
}

/** How many rules' nodes have been read so far. */
export function pslNodesRead(): number {
  return nodesUsed - 2;
}

/** Reads every subtree still pending (the tests: the whole data, counted). Returns the nodes read. */
export function readAllPslSubtrees(): number {
  for (let k = 0; k < topLevelCount; k += 1) {
    const [, at] = markAt(indexedStart(k));
    const stop = labelEnd(at, rulesLineEnd);
    if (topLevelChild(trees, at, stop) < 0) addIndexed(k);
  }
  topLevelIndex = '';
  topLevelCount = 0;
  for (let id = 2; id < nodesUsed; id += 1) readSubtree(id);
  if (nodesUsed !== declaredSize) throw new Error('Kusuri Guard: unreadable public suffix data');
  return nodesUsed - 2;
}

/**
 * Read the packaged rules now if they are not yet (the first lookup that needs them does; a waking
 * worker calls this while the browser is still delivering the event it woke for).
 */
export function readPublicSuffixes(): void {
  if (ready) return;
  readPslTrees(PSL_TREES, PSL_NODE_COUNT, true, PSL_TOP_LEVEL);
  wakeMark('public suffixes read');
}

/** Whether the rules have been read (they are on the first lookup that needs them). */
export function pslTreesRead(): boolean {
  return ready;
}

// Where the last walk's deepest rule was: its node and its label's bounds in the host.
let matchNode = -1;
let matchStart = 0;
let matchEnd = 0;

/** A TLD of the rules, `text[start, end)`: read already, else from the index if any; or -1. */
function topLevelChild(
  text: string,
  start: number,
  end: number,
  hash = labelHash(text, start, end),
) {
  const id = child(RULES_ROOT, hash, text, start, end - start);
  if (id >= 0 || topLevelCount === 0 || end === start) return id;
  return indexedTopLevel(text, start, end);
}

function labelHash(text: string, start: number, end: number): number {
  let hash = HASH_START;
  for (let j = end - 1; j >= start; j -= 1) hash = hashStep(hash, text.charCodeAt(j));
  return hash;
}

/**
 * Walks the host's labels from the right, from `root`: a label takes its own edge if the node has
 * one, else the node's `*` edge (never for an empty label), else the walk ends. Records the
 * deepest node that is a rule of an allowed kind. tldts walks its trie the same way, which is what
 * makes the answers equal (an exact label hides a `*` sibling, as there).
 */
function walk(host: string, root: number, allowed: number): boolean {
  let node = root;
  let end = host.length;
  let hash = HASH_START;
  matchNode = -1;
  for (let i = host.length - 1; i >= -1; i -= 1) {
    const code = i >= 0 ? host.charCodeAt(i) : DOT;
    if (code !== DOT) {
      hash = hashStep(hash, code);
      continue;
    }
    const start = i + 1;
    let next =
      node === RULES_ROOT
        ? topLevelChild(host, start, end, hash)
        : child(node, hash, host, start, end - start);
    if (next < 0 && end !== start) next = wildcards[node]!;
    if (next < 0) break;
    node = next;
    readSubtree(node);
    if ((flags[node]! & allowed) !== 0) {
      matchNode = node;
      matchStart = start;
      matchEnd = end;
    }
    end = i;
    hash = HASH_START;
  }
  return matchNode >= 0;
}

/**
 * tldts-core's suffix lookup contract: sets the public suffix of `host` and its kind, and says
 * whether an exception rule decided it. Exceptions win and drop their own leftmost label
 * (`!www.ck`: the suffix of www.ck is ck); else the longest rule; else the last label.
 */
function suffixLookup(host: string, options: ISuffixLookupOptions, out: IPublicSuffix): boolean {
  if (fastPathLookup(host, options, out)) return false;
  readPublicSuffixes();
  const allowed =
    (options.allowPrivateDomains ? PRIVATE : 0) | (options.allowIcannDomains ? ICANN : 0);
  if (walk(host, EXCEPTIONS_ROOT, allowed)) {
    out.isIcann = (flags[matchNode]! & ICANN) !== 0;
    out.isPrivate = (flags[matchNode]! & PRIVATE) !== 0;
    out.publicSuffix = host.slice(matchEnd + 1);
    return true;
  }
  if (walk(host, RULES_ROOT, allowed)) {
    out.isIcann = (flags[matchNode]! & ICANN) !== 0;
    out.isPrivate = (flags[matchNode]! & PRIVATE) !== 0;
    out.publicSuffix = host.slice(matchStart);
    return false;
  }
  out.isIcann = false;
  out.isPrivate = false;
  const lastDot = host.lastIndexOf('.');
  out.publicSuffix = lastDot < 0 ? host : host.slice(lastDot + 1);
  return false;
}

const STEP_PUBLIC_SUFFIX: FLAG.PUBLIC_SUFFIX = 2;
const STEP_DOMAIN: FLAG.DOMAIN = 3;

// One result object reused by every call, as tldts does (these run a million times in an import):
// it keeps the last host it parsed, which releaseParsedHost in hostname.ts replaces.
const RESULT = getEmptyResult();

/** tldts's getPublicSuffix: the public suffix of a URL or host, or null. */
export function getPublicSuffix(url: string, options?: Partial<IOptions>): string | null {
  resetResult(RESULT);
  return parseImpl(url, STEP_PUBLIC_SUFFIX, suffixLookup, options, RESULT).publicSuffix;
}

/** tldts's getDomain: the registrable domain of a URL or host, or null. */
export function getDomain(url: string, options?: Partial<IOptions>): string | null {
  resetResult(RESULT);
  return parseImpl(url, STEP_DOMAIN, suffixLookup, options, RESULT).domain;
}
