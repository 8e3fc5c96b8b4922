// List hygiene at import: private addresses and the packaged never-block set are refused with a
// reason by every importer, and the never-block set stays in step with the hosts the extension
// itself depends on.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { importDomainList } from '../../utils/lists/import-domains';
import { importUblacklist } from '../../utils/lists/import-ublacklist';
import { importProjectListValue } from '../../utils/lists/import-json';
import {
  NEVER_BLOCK_SECTIONS,
  NeverBlock,
  hygieneProblem,
  isPrivateIPv4,
} from '../../utils/lists/hygiene';
import { normalizeListedHost } from '../../utils/core/hostname';
import { PROJECT_URL } from '../../utils/core/project';
import { AUTHORITY_LINKS } from '../../utils/reports/templates/authorities';
import { HIBP_BREACHES_URL } from '../../utils/lists/import-hibp';
import { IANA_BOOTSTRAP_URL } from '../../utils/intel/rdap-bootstrap';
import { BLOCKLISTPROJECT_DRUGS_URL } from '../../utils/lists/catalog';
import { LIST_FORMAT, LIST_SCHEMA_VERSION } from '../../utils/lists/model';
import { listMeta } from './list-fixture';

const options = { meta: listMeta('junk'), category: 'rogue-pharmacy' as const };

describe('private addresses', () => {
  it('knows the private, loopback, link-local and CGNAT ranges', () => {
    for (const ip of ['10.0.0.1', '127.0.0.1', '169.254.169.254', '172.16.0.1', '172.31.255.255']) {
      expect(isPrivateIPv4(ip), ip).toBe(true);
    }
    for (const ip of ['192.168.1.1', '100.64.0.1', '100.127.255.254', '0.0.0.1']) {
      expect(isPrivateIPv4(ip), ip).toBe(true);
    }
    for (const ip of ['8.8.8.8', '172.32.0.1', '100.128.0.1', '203.0.113.7', '169.255.0.1']) {
      expect(isPrivateIPv4(ip), ip).toBe(false);
    }
  });

  it('are refused in a domain list and a hosts file, each with its reason', () => {
    const text = [
      '192.168.1.1',
      '0.0.0.0 10.0.0.1',
      '169.254.169.254',
      '100.64.0.1',
      '203.0.113.7',
      'rogue-shop.example',
    ].join('\n');
    const result = importDomainList(text, options);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.content.domains).toEqual(['203.0.113.7', 'rogue-shop.example']);
    expect(result.rejected.map((r) => [r.input, r.reason])).toEqual([
      ['192.168.1.1', 'private-address'],
      ['10.0.0.1', 'private-address'],
      ['169.254.169.254', 'private-address'],
      ['100.64.0.1', 'private-address'],
    ]);
  });
});

