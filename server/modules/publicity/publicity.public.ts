import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import type { Api } from '../../platform/http/route.ts';
import type { Platform } from '../../platform/module.ts';
import { chinaDate } from '../../platform/workflow/workflow.engine.ts';
import { activityLedger, dutyLedger } from './publicity.ledgers.ts';

const iso = (v: unknown): string => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10));
const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : typeof v === 'string' ? (JSON.parse(v) as string[]) : []);

/**
 * “谁执法谁普法”普法责任清单 on the public site: each government's issued list, unit by unit, with the activities held
 * under each duty (the records its figure counts). No personal data: neither the leaders, the liaison officers and
 * their phones, nor the free-text remarks and summaries
 */
export function publicPublicityRoutes(api: Api, platform: Platform): void {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- ledger tables are declared at run time
  const db = platform.db as unknown as Kysely<any>;
  api.route({
    method: 'GET',
    url: '/api/public/publicity/duties',
    access: 'public',
    summary: '“谁执法谁普法”普法责任清单及各责任单位已开展的普法活动',
    tags: ['公开'],
    query: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }),
    labels: { year: '责任年度' },
    handler: async (ctx, { query }) => {
      const today = chinaDate(ctx.now);
      // a list is public once issued; withdrawn records never are
      const issued = db.selectFrom(`${dutyLedger.table} as d`).where('d.status', '=', 'active').where('d.issued_on', '<=', today);
      const years = (await issued.select('d.year').distinct().orderBy('d.year', 'desc').execute()).map((r) => Number(r['year']));
      const year = query.year ?? years[0] ?? Number(today.slice(0, 4));
      const duties = await issued
        .innerJoin('org', (j) => j.on('org.code', '=', sql<string>`split_part(d.org_code, '-', 1)`))
        .select(['d.id', 'org.code as org_code', 'org.name as org_name', 'd.unit', 'd.year', 'd.issued_on', 'd.laws', 'd.audiences', 'd.nodes', 'd.tasks', 'd.frequency', 'd.planned_times', 'd.done_times', 'd.opening_times', 'd.opening_source', 'd.completed'])
        .where('d.year', '=', year)
        .orderBy('org.code')
        .orderBy('d.id')
        .execute();
      const ids = duties.map((d) => Number(d['id']));
      const activities = ids.length
        ? await db
            .selectFrom(`${activityLedger.table} as a`)
            .select(['a.id', 'a.duty_id', 'a.held_on', 'a.title', 'a.node', 'a.form', 'a.village', 'a.participants'])
            .where('a.status', '=', 'active')
            .where('a.duty_id', 'in', ids)
            .orderBy('a.held_on')
            .orderBy('a.id')
            .execute()
        : [];
      const byDuty = new Map<number, Array<Record<string, unknown>>>();
      for (const a of activities) {
        const key = Number(a['duty_id']);
        byDuty.set(key, [...(byDuty.get(key) ?? []), { id: Number(a['id']), heldOn: iso(a['held_on']), title: String(a['title']), node: String(a['node']), form: String(a['form']), village: (a['village'] as string | null) ?? null, participants: Number(a['participants'] ?? 0) }]);
      }
      return {
        year,
        years,
        items: duties.map((d) => ({
          id: Number(d['id']),
          orgCode: String(d['org_code']),
          orgName: String(d['org_name']),
          unit: String(d['unit']),
          year: Number(d['year']),
          issuedOn: iso(d['issued_on']),
          laws: list(d['laws']),
          audiences: list(d['audiences']),
          nodes: list(d['nodes']),
          tasks: String(d['tasks']),
          frequency: String(d['frequency']),
          plannedTimes: Number(d['planned_times']),
          doneTimes: Number(d['done_times'] ?? 0),
          openingTimes: d['opening_times'] === null ? null : Number(d['opening_times']),
          openingSource: (d['opening_source'] as string | null) ?? null,
          completed: d['completed'] === true,
          activities: byDuty.get(Number(d['id'])) ?? [],
        })),
      };
    },
  });
}
