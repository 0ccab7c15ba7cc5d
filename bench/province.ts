import pg from 'pg';
import type { LedgerDef } from '../server/platform/ledger/ledger.types.ts';
import { searchText } from '../server/platform/ledger/search.ts';
import { valueSql } from './report.bench.ts';

// issue 23: a province for the benchmarks — ~14 cities, ~100 counties, ~1 300 towns — and its records, generated
// inside PostgreSQL (`insert … select … from generate_series`): nothing crosses the wire but the statement, which
// is what COPY saves over row-by-row inserts, without a client encoding millions of rows. Reusable by every bench.

export const PROVINCE = '990000000000';

const CITY_NAMES = ['江州', '临川', '青阳', '东平', '南湖', '西岭', '北安', '华容', '云溪', '丰泽', '宁远', '安平', '清河', '永和', '长乐', '新田'];
const PLACE = ['城关', '东关', '西关', '南关', '北关', '新城', '河口', '青龙', '白马', '石桥', '柳林', '桃园', '杏花', '金山', '银湖', '龙泉', '凤凰', '黄土', '高岩', '水泉', '杉木', '梅溪', '竹林', '松柏', '青山', '碧水', '红星', '向阳', '太平', '永安', '长岭', '大坪', '小河', '双溪', '三江', '五里', '七星', '九龙', '花园', '云台'];
const TOWN_KIND = ['镇', '镇', '镇', '乡', '街道'];
const SHOPS = ['张记', '李氏', '王家', '刘记', '陈氏', '老杨', '惠民', '兴旺', '鑫源', '顺达', '恒通', '万家', '佳佳', '利民', '新世纪', '金色', '阳光', '好运来', '福满', '康乐'];
const PREMISES = ['五金店', '超市', '餐馆', '副食店', '小吃店', '建材店', '农资店', '烧烤店', '美容店', '网吧', '汽修厂', '废品收购站', '药店', '服装店', '水果店'];
const MATTERS = ['占道经营', '未经许可擅自设置户外广告', '违法建设', '乱倒建筑垃圾', '销售过期食品', '无照经营', '露天焚烧垃圾', '违规销售农药', '未按规定设置消防设施', '噪声扰民', '擅自占用城市绿地', '违规停放车辆', '店外经营', '未办理环评手续', '销售不合格产品', '违规收购废旧金属', '未取得食品经营许可', '非法占用耕地', '擅自砍伐林木', '违规燃放烟花爆竹'];

export interface ProvinceOrgs {
  cities: string[];
  counties: string[];
  towns: Array<{ code: string; name: string; abbr: string; county: string }>;
}

/** the organisation tree: codes 99CCDDTTT000 like the national division codes, names as towns are named */
export async function insertProvince(c: pg.Client, shape: { cities: number; counties: number; towns: number }): Promise<ProvinceOrgs> {
  const rows: Array<[string, string | null, string, string, string]> = [[PROVINCE, null, '基准省', 'province', `/${PROVINCE}/`]];
  const out: ProvinceOrgs = { cities: [], counties: [], towns: [] };
  for (let i = 0; i < shape.cities; i++) {
    const code = `99${String(i + 1).padStart(2, '0')}00000000`;
    out.cities.push(code);
    rows.push([code, PROVINCE, `${CITY_NAMES[i % CITY_NAMES.length]}${i >= CITY_NAMES.length ? i : ''}市`, 'city', `/${PROVINCE}/${code}/`]);
  }
  for (let i = 0; i < shape.counties; i++) {
    const city = out.cities[i % out.cities.length] as string;
    const code = `${city.slice(0, 4)}${String(Math.floor(i / out.cities.length) + 1).padStart(2, '0')}000000`;
    out.counties.push(code);
    rows.push([code, city, `${PLACE[(i * 7) % PLACE.length]}${PLACE[(i * 3 + 1) % PLACE.length]}县`, 'county', `/${PROVINCE}/${city}/${code}/`]);
  }
  for (let i = 0; i < shape.towns; i++) {
    const county = out.counties[i % out.counties.length] as string;
    const nth = Math.floor(i / out.counties.length);
    const code = `${county.slice(0, 6)}${String(nth + 1).padStart(3, '0')}000`;
    // the first town of a county is its 城关镇; the rest take place names, unique within the county
    const abbr = nth === 0 ? '城关' : (PLACE[(nth + i) % PLACE.length] as string);
    const name = `${abbr}${nth === 0 ? '镇' : TOWN_KIND[i % TOWN_KIND.length]}`;
    out.towns.push({ code, name, abbr, county });
    rows.push([code, county, name, 'town', `/${PROVINCE}/${county.slice(0, 4)}00000000/${county}/${code}/`]);
  }
  await c.query(
    'insert into org (code, parent_code, name, kind, path) select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])',
    [0, 1, 2, 3, 4].map((k) => rows.map((r) => r[k])),
  );
  return out;
}

