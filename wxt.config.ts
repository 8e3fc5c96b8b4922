import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { packagedFiles } from './tools/lib/bundled-data';
import { escapeNonAscii } from './tools/lib/ascii';
import packageJson from './package.json' with { type: 'json' };
import type { Plugin } from 'vite';

/**
 * The list maintainers' e-mail address for reports from people without a GitHub account: set at
 * build time with WXT_MAINTAINERS_EMAIL, else package.json's `config.maintainersEmail` (empty:
 * that route is off). The end-to-end build uses a reserved test address.
 */
function maintainersEmail(mode: string): string {
  if (process.env.WXT_MAINTAINERS_EMAIL !== undefined) return process.env.WXT_MAINTAINERS_EMAIL;
  if (mode === 'e2e') return 'lists@kusuri-guard-test.example';
  return packageJson.config.maintainersEmail;
}

/**
 * The project's own modules (utils/, data/) do nothing when imported that matters if none of
 * their exports is used (none is imported for its side effects alone, but `early-open-now.ts`,
 * whose one statement opens the database before the worker's other modules evaluate: schemas,
 * tables and regular expressions built at load are only values). Saying so lets the bundler drop a module whose
 * exports a script does not use, instead of keeping it for its top-level statements: the
 * worker's first-verdict script (entrypoints/background.ts) then carries no detector, importer
 * or report code that it only reaches through an unused export.
 */
function ownModulesWithoutSideEffects(): Plugin {
  const own = /\/(utils|data)\/[^?]*\.(ts|tsx|json)$/;
  return {
    name: 'kusuri-guard:own-modules-without-side-effects',
    transform(code, id) {
      if (!own.test(id) || id.includes('/node_modules/') || id.endsWith('/early-open-now.ts'))
        return null;
      return { code, map: null, moduleSideEffects: false };
    },
  };
}

/**
 * The worker's first script with every character outside ASCII escaped (`\uXXXX`): the public
 * suffix rules' IDN labels were its only ones, and one of them makes Chrome hold the whole
 * 240 KB source of every wake's script as two bytes a character. The bundler writes the
 * escapes tools/gen-psl.ts puts in the data back as characters, hence this last step; an escape
 * means the same character in a string, a regular expression, a comment or a name.
 */
function asciiWorkerScript(): Plugin {
  return {
    name: 'kusuri-guard:ascii-worker-script',
    generateBundle(_options, bundle) {
      const first = bundle['background.js'];
      if (first?.type !== 'chunk') return;
      first.code = escapeNonAscii(first.code);
    },
  };
}

/**
 * The unlisted scripts (the content scripts entrypoints/page-guard.ts and canvas-text.ts, and
 * the worker's second script, background-rest.ts) run as `export default definition.main()`
 * instead of WXT's runner, which wraps the call in a logger that production builds turn into
 * no-ops but keep, with its messages, in the script (about 100 of the content script's 8,192
 * gzipped bytes). The project registers no WXT plugins (the runner's `initPlugins` was empty);
 * an error still ends the script as it did, and the script's value is `main()`'s, as before.
 * Should WXT rename its runner, this does nothing and manifest.test.ts says so.
 */
function plainUnlistedScripts(): Plugin {
  const runner = '\0virtual:wxt-unlisted-script-entrypoint?';
  return {
    name: 'kusuri-guard:plain-unlisted-scripts',
    transform(_code, id) {
      if (!id.startsWith(runner)) return null;
      const entry = JSON.stringify(id.slice(runner.length));
      return {
        code: `import definition from ${entry};\nexport default definition.main();\n`,
        map: null,
      };
    },
  };
}

/**
 * `KG_SOURCEMAP=1 wxt build`: the same build with source maps, in its own folder
 * (`tools/bench/script-modules.ts` reads them to list a script's bytes per module).
 */
const withSourceMaps = process.env.KG_SOURCEMAP === '1';

