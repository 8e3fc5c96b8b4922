import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { bundledProjectList, DATA_DIR } from './tools/lib/bundled-data';
import { importProjectListValue } from './utils/list/import-json';

/** The bundled project list, validated: a bad entry fails the build instead of shipping. */
function projectListJson(): string {
  const list = bundledProjectList();
  const result = importProjectListValue(list);
  if (!result.ok)
    throw new Error(`data/ does not form a valid list: ${result.error} ${result.detail}`);
  if (result.rejected.length > 0) {
    throw new Error(`data/ has rejected entries: ${JSON.stringify(result.rejected.slice(0, 5))}`);
  }
  return JSON.stringify(list);
}

export default defineConfig({
  imports: false,
  manifestVersion: 3,
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['declarativeNetRequest', 'storage', 'tabs', 'webNavigation', 'alarms'],
    host_permissions: ['http://*/*', 'https://*/*'],
    // The pre-load rule redirects navigations started by web pages to the warning page.
    web_accessible_resources: [
      { resources: ['warning.html'], matches: ['http://*/*', 'https://*/*'] },
    ],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'kusuri-guard@kusuri-guard.github.io',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  hooks: {
    // The content script is an unlisted script (see entrypoints/page-guard.ts); declare it here.
    'build:manifestGenerated': (_wxt, manifest) => {
      manifest.content_scripts = [
        ...(manifest.content_scripts ?? []),
        {
          matches: ['http://*/*', 'https://*/*'],
          js: ['page-guard.js'],
          run_at: 'document_idle',
          all_frames: false,
        },
      ];
    },
    'build:publicAssets': (_wxt, files) => {
      files.push(
        { relativeDest: 'lists/kusuri-guard.json', contents: projectListJson() },
        { relativeDest: 'lists/hibp-breaches.json', absoluteSrc: `${DATA_DIR}hibp-breaches.json` },
        {
          relativeDest: 'lists/blocklistproject-drugs.txt',
          absoluteSrc: `${DATA_DIR}blocklistproject-drugs.txt`,
        },
      );
    },
  },
});
