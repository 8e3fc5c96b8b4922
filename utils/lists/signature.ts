// Detached Ed25519 signatures for the project's own list. The publisher signs the exact bytes of
// the list file (tools/sign-list.ts); the extension verifies them with WebCrypto against a public
// key pinned at build time. A list that fails verification is refused.

/** Base64 of the raw 32-byte Ed25519 public key lists must be signed with. */
export const PINNED_LIST_KEY = 'HqGrTXOEwrC2G7lmk90FqHRRbijOlT7AWyf7Wu3BT84=';

export function base64ToBytes(text: string): Uint8Array {
  const clean = text.trim();
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(clean)) throw new Error('not base64');
  const binary = atob(clean);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** True only for a valid signature by `publicKey` over `body`; never throws. */
export async function verifyListSignature(
  body: string,
  signatureBase64: string,
  publicKeyBase64: string,
): Promise<boolean> {
  try {
    const key = await crypto.subtle.importKey(
      'raw',
      base64ToBytes(publicKeyBase64) as Uint8Array<ArrayBuffer>,
      { name: 'Ed25519' },
      false,
      ['verify'],
    );
    const signature = base64ToBytes(signatureBase64);
    if (signature.length !== 64) return false;
    return await crypto.subtle.verify(
      { name: 'Ed25519' },
      key,
      signature as Uint8Array<ArrayBuffer>,
      new TextEncoder().encode(body),
    );
  } catch {
    return false;
  }
}
