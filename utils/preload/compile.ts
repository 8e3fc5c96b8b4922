// Pure compilation of declarativeNetRequest rules. Chrome limits rule *counts* (5,000 dynamic
// "unsafe" redirect rules, 30,000 dynamic rules), not the size of `requestDomains`, so every
// block-level domain goes into as few redirect rules as possible. See STACK.md for measurements.

/** The subset of chrome.declarativeNetRequest.Rule this extension produces. */
export interface DnrRule {
  id: number;
  priority: number;
  action: { type: 'allow' } | { type: 'redirect'; redirect: { regexSubstitution: string } };
  condition: {
    regexFilter?: string;
    requestDomains?: string[];
    resourceTypes: ResourceType[];
    tabIds?: number[];
  };
}

export type ResourceType = 'main_frame' | 'sub_frame';

/**
 * What the pre-load rules stop: pages, and frames, so a listed shop cannot be shown inside an
 * unlisted page. A stopped frame shows the warning page, which inside a frame is a short notice
 * with nothing to click (components/WarningPage.tsx).
 */
export const STOPPED_TYPES: ResourceType[] = ['main_frame', 'sub_frame'];

/** Rule ids of the dynamic rule set. Block rules use BLOCK_RULE_BASE + chunk index. */
export const ALLOW_RULE_ID = 1;
export const SENTINEL_RULE_ID = 2;
export const BLOCK_RULE_BASE = 100;
/** Domains per redirect rule; Chromium accepted one rule with 1M domains (STACK.md). */
export const DOMAINS_PER_RULE = 1_000_000;
/** Block rules this extension may use (ids BLOCK_RULE_BASE …): far below Chrome's 1,000 regex rules. */
export const MAX_BLOCK_RULES = 200;

export const PRIORITY_BLOCK = 1;
export const PRIORITY_ALLOW = 2;
export const PRIORITY_SESSION_ALLOW = 3;

/** The whole http(s) URL is captured so the warning page knows what was stopped. */
export const CAPTURE_URL = '^https?://.*$';

/** A host as DNR accepts it: lower-case ASCII without a trailing dot (punycode for IDNs). */
export function isDnrDomain(host: string): boolean {
  return (
    /^[a-z0-9_.-]+$/.test(host) &&
    !host.startsWith('.') &&
    !host.endsWith('.') &&
    host.includes('.')
  );
}

export interface RulePlan {
  /** Hosts whose pages are stopped before loading (block-level lists and the user's own blocks). */
  blockHosts: Iterable<string>;
  /** Sites the user allowed: they win over every block rule. */
  allowSites: Iterable<string>;
}

/** How many rules `count` block hosts take. */
export function blockRuleCount(count: number): number {
  return Math.ceil(count / DOMAINS_PER_RULE);
}

/**
 * Redirect rules stopping `hosts` before they load, with the given rule ids (one per
 * DOMAINS_PER_RULE hosts). `warningPageUrl` is the extension's warning page
 * (`chrome-extension://<id>/warning.html`); the original URL travels in its fragment.
 */
export function compileBlockRules(
  hosts: Iterable<string>,
  ids: readonly number[],
  warningPageUrl: string,
): DnrRule[] {
  const block = uniqueDnrDomains(hosts);
  const rules: DnrRule[] = [];
  for (
    let start = 0, i = 0;
    start < block.length && i < ids.length;
    start += DOMAINS_PER_RULE, i += 1
  ) {
    rules.push({
      id: ids[i]!,
      priority: PRIORITY_BLOCK,
      action: { type: 'redirect', redirect: { regexSubstitution: `${warningPageUrl}#\\0` } },
      condition: {
        regexFilter: CAPTURE_URL,
        requestDomains: block.slice(start, start + DOMAINS_PER_RULE),
        resourceTypes: STOPPED_TYPES,
      },
    });
  }
  return rules;
}

/** The rule letting the sites the user allowed load: it wins over every block rule. */
export function compileAllowRule(allowSites: Iterable<string>): DnrRule | null {
  const allow = uniqueDnrDomains(allowSites);
  if (allow.length === 0) return null;
  return {
    id: ALLOW_RULE_ID,
    priority: PRIORITY_ALLOW,
    action: { type: 'allow' },
    condition: { requestDomains: allow, resourceTypes: STOPPED_TYPES },
  };
}

/** The whole dynamic rule set for a plan, block rules numbered from BLOCK_RULE_BASE. */
export function compileDynamicRules(plan: RulePlan, warningPageUrl: string): DnrRule[] {
  const block = uniqueDnrDomains(plan.blockHosts);
  const ids = Array.from(
    { length: Math.min(MAX_BLOCK_RULES, blockRuleCount(block.length)) },
    (_, i) => BLOCK_RULE_BASE + i,
  );
  const allow = compileAllowRule(plan.allowSites);
  return [...(allow ? [allow] : []), ...compileBlockRules(block, ids, warningPageUrl)];
}

/**
 * A harmless rule naming the installed rule set's hash (a `.invalid` name never resolves). Reading
 * this one rule back tells whether the browser still has the set the stored marker describes,
 * without fetching a rule with a million domains.
 */
export function sentinelRule(hash: string): DnrRule {
  return {
    id: SENTINEL_RULE_ID,
    priority: PRIORITY_BLOCK,
    action: { type: 'allow' },
    condition: {
      requestDomains: [`${hash.slice(0, 32)}.rules.kusuri-guard.invalid`],
      resourceTypes: ['main_frame'],
    },
  };
}

/** A session rule letting one tab open one site ("open it this time only"). */
export function compileSessionAllowRule(id: number, tabId: number, site: string): DnrRule {
  return {
    id,
    priority: PRIORITY_SESSION_ALLOW,
    action: { type: 'allow' },
    condition: { requestDomains: [site], resourceTypes: STOPPED_TYPES, tabIds: [tabId] },
  };
}

/** Unique, valid hosts in their given order (sorting a million would cost seconds for nothing). */
function uniqueDnrDomains(hosts: Iterable<string>): string[] {
  const out = new Set<string>();
  for (const host of hosts) if (isDnrDomain(host)) out.add(host);
  return [...out];
}
