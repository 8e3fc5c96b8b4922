// Publishing the project's list as static files with delta updates (used by tools/publish-list.ts,
// the benchmarks and the tests). Given the new list and the versions published before, it returns
// every file of the layout described in utils/lists/delta.ts, signed.
import { canonicalHash, diffLists, HEAD_FORMAT, type Head } from '../../utils/lists/delta';
import { importProjectList } from '../../utils/lists/import-json';
import type { ListContent } from '../../utils/lists/model';
import { sha256Hex } from '../../utils/core/hash';
import { signText } from '../sign-list';
import { formatFiles } from './publish-formats';

export interface PublishInput {
  /** The new version's file text (the project's list format). */
  text: string;
  /** Texts of versions published before, any order (the archive). */
  previous: string[];
  /** Deltas are offered from this many most recent earlier versions. */
  keep: number;
  privateKey: JsonWebKey;
  /** File name of the list, e.g. `kusuri-guard.json`. */
  name: string;
}

function imported(text: string): ListContent {
  const result = importProjectList(text);
  if (!result.ok) throw new Error(`not a valid list: ${result.error} ${result.detail}`);
  return result.content;
}

/** Every file to upload, by path relative to the list's directory. */
export async function publishFiles(input: PublishInput): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const current = imported(input.text);
  const version = current.meta.version;
  files.set(input.name, input.text);
  files.set(`${input.name}.sig`, `${await signText(input.text, input.privateKey)}\n`);
  files.set(`versions/${version}.json`, input.text);
  // The same list for uBlacklist, hosts-file and AdGuard/uBO users.
  for (const [path, text] of formatFiles(input.name, current)) files.set(path, text);
  const earlier = input.previous
    .map((text) => ({ text, content: imported(text) }))
    .filter((v) => v.content.meta.version < version)
    .sort((a, b) => b.content.meta.version - a.content.meta.version)
    .slice(0, input.keep);
  const deltas: Head['deltas'] = [];
  for (const old of earlier) {
    const from = old.content.meta.version;
    const path = `deltas/${from}-${version}.json`;
    const text = JSON.stringify(diffLists(old.content, current));
    files.set(path, text);
    files.set(`versions/${from}.json`, old.text);
    deltas.push({ from, path, sha256: await sha256Hex(text), bytes: Buffer.byteLength(text) });
  }
  const head: Head = {
    format: HEAD_FORMAT,
    version,
    sha256: await canonicalHash(current),
    deltas,
  };
  const headText = JSON.stringify(head);
  files.set(`${input.name}.head`, headText);
  files.set(`${input.name}.head.sig`, `${await signText(headText, input.privateKey)}\n`);
  return files;
}
