// The Public Suffix List lookups the extension makes (registrable domain, public suffix), with
// tldts's answers for every input: tldts-core's parser (URL or host extraction, validation, IP
// detection) is used as is, with a suffix lookup of this project's own over the rules written by
// tools/gen-psl.ts from the installed tldts (utils/core/psl-data.ts). What changes is the weight:
// the rules are one 93 KB string, read into a tree the first time a host is looked up, instead
// of tldts's typed-array literals that every worker wake compiled and built (README, "Where a
// wake's time goes"). tests/unit/psl.test.ts holds the answers equal to tldts's for every rule.
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
import { PSL_NODE_COUNT, PSL_TREES } from './psl-data';
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
 * Reads trees in the format of utils/core/psl-data.ts into the tables above (exported for the
 * tests, which also feed it broken data: the lookups then read PSL_TREES again).
 */
export function readPslTrees(text: string, nodeCount: number): void {
  ready = false;
  trees = text;
  const size = nodeCount + 2;
  flags = new Uint8Array(size);
  parents = new Int32Array(size).fill(-1);
  labelStarts = new Int32Array(size);
  labelLengths = new Uint16Array(size);
  labelHashes = new Int32Array(size);
  wildcards = new Int32Array(size).fill(-1);
  let slotCount = 1;
  while (slotCount < size * 2) slotCount *= 2;
  slots = new Int32Array(slotCount);
  slotMask = slotCount - 1;
  let next = 2;
  let parent = RULES_ROOT;
  const stack: number[] = [];
  let i = 0;
  while (i < text.length) {
    let flag = ICANN;
    const mark = text[i];
    if (mark === '?' || mark === '+' || mark === '&') {
      flag = mark === '?' ? 0 : mark === '+' ? PRIVATE : ICANN | PRIVATE;
      i += 1;
    }
    const start = i;
    let hash = HASH_START;
    let code = text.charCodeAt(i);
    while (i < text.length && code !== COMMA && code !== OPEN && code !== CLOSE && code !== NEWLINE)
      code = text.charCodeAt(++i);
    for (let j = i - 1; j >= start; j -= 1) hash = hashStep(hash, text.charCodeAt(j));
    if (i === start || next >= size) throw new Error('Kusuri Guard: unreadable public suffix data');
    const id = next++;
    flags[id] = flag;
    parents[id] = parent;
    labelStarts[id] = start;
    labelLengths[id] = i - start;
    labelHashes[id] = hash;
    if (i - start === 1 && text.charCodeAt(start) === STAR) wildcards[parent] = id;
    let slot = slotOf(parent, hash) & slotMask;
    while (slots[slot] !== 0) slot = (slot + 1) & slotMask;
    slots[slot] = id + 1;
    if (code === OPEN) {
      stack.push(parent);
      parent = id;
      i += 1;
      continue;
    }
    while (code === CLOSE) {
      const up = stack.pop();
      if (up === undefined) throw new Error('Kusuri Guard: unreadable public suffix data');
      parent = up;
      code = text.charCodeAt(++i);
    }
    if (code === NEWLINE) {
      if (parent !== RULES_ROOT || stack.length > 0)
        throw new Error('Kusuri Guard: unreadable public suffix data');
      parent = EXCEPTIONS_ROOT;
    }
    if (code === COMMA || code === NEWLINE) i += 1;
  }
  if (stack.length > 0 || next !== size)
    throw new Error('Kusuri Guard: unreadable public suffix data');
  ready = true;
}

/**
 * Read the packaged rules now if they are not yet (the first lookup that needs them does; a waking
 * worker calls this while the browser is still delivering the event it woke for).
 */
export function readPublicSuffixes(): void {
  if (ready) return;
  readPslTrees(PSL_TREES, PSL_NODE_COUNT);
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
    let next = child(node, hash, host, start, end - start);
    if (next < 0 && end !== start) next = wildcards[node]!;
    if (next < 0) break;
    node = next;
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
