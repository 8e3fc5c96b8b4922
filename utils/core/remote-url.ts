// Where the extension may send a request of its own (list downloads, RDAP, a redirect either
// follows, a link inside an RDAP answer): https only, to a public host name. Never an IP literal,
// `localhost` or another local name: a list server or registry that redirects to 127.0.0.1,
// 169.254.169.254 or a router would otherwise make the extension query the user's own network,
// and an https→http redirect would send the looked-up domain in clear text.
import { checkParsedHost } from './hostname';

export type RemoteUrlError = 'invalid' | 'not-https' | 'not-public-host';

/** Null when `url` may be fetched; otherwise why not. `allowHttp` exists for the e2e build only. */
export function remoteUrlProblem(
  url: string,
  options: { allowHttp?: boolean } = {},
): RemoteUrlError | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'invalid';
  }
  if (parsed.protocol !== 'https:' && !(options.allowHttp && parsed.protocol === 'http:'))
    return 'not-https';
  if (parsed.username !== '' || parsed.password !== '') return 'invalid';
  const host = checkParsedHost(parsed.hostname);
  if (!host.ok) return 'invalid';
  return host.value.kind === 'domain' ? null : 'not-public-host';
}
