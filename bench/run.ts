import { modules } from '../server/modules/index.ts';
import { apiBench } from './api.bench.ts';
import { durabilityBench } from './durability.bench.ts';
import { embeddedBench } from './embedded.bench.ts';
import { exportBench } from './export.bench.ts';
import { reportBench } from './report.bench.ts';
import { rollupBench } from './rollup.bench.ts';
import { searchBench } from './search.bench.ts';

/** `npm run bench [export|report|durability|api|embedded|search|rollup]`: each prints its figure; ratios are against a lower bound measured in the same run */
const which = process.argv[2] ?? 'all';
if (which === 'all' || which === 'report') {
  const r = await reportBench(modules, Number(process.env['BENCH_RECORDS'] ?? 200_000));
  // the embedded database runs in this process: its CPU time is the work; a PostgreSQL server's is not in it
  const clock = process.env['DATABASE_URL'] ? 'wall-clock' : 'CPU';
  console.log(`report: ${r.records} records in 15 towns, ${r.indicators} indicators + DOCX in ${r.reportMs} ms ${clock} (the indicators alone, without the county's per-unit split: ${r.indicatorsMs} ms); lower bound (count(*) group by of each source table) ${r.lowerMs} ms; ratio ${r.ratio}× (target ≤ 2×)`);
  console.log(`writes: the indicator tally's triggers on ${r.writes.ledger} (${r.writes.indicators} indicators): one-record updates ${r.writes.single}× (${r.writes.perUpdateMs.with} ms against ${r.writes.perUpdateMs.without} ms ${clock} each), a 5 000-record insert ${r.writes.bulk}× the same writes without them`);
  if (r.ratio > 2) process.exitCode = 1;
}
if (which === 'all' || which === 'export') {
  const r = await exportBench(Number(process.env['BENCH_ROWS'] ?? 100_000));
  console.log(`export: ${r.rows} rows → ${(r.bytes / 1024 / 1024).toFixed(1)} MB xlsx; peak memory growth ${r.peakMb} MB (limit 300 MB); time ${r.ratio}× a plain keyset scan of the same rows`);
  if (r.peakMb > 300) process.exitCode = 1;
}
if (which === 'all' || which === 'durability') {
  const r = await durabilityBench();
  console.log(`durability: one-record updates on the embedded database, each its own transaction, synced to disk at commit ${r.perWriteMs.durable} ms each against ${r.perWriteMs.unsynced} ms with the sync left out (wall-clock); ratio ${r.ratio}×`);
}
if (which === 'all' || which === 'api') {
  // BENCH_API_REQUESTS=1000 BENCH_ROUNDS=1 for a quick check
  const r = await apiBench(modules, { cases: Number(process.env['BENCH_CASES'] ?? 20_000), requests: Number(process.env['BENCH_API_REQUESTS'] ?? 3_000), concurrency: Number(process.env['BENCH_CONCURRENCY'] ?? 100), rounds: Number(process.env['BENCH_ROUNDS'] ?? 2) });
  if (!r) console.log('api: skipped (needs a PostgreSQL server: TEST_DATABASE_URL=postgres://… or DATABASE_URL=postgres://…, on which it creates and drops its own database)');
  else {
    console.log(`api: ${r.cases} enforcement cases (${r.inScope} in the clerk's scope, ${r.searchHits} found by "${r.keyword}"), ${r.concurrency} clients in a closed loop, ${r.requests} requests a round, best of the rounds; SQL statements per request: session ${r.statements.session} (its first request ${r.statements.firstSession}), list ${r.statements.list}, search ${r.statements.search}, detail ${r.statements.detail}`);
    for (const x of Object.values(r.runs)) console.log(`  ${x.name.padEnd(20)} ${String(x.rps).padStart(6)} req/s  p50 ${x.p50} ms  p95 ${x.p95} ms  p99 ${x.p99} ms${x.errors ? `  (${x.errors} errors)` : ''}`);
    for (const k of ['list', 'search', 'detail']) {
      const app = r.runs[`app ${k}`];
      const bare = r.runs[`bare ${k}`];
      if (!app || !bare) continue;
      const ratio = Math.round((app.rps / bare.rps) * 100);
      console.log(`  ${k}: app ${ratio} % of the bare server's throughput (target ≥ 50 %), p99 ${app.p99} ms (target < 100 ms)`);
      if (ratio < 50 || app.p99 >= 100) process.exitCode = 1;
    }
  }
}
if (which === 'all' || which === 'embedded') {
  const r = await embeddedBench(modules, { concurrency: Number(process.env['BENCH_CONCURRENCY_EMBEDDED'] ?? 50), writers: Number(process.env['BENCH_WRITERS'] ?? 5), requests: Number(process.env['BENCH_API_REQUESTS'] ?? 3_000) });
  // one connection: `concurrency` clients in a closed loop wait on average `concurrency` times what one request costs it
  const bound = Math.round(r.dbMsPerList * r.concurrency);
  console.log(`embedded: the demo instance on PGlite (${r.inScope} cases in the clerk's scope), ${r.concurrency} clients in a closed loop; one list request's ${r.statements} statements cost the connection ${r.dbMsPerList} ms back to back, so ${r.concurrency} clients wait ≥ ${bound} ms on average and get ≤ ${Math.round(1000 / r.dbMsPerList)} req/s`);
  for (const x of [r.list, r.listBesideWrites]) console.log(`  ${x.name.padEnd(20)} ${String(x.rps).padStart(6)} req/s (${Math.round((x.rps * r.dbMsPerList) / 10)} % of the bound)  p50 ${x.p50} ms (${Math.round((x.p50 / Math.max(bound, 1)) * 10) / 10}× the bound)  p95 ${x.p95} ms  p99 ${x.p99} ms (target < 300 ms)${x.errors ? `  (${x.errors} errors)` : ''}`);
  console.log(`  writes beside them   ${r.writes.count} saves by ${r.writers} clients (read, then write back with the version; synced to disk at commit)  p50 ${r.writes.p50} ms  p99 ${r.writes.p99} ms${r.writes.errors ? `  (${r.writes.errors} not 200)` : ''}`);
  if (r.list.p99 >= 300 || r.listBesideWrites.p99 >= 300) process.exitCode = 1;
}
if (which === 'all' || which === 'search') {
  const r = await searchBench(modules, { cases: Number(process.env['BENCH_SEARCH_CASES'] ?? 1_000_000), rounds: Number(process.env['BENCH_ROUNDS'] ?? 20) });
  if (!r) console.log('search: skipped (needs a PostgreSQL server: TEST_DATABASE_URL=postgres://… or DATABASE_URL=postgres://…, on which it creates and drops its own database)');
  else {
    console.log(`search: ${r.cases} enforcement cases in ${r.towns} towns (generated in ${r.loadSeconds} s, ${r.rowsPerSecond} rows/s with the tally's triggers and the full-text index); each query through the app's list function, best-of-none: every round counted`);
    for (const x of r.queries) {
      const rank = x.expected === null ? '' : x.first === x.expected ? '  first: the exact match' : `  first: ${x.first} (NOT the exact match)`;
      console.log(`  ${x.scope} ${x.kind.padEnd(10)} ${x.q.padEnd(18)} ${String(x.hits).padStart(8)}${x.capped ? '+' : ' '} hits  p95 ${x.p95} ms (lower bound ${x.lowerP95} ms)${rank}`);
      if (x.expected !== null && x.first !== x.expected) process.exitCode = 1;
    }
    console.log(`  all queries: p95 ${r.p95} ms (target < 100 ms); the lower bound's p95 ${r.lowerP95} ms; ratio ${Math.round((r.p95 / Math.max(r.lowerP95, 0.1)) * 10) / 10}×`);
    if (r.p95 >= 100) process.exitCode = 1;
  }
}
if (which === 'all' || which === 'rollup') {
  const r = await rollupBench(modules, { records: Number(process.env['BENCH_PROVINCE_RECORDS'] ?? 10_000_000), rounds: Number(process.env['BENCH_ROUNDS'] ?? 3) });
  if (!r) console.log('rollup: skipped (needs a PostgreSQL server: TEST_DATABASE_URL=postgres://… or DATABASE_URL=postgres://…, on which it creates and drops its own database)');
  else {
    console.log(`rollup: a province of ${r.towns} towns, ${r.records} records in ${r.tables} ledgers (generated in ${r.loadSeconds} s, ${r.rowsPerSecond} rows/s); best of the rounds, wall-clock:`);
    for (const [k, v] of Object.entries(r.parts)) console.log(`  ${k}: ${v} ms`);
    console.log(`  county report ${r.countyReport} ms (target < 1 000 ms), ${Math.round((r.countyReport / Math.max(1, r.countyLower)) * 10) / 10}× counting the county's records; province overview ${r.provinceOverview} ms (target < 3 000 ms), ${Math.round((r.provinceOverview / Math.max(1, r.provinceLower)) * 100) / 100}× one count(*) … group by scan of each source table`);
    if (r.countyReport >= 1000 || r.provinceOverview >= 3000) process.exitCode = 1;
  }
}
