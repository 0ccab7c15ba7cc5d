import { readFileSync } from 'node:fs';
import Fastify from 'fastify';
import pg from 'pg';

/**
 * the lower bound of `api.bench.ts`: a bare Fastify server on the same driver and pool size as the app
 * (pg.Pool, DB_POOL_MAX or 10) answering GET /q/NAME by running the SQL the app ran for that request, captured
 * from Kysely's query log, one statement after the other as the app sends them, and returning the rows as JSON.
 * No cookie, no session, no validation, no decryption or redaction, no helmet headers, no request log.
 * Started as a child process by the benchmark: BARE_QUERIES names a JSON file { name: [{ sql, parameters }] }
 */
const queries = JSON.parse(readFileSync(process.env['BARE_QUERIES'] ?? '', 'utf8')) as Record<string, Array<{ sql: string; parameters: unknown[] }>>;
const pool = new pg.Pool({ connectionString: process.env['DATABASE_URL'], max: Number(process.env['DB_POOL_MAX'] ?? 10) });
const app = Fastify({ logger: false });
app.get<{ Params: { name: string } }>('/q/:name', async (req, reply) => {
  const list = queries[req.params.name];
  if (!list) return reply.code(404).send({ error: 'unknown' });
  const results: unknown[] = [];
  for (const q of list) results.push((await pool.query(q.sql, q.parameters)).rows);
  return { results };
});
app.get('/health', async () => ({ ok: true }));
await app.listen({ port: Number(process.env['PORT']), host: '127.0.0.1' });
process.on('SIGTERM', () => {
  void app.close().then(() => pool.end()).then(() => process.exit(0));
});
