// Imported first by the worker's first script (entrypoints/background.ts): its modules are
// evaluated in import order, so this statement runs before any module but the few it needs.
import { openEarly } from './early-open';

openEarly();
