// A fit-pool worker that dies on its first job (tests/unit/fit-pool.test.ts): the pool must fail
// the batch with a clear error instead of waiting for an answer that never comes.
import { parentPort } from 'node:worker_threads';
import process from 'node:process';

parentPort.on('message', (m) => {
  if (m.kind !== 'pages') process.exit(3);
});
