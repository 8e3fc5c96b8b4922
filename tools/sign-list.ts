// Sign a list for publishing, or make a key pair.
//   npm run sign-list -- --generate-key <dir>       writes <dir>/list-signing.private.jwk and prints the public key
//   npm run sign-list -- <list.json> --key <private.jwk>   writes <list.json>.sig (base64 Ed25519 signature)
// The private key never belongs in the repository. The public key is pinned in
// utils/lists/signature.ts (or given at build time as WXT_LIST_PUBLIC_KEY).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bytesToBase64, verifyListSignature } from '../utils/lists/signature';

async function generate(dir: string): Promise<void> {
  const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, [
    'sign',
    'verify',
  ])) as CryptoKeyPair;
  const jwk = await crypto.subtle.exportKey('jwk', pair.privateKey);
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'list-signing.private.jwk'), JSON.stringify(jwk), { mode: 0o600 });
  console.log(`private key: ${join(dir, 'list-signing.private.jwk')} (keep it secret)`);
  console.log(`public key (pin this): ${bytesToBase64(raw)}`);
}

export async function signText(text: string, privateJwk: JsonWebKey): Promise<string> {
  const key = await crypto.subtle.importKey('jwk', privateJwk, { name: 'Ed25519' }, false, [
    'sign',
  ]);
  const signature = new Uint8Array(
    await crypto.subtle.sign({ name: 'Ed25519' }, key, new TextEncoder().encode(text)),
  );
  return bytesToBase64(signature);
}

export function publicKeyOf(privateJwk: JsonWebKey): string {
  // An Ed25519 JWK carries the public key in `x` (base64url).
  return bytesToBase64(
    Uint8Array.from(atob(privateJwk.x!.replace(/-/g, '+').replace(/_/g, '/')), (c) =>
      c.charCodeAt(0),
    ),
  );
}

async function main(argv: string[]): Promise<number> {
  if (argv[0] === '--generate-key') {
    await generate(argv[1] ?? '.keys');
    return 0;
  }
  const file = argv[0];
  const keyIndex = argv.indexOf('--key');
  if (!file || keyIndex < 0 || !argv[keyIndex + 1]) {
    console.error(
      'usage: npm run sign-list -- <list.json> --key <private.jwk> | --generate-key <dir>',
    );
    return 2;
  }
  const jwk = JSON.parse(readFileSync(argv[keyIndex + 1]!, 'utf8')) as JsonWebKey;
  const text = readFileSync(file, 'utf8');
  const signature = await signText(text, jwk);
  if (!(await verifyListSignature(text, signature, publicKeyOf(jwk))))
    throw new Error('self-check of the signature failed');
  writeFileSync(`${file}.sig`, `${signature}\n`);
  console.log(`wrote ${file}.sig (public key ${publicKeyOf(jwk)})`);
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`)
  main(process.argv.slice(2)).then((code) => (process.exitCode = code));
