/**
 * A server for scripts/bench.ts, run in its own process: `product <database-url> <port>` serves the
 * application's API (no web files, logs at warn), `hello <port>` a bare Fastify hello-world. Prints
 * "ready" on standard output once it listens.
 */
import Fastify from 'fastify';
import { openDatabase } from '../src/db/create-db.js';
import { buildServer } from '../src/server/app.js';

const [mode, a, b] = process.argv.slice(2);
if (mode === 'hello') {
  const app = Fastify({ logger: false });
  app.get('/hello', (_req, reply) => reply.send({ hello: 'world' }));
  await app.listen({ port: Number(a), host: '127.0.0.1' });
} else if (mode === 'product' && a && b) {
  const app = await buildServer({ database: openDatabase(a), web: false, logger: { level: 'warn' } });
  await app.listen({ port: Number(b), host: '127.0.0.1' });
} else {
  console.error('usage: bench-serve.ts hello <port> | product <database-url> <port>');
  process.exit(2);
}
console.log('ready');
