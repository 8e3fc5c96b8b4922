// The fit-pool worker's entry: Node 20 does not carry tsx's loader into worker threads, so this
// plain module registers it before importing the TypeScript worker (tools/lib/fit-pool.ts).
import { register } from 'tsx/esm/api';

register();
await import('./fit-worker.ts');
