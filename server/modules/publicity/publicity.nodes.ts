/**
 * the legal-publicity calendar (普法宣传节点): statutory or officially designated days, weeks and months around
 * which towns run their publicity; `months` is when an activity for the node can take place, `day` the date itself
 */
export interface LegalNode {
  name: string;
  months: readonly number[];
  day?: number;
}

export const LEGAL_NODES = [
  { name: '日常宣传', months: [] },
  // 国务院 2020: 中国人民警察节 on 1月10日
  { name: '1·10 中国人民警察节', months: [1], day: 10 },
  { name: '春节、元宵节期间', months: [1, 2, 3] },
  { name: '3·5 学雷锋纪念日', months: [3], day: 5 },
  { name: '3·8 国际妇女节', months: [3], day: 8 },
  { name: '3·15 国际消费者权益日', months: [3], day: 15 },
  // 3月最后一个周一
  { name: '全国中小学生安全教育日', months: [3, 4] },
  // 国家安全法 art. 14
  { name: '4·15 全民国家安全教育日', months: [4], day: 15 },
  { name: '4·26 世界知识产权日', months: [4], day: 26 },
  // 中宣部、司法部、全国普法办 since 2021: every May
  { name: '民法典宣传月（5月）', months: [5], day: 1 },
  { name: '5·12 全国防灾减灾日', months: [5], day: 12 },
  { name: '5·15 全国打击和防范经济犯罪宣传日', months: [5], day: 15 },
  { name: '6·1 国际儿童节', months: [5, 6], day: 1 },
  { name: '安全生产月（6月）', months: [6], day: 1 },
  { name: '防范非法集资宣传月（6月）', months: [6], day: 1 },
  { name: '6·5 世界环境日', months: [6], day: 5 },
  { name: '6·25 全国土地日', months: [6], day: 25 },
  { name: '6·26 国际禁毒日', months: [6], day: 26 },
  // 国防教育法 art. 14: 9月第三个星期六
  { name: '全民国防教育日（9月）', months: [9] },
  { name: '国家网络安全宣传周（9月）', months: [9] },
  { name: '11·9 全国消防日', months: [11], day: 9 },
  { name: '12·2 全国交通安全日', months: [12], day: 2 },
  // 全国人大常委会 2014: 国家宪法日 12月4日; 宪法宣传周 around it
  { name: '12·4 国家宪法日（宪法宣传周）', months: [11, 12], day: 4 },
  { name: '其他节点', months: [] },
] as const satisfies readonly LegalNode[];

export type LegalNodeName = (typeof LEGAL_NODES)[number]['name'];
export const NODE_NAMES: readonly LegalNodeName[] = LEGAL_NODES.map((n) => n.name);

const byName = new Map<string, LegalNode>(LEGAL_NODES.map((n) => [n.name, n]));

/** true when an activity on `date` (ISO) can belong to the node; nodes without months fit any date */
export function nodeFitsDate(node: string, date: string): boolean {
  const n = byName.get(node);
  if (!n || n.months.length === 0) return true;
  const month = Number(date.slice(5, 7));
  return n.months.includes(month);
}

/** nodes with a fixed date falling within the next `days` days after `today` (inclusive), earliest first */
export function upcomingNodes(today: string, days: number): Array<{ name: string; date: string }> {
  const start = Date.parse(`${today}T00:00:00Z`);
  const end = start + days * 86_400_000;
  const year = Number(today.slice(0, 4));
  const out: Array<{ name: string; date: string }> = [];
  for (const n of LEGAL_NODES as readonly LegalNode[]) {
    if (n.day === undefined) continue;
    const month = n.months.at(-1) ?? 1;
    for (const y of [year, year + 1]) {
      const date = `${y}-${String(month).padStart(2, '0')}-${String(n.day).padStart(2, '0')}`;
      const t = Date.parse(`${date}T00:00:00Z`);
      if (t >= start && t <= end) out.push({ name: n.name, date });
    }
  }
  return out.sort((a, b) => a.date.localeCompare(b.date));
}