describe('the never-block set', () => {
  it('refuses the report channels, update sources, RDAP servers and popular sites', () => {
    const text = [
      'github.com',
      'www.mhlw.go.jp',
      'mhlw.go.jp',
      'haveibeenpwned.com',
      'data.iana.org',
      'iana.org',
      'rdap.centralnic.com',
      'google.com',
      'www.google.com',
      'ja.wikipedia.org',
      'yahoo.co.jp',
      'rogue-shop.example',
    ].join('\n');
    const result = importDomainList(text, options);
    if (!result.ok) throw new Error(result.error);
    expect(result.content.domains).toEqual(['rogue-shop.example']);
    expect(result.rejected).toHaveLength(11);
    // The extension's own channels and look-up hosts, then the popular sites, each by name.
    expect(result.rejected.map((r) => [r.input, r.reason])).toEqual([
      ['github.com', 'never-block'],
      ['www.mhlw.go.jp', 'never-block'],
      ['mhlw.go.jp', 'never-block'],
      ['haveibeenpwned.com', 'never-block'],
      ['data.iana.org', 'never-block'],
      ['iana.org', 'never-block'],
      ['rdap.centralnic.com', 'never-block'],
      ['google.com', 'never-block'], // a parent of one of the extension's own hosts
      ['www.google.com', 'popular-site'],
      ['ja.wikipedia.org', 'popular-site'],
      ['yahoo.co.jp', 'popular-site'],
    ]);
    expect(result.rejected[0]!.detail).toContain('project-channels');
  });

  it('applies to uBlacklist rules and to the project format too', () => {
    const ub = importUblacklist('*://*.github.com/*\n*://*.rogue-shop.example/*\n', options);
    if (!ub.ok) throw new Error(ub.error);
    expect(ub.content.domains).toEqual(['rogue-shop.example']);
    expect(ub.rejected.map((r) => r.reason)).toEqual(['never-block']);
    const evidence = [{ source: { url: 'https://evidence.example/' }, date: '2026-11' }];
    const project = importProjectListValue({
      format: LIST_FORMAT,
      schemaVersion: LIST_SCHEMA_VERSION,
      meta: listMeta('proj'),
      sites: [
        { domain: 'www.google.com', category: 'rogue-pharmacy', evidence },
        { domain: '192.168.0.10', category: 'rogue-pharmacy', evidence },
        { domain: 'rogue-shop.example', category: 'rogue-pharmacy', evidence },
      ],
      groups: [
        { id: 'g', category: 'rogue-pharmacy', evidence, domains: ['github.com', 'b.example'] },
      ],
    });
    if (!project.ok) throw new Error(project.error);
    expect(project.content.sites.map((s) => s.domain)).toEqual(['rogue-shop.example']);
    expect(project.content.groups[0]!.domains).toEqual(['b.example']);
    expect(project.rejected.map((r) => r.reason)).toEqual([
      'popular-site',
      'private-address',
      'never-block',
    ]);
  });

  it('does not refuse hosts that merely resemble a protected one', () => {
    const set = new NeverBlock([{ id: 't', name: 't', licence: 'x', hosts: ['data.iana.org'] }]);
    expect(set.sectionFor('data.iana.org')).toBe('t');
    expect(set.sectionFor('iana.org')).toBe('t'); // a parent would block it
    expect(set.sectionFor('x.data.iana.org')).toBe('t');
    expect(set.sectionFor('other.iana.org')).toBeNull(); // a sibling blocks nothing of ours
    expect(set.sectionFor('iana.org.evil.example')).toBeNull();
    expect(hygieneProblem('github.com.evil.example', 'domain')).toBeNull();
  });

  it('holds every host the extension itself contacts or sends users to', () => {
    const channels = NEVER_BLOCK_SECTIONS.find((s) => s.id === 'project-channels')!.hosts;
    const ours = [
      PROJECT_URL,
      HIBP_BREACHES_URL,
      IANA_BOOTSTRAP_URL,
      BLOCKLISTPROJECT_DRUGS_URL,
      ...AUTHORITY_LINKS.map((l) => l.url),
    ].map((u) => new URL(u).hostname);
    for (const host of ours) expect(channels, host).toContain(host);
  });

  it('holds every RDAP server of the packaged bootstrap file', () => {
    const bootstrap = JSON.parse(readFileSync('data/iana-rdap-dns.json', 'utf8')) as {
      services: [string[], string[]][];
    };
    const servers = new Set(
      bootstrap.services.flatMap((s) => s[1].map((u) => new URL(u).hostname)),
    );
    const section = NEVER_BLOCK_SECTIONS.find((s) => s.id === 'rdap-servers')!;
    expect(new Set(section.hosts)).toEqual(servers);
  });

  it('is canonical, sourced and never a public suffix', () => {
    for (const section of NEVER_BLOCK_SECTIONS) {
      expect(section.licence, section.id).not.toBe('');
      for (const host of section.hosts) {
        const n = normalizeListedHost(host);
        expect(n.ok && n.value.host, `${section.id}: ${host}`).toBe(host);
      }
    }
  });
});
