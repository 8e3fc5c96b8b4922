// A fresh Ed25519 list-signing key for tests of signed lists: the private key as the maintainers'
// signing tool takes it (JWK) and the public key as a build embeds it.
import { publicKeyOf } from '../../tools/sign-list';

export async function newSigningKey(): Promise<{ privateKey: JsonWebKey; publicKey: string }> {
  const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, [
    'sign',
    'verify',
  ])) as CryptoKeyPair;
  const privateKey = await crypto.subtle.exportKey('jwk', pair.privateKey);
  return { privateKey, publicKey: publicKeyOf(privateKey) };
}