export default defineConfig({
  imports: false,
  ...(withSourceMaps ? { outDir: '.output/sourcemap' } : {}),
  manifestVersion: 3,
  // `npm run zip`: the Chrome and Firefox store packages and, for AMO's reviewers, the sources
  // (everything needed to rebuild: no build output, dependencies, test results or store art).
  zip: {
    artifactTemplate: '{{name}}-{{version}}-{{browser}}.zip',
    sourcesTemplate: '{{name}}-{{version}}-sources.zip',
    excludeSources: ['.output/**', 'test-results/**', 'store/**', '.wxt/**', '**/node_modules/**'],
  },
  vite: (env) => ({
    plugins: [
      preact(),
      ownModulesWithoutSideEffects(),
      asciiWorkerScript(),
      plainUnlistedScripts(),
    ],
    ...(withSourceMaps ? { build: { sourcemap: true } } : {}),
    define: { 'import.meta.env.KG_MAINTAINERS_EMAIL': JSON.stringify(maintainersEmail(env.mode)) },
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    homepage_url: 'https://github.com/kusuri-guard/kusuri-guard',
    // Every permission here has a row in README's permissions table (tests/unit/manifest.test.ts
    // reads the built manifests against it).
    permissions: [
      // Redirect rules that act only where host access was granted (no blanket blocking right).
      'declarativeNetRequestWithHostAccess',
      'storage',
      'webNavigation',
      'alarms',
      // A screenshot of the tab the user reported from (toolbar button, context menu): no prompt.
      'activeTab',
      'contextMenus',
    ],
    // Tab URLs come from host access: no `tabs` permission.
    host_permissions: ['http://*/*', 'https://*/*'],
    // Asked for only when activeTab does not cover a report's screenshot (captureVisibleTab).
    optional_host_permissions: ['<all_urls>'],
    // The pre-load rule redirects navigations started by web pages to the warning page.
    web_accessible_resources: [
      {
        resources: ['warning.html'],
        matches: ['http://*/*', 'https://*/*'],
        // Chromium: reachable by pages only at a per-session address no page can guess, so no
        // page can fetch, frame or open the warning page to tell that Kusuri Guard is installed.
        // Firefox's moz-extension addresses are already random per installation.
        ...(browser === 'firefox' ? {} : { use_dynamic_url: true }),
      },
    ],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'kusuri-guard@kusuri-guard.github.io',
              // Ed25519 in WebCrypto (129), data_collection_permissions (140 desktop, 142 Android).
              strict_min_version: '142.0',
              // Nothing is collected by the project; what leaves the browser is optional: RDAP
              // lookups send a visited site's domain (browsingActivity, tied to the automatic
              // lookup setting) and a report the user saves sends the page's details
              // (websiteContent, only on that action).
              data_collection_permissions: {
                required: ['none'],
                optional: ['browsingActivity', 'websiteContent'],
              },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : // Ed25519 in WebCrypto (signed list updates) needs Chrome 137.
        { minimum_chrome_version: '137' }),
  }),
  hooks: {
    'build:manifestGenerated': (wxt, manifest) => {
      // The background's second script (entrypoints/background-rest.ts): Chrome's worker imports
      // it when first needed; Firefox's event page simply lists it after the first.
      const background = manifest.background as { scripts?: string[] } | undefined;
      if (wxt.config.browser === 'firefox' && background?.scripts)
        background.scripts.push('background-rest.js');
      // The content scripts are unlisted scripts (see entrypoints/page-guard.ts); declare them here.
      manifest.content_scripts = [
        ...(manifest.content_scripts ?? []),
        {
          matches: ['http://*/*', 'https://*/*'],
          js: ['page-guard.js'],
          run_at: 'document_idle',
          // Frames of another origin read themselves for the top frame's verdict.
          all_frames: true,
        },
        {
          // Text drawn on canvases, recorded in the page's world before its scripts run.
          matches: ['http://*/*', 'https://*/*'],
          js: ['canvas-text.js'],
          run_at: 'document_start',
          all_frames: true,
          world: 'MAIN',
        },
      ];
    },
    'build:publicAssets': (_wxt, files) => {
      for (const [relativeDest, contents] of packagedFiles())
        files.push({ relativeDest, contents });
    },
  },
});
