// What a describe block's beforeAll and afterAll share: the extension launched with its rules
// installed, and the browser and the fixture server closed after the tests.
import { launchExtension, waitForRules, type ExtensionBrowser } from './browser';
import type { FixtureServer } from './fixture-server';

/**
 * Launch the extension and wait until its pre-load rules are installed (`waitForRules`' default);
 * if they never are, the browser is closed before the error is thrown.
 */
export async function launchWithRules(
  options: Parameters<typeof launchExtension>[0] = {},
): Promise<ExtensionBrowser> {
  const ext = await launchExtension(options);
  try {
    await waitForRules(ext);
  } catch (error) {
    await ext.close();
    throw error;
  }
  return ext;
}

/** Close the browser, then stop the fixture server (either is unset if a `beforeAll` failed). */
export async function closeBrowserAndServer(
  ext: ExtensionBrowser | undefined,
  server: FixtureServer | undefined,
): Promise<void> {
  await ext?.close();
  await server?.stop();
}