/**
 * `n` enforcement cases spread over the towns (towns differ in size: the busiest has about four times the cases of
 * the quietest), registered through `year`, each with a real-looking 案号 (the town's 机关简称, 综执罚, the year and
 * its own number), 案由 and 违法事实 drawn from 20 shop names × 15 kinds of premises × 20 violations, and the search
 * words the app would have stored (search.ts), so the full-text index is what a real instance builds
 */
export async function insertCases(c: pg.Client, l: LedgerDef, towns: ProvinceOrgs['towns'], n: number, year: number): Promise<void> {
  const templates: Array<[string, string, string]> = [];
  for (let m = 0; m < MATTERS.length; m++) {
    for (let p = 0; p < PREMISES.length; p++) {
      for (let s = 0; s < SHOPS.length; s++) {
        const summary = `${SHOPS[s]}${PREMISES[p]}${MATTERS[m]}案`;
        const facts = `经查，当事人${SHOPS[s]}${PREMISES[p]}经营者存在${MATTERS[m]}的行为，执法人员现场检查并制作笔录，责令其改正。`;
        templates.push([summary, facts, searchText([summary, facts])]);
      }
    }
  }
  await c.query('create temp table bench_tpl (i int primary key, summary text, facts text, words text)');
  await c.query('insert into bench_tpl select * from unnest($1::int[], $2::text[], $3::text[], $4::text[])', [templates.map((_, i) => i), ...[0, 1, 2].map((k) => templates.map((t) => t[k]))]);
  await c.query('create temp table bench_town (i int primary key, code text, abbr text, words text, weight int)');
  // weights 1..4 (a town's share of the cases), laid out as a cumulative table the generator indexes into
  const weights = towns.map((_, i) => 1 + ((i * 7) % 4));
  await c.query('insert into bench_town select * from unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::int[])', [towns.map((_, i) => i), towns.map((t) => t.code), towns.map((t) => t.abbr), towns.map((t) => searchText([`${t.abbr}综执罚〔${year}〕`])), weights]);
  // each row g takes a slot of the cumulative table (busy towns have more) and a template; its number is its rank
  // within its town by date; rows are entered in date order across all towns, as a province's clerks enter them
  await c.query('create temp table bench_slot as select (row_number() over (order by t.i, s) - 1)::int as k, t.i as town from bench_town t, generate_series(1, t.weight) s');
  await c.query('create index on bench_slot (k)');
  const slots = weights.reduce((a, b) => a + b, 0);
  const skip = new Set(['case_no', 'summary', 'facts', 'registered_on']);
  const fields = l.fields.filter((f) => !skip.has(f.name) && !f.numbered && f.type !== 'ref' && !isGenerated(f));
  await c.query(
    `insert into ${l.table} (org_code, case_no, summary, facts, registered_on, matter, ${fields.map((f) => f.name).join(', ')}, search_text, search_tsv, created_by, updated_by)
     select tw.code, tw.abbr || '综执罚〔${year}〕' || x.seq || '号', tp.summary, tp.facts, date '${year}-01-01' + x.d, 1, ${fields.map((f) => valueSql(f, year)).join(', ')},
            w.words, to_tsvector('simple', w.words), 'bench', 'bench'
     from (select g, d, town, tpl, row_number() over (partition by town order by d, g) as seq
           from (select gg::int as g, (gg * 37 % 365)::int as d, sl.town, (abs(hashint8(gg)) % ${templates.length})::int as tpl
                 from generate_series(1, $1::bigint) gg join bench_slot sl on sl.k = (abs(hashint8(gg + 7919)) % ${slots})::int) y) x
     join bench_town tw on tw.i = x.town
     join bench_tpl tp on tp.i = x.tpl
     cross join lateral (select tw.words || ' ' || x.seq || ' 号 ' || tp.words as words) w
     order by x.d, x.g`,
    [n],
  );
  await c.query('drop table bench_tpl, bench_town, bench_slot');
}

/** a field the database computes (a count of other records, a reached flag): never inserted */
const isGenerated = (f: LedgerDef['fields'][number]): boolean => !!f.reached || !!f.counted;
