import { exportBench } from './export.bench.ts';

/** `npm run bench`: each benchmark prints its figure; ratios are against a lower bound measured in the same run */
const which = process.argv[2] ?? 'all';
if (which === 'all' || which === 'export') {
  const r = await exportBench(Number(process.env['BENCH_ROWS'] ?? 100_000));
  console.log(`export: ${r.rows} rows → ${(r.bytes / 1024 / 1024).toFixed(1)} MB xlsx; peak memory growth ${r.peakMb} MB (limit 300 MB); time ${r.ratio}× a plain keyset scan of the same rows`);
  if (r.peakMb > 300) process.exitCode = 1;
}
