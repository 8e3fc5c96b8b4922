// Callbacks passed to worker.evaluate() run inside the extension, where `chrome` exists.
import type { browser } from 'wxt/browser';

declare global {
  const chrome: typeof browser;
}
