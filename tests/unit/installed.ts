// The worker as after a first install: a Background composed on a fresh fake platform, with the
// packaged lists installed and the pre-load rules in place.
import { composeBackground, type Background } from '../../utils/background/root';
import { defaultCatalog } from '../../utils/lists/catalog';
import { fakePlatform, type TestPlatform } from './fakes';

export async function installedBackground(
  platform: TestPlatform = fakePlatform(),
): Promise<{ platform: TestPlatform; background: Background }> {
  const background = composeBackground(platform, defaultCatalog(null));
  await background.lifecycle.onInstalled();
  return { platform, background };
}
