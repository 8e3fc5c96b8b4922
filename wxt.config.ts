import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { packagedFiles } from './tools/lib/bundled-data';

export default defineConfig({
  imports: false,
  manifestVersion: 3,
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: [
      'declarativeNetRequest',
      'storage',
      'tabs',
      'webNavigation',
      'alarms',
      'contextMenus',
    ],
    host_permissions: ['http://*/*', 'https://*/*'],
    // Asked for only when the user ticks "attach a screenshot" in a report (captureVisibleTab).
    optional_host_permissions: ['<all_urls>'],
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
      for (const [relativeDest, contents] of packagedFiles())
        files.push({ relativeDest, contents });
    },
  },
});
