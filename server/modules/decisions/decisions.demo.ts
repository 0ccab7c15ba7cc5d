import { addDays, dateBetween, demoWindow, DEMO_TOWN_CODES, personName, rng, type Rng } from '../../demo/fake.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { seedLedger } from '../../platform/ledger/ledger.seed.ts';
import type { Platform } from '../../platform/module.ts';
import { DEFAULT_FILING_DAYS, decisionComputed, DONE, normdocComputed, normdocPeriodProblem, SKIPPED } from './decisions.rules.ts';

const COUNTY = '999001000000';
const SHORT: Record<string, string> = { [COUNTY]: '演府', '999001001000': '城关府', '999001002000': '清溪府', '999001003000': '石桥府' };
const TOWN: Record<string, string> = { [COUNTY]: '演示县', '999001001000': '城关镇', '999001002000': '清溪镇', '999001003000': '石桥乡' };

const DECISION_TOPICS: ReadonlyArray<readonly [string, string, string]> = [
  ['集镇污水管网改造工程', '重大公共建设项目', '规划建设办'],
  ['农村人居环境整治提升实施方案', '生态环境保护', '农业农村办'],
  ['老旧小区改造实施方案', '重大公共建设项目', '规划建设办'],
  ['国土空间规划（村庄规划）编制', '经济社会发展规划', '自然资源所'],
  ['集体经营性建设用地入市方案', '资源开发利用', '自然资源所'],
  ['农贸市场迁建项目', '重大公共建设项目', '经济发展办'],
  ['特色产业发展扶持办法', '公共服务重大措施', '经济发展办'],
  ['养老服务中心建设运营方案', '公共服务重大措施', '社会事务办'],
  ['河道综合治理工程', '生态环境保护', '农业农村办'],
  ['中小学校舍布局调整方案', '公共服务重大措施', '社会事务办'],
  ['垃圾分类处理设施建设', '生态环境保护', '规划建设办'],
  ['乡村旅游发展规划', '经济社会发展规划', '经济发展办'],
  ['饮用水水源地保护方案', '生态环境保护', '农业农村办'],
  ['征收土地补偿安置方案', '资源开发利用', '自然资源所'],
];

const DOC_TOPICS = ['农村宅基地管理办法', '城乡居民医疗救助实施细则', '市场主体培育扶持办法', '建设工程领域农民工工资支付管理规定', '城镇住房保障管理办法', '农村集体资产管理办法', '森林防火管理规定', '城市管理考核办法', '政府投资项目管理办法', '惠企政策兑现办法', '殡葬管理实施办法', '安全生产责任制实施细则', '耕地保护补偿办法', '公共资源交易管理办法', '困难群众救助实施细则', '物业管理办法', '民宿管理暂行办法', '城镇燃气管理规定'];
const DRAFTING_UNITS = ['县司法局', '县发展和改革局', '县自然资源局', '县住房和城乡建设局', '县农业农村局', '县民政局', '县市场监督管理局', '县人力资源和社会保障局', '县财政局', '县应急管理局'];

type Row = { orgCode: string; values: Record<string, unknown> };

/** town and county decision catalogs (3–8 decisions a year, every procedure recorded), comments, normative documents and a cleanup */
export async function seedDecisionsDemo(ctx: Ctx, platform: Platform): Promise<void> {
  const w = demoWindow(ctx.now);
  const today = w.to;
  const r = rng('decisions');
  const orgs = [COUNTY, ...DEMO_TOWN_CODES];

  const catalog: Row[] = [];
  const plans: Array<{ org: string; year: number; topic: readonly [string, string, string]; open: boolean }> = [];
  for (const org of orgs) {
    const topics = [...DECISION_TOPICS].sort(() => r.next() - 0.5);
    for (const year of w.years) {
      const n = r.int(3, org === COUNTY ? 8 : 6);
      const listed = `${year}-02-${String(r.int(10, 27)).padStart(2, '0')}`;
      if (listed > today) continue;
      for (let i = 0; i < n; i++) {
        const topic = topics[(i + year) % topics.length] ?? DECISION_TOPICS[0];
        if (!topic) continue;
        const title = `${TOWN[org]}${topic[0]}`;
        catalog.push({ orgCode: org, values: { year, title, proposing_unit: org === COUNTY ? '县人民政府办公室' : topic[2], kind: topic[1], planned_time: `${year}年第${r.int(2, 4)}季度`, listed_on: listed, catalog_status: '已公布', approved_on: addDays(listed, 7), party_approved_on: addDays(listed, 10), party_approval: org === COUNTY ? `县委常委会会议纪要〔${year}〕2号` : `镇党委会议纪要〔${year}〕2号`, published_on: addDays(listed, 12) } });
        // the last item of this year's catalog is still open for comment on the public site
        plans.push({ org, year, topic, open: year === w.years.at(-1) && i === n - 1 });
      }
    }
  }
  const catalogIds = await seedLedger(ctx, platform, 'decisions.catalog_item', catalog);

  const decisions: Row[] = plans.map((p, i) => decisionRow(r, p.org, p.year, String(catalog[i]?.values['title']), p.topic, catalogIds[i] ?? null, p.open, today));
  const decisionIds = await seedLedger(ctx, platform, 'decisions.decision', decisions);

  const comments: Row[] = [];
  decisions.forEach((d, i) => {
    const v = d.values;
    if (v['draft_published'] !== true) return;
    const n = r.int(0, 6);
    for (let k = 0; k < n; k++) {
      const submitted = dateBetween(r, String(v['comment_from']), minDate(String(v['comment_to']), today));
      const decided = Boolean(v['decided_on']);
      const handling = decided ? r.weighted([['采纳', 3], ['部分采纳', 2], ['未采纳', 3]] as const) : null;
      const text = r.pick(['建议增加对低收入群体的补助标准', '建议明确项目实施期间的交通疏导措施', '建议延长过渡期，给经营户留出调整时间', '建议公开项目资金来源和预算', '希望尽快实施，并加强施工期间安全管理', '建议听取周边村民意见后再确定选址']);
      comments.push({
        orgCode: d.orgCode,
        values: {
          decision: decisionIds[i],
          summary: text,
          content: `${text}。`,
          channel: r.weighted([['网站', 6], ['信函', 1], ['座谈会', 2]] as const),
          submitter_name: r.chance(0.6) ? personName(r) : null,
          submitted_on: submitted,
          ...(handling ? { handling, answer: handling === '未采纳' ? '该意见与上位法规定不一致，未予采纳，已作说明。' : '已吸收该意见，对草案相关条款作了修改。', answered_on: addDays(String(v['comment_to']), 5) > today ? today : addDays(String(v['comment_to']), 5), answer_published: true } : {}),
        },
      });
    }
  });
  await seedLedger(ctx, platform, 'decisions.comment', comments);

  await seedNormdocs(ctx, platform, r, orgs, w.years, today);
}

function minDate(a: string, b: string): string {
  return a < b ? a : b;
}

function decisionRow(r: Rng, org: string, year: number, title: string, topic: readonly [string, string, string], catalogId: number | null, open: boolean, today: string): Row {
  const leader = org === COUNTY ? '陈立新' : r.pick(['刘永强', '张国平', '黄志明']);
  const members = Array.from({ length: r.int(4, 7) }, () => personName(r));
  const started = open ? addDays(today, -r.int(30, 45)) : dateBetween(r, `${year}-03-01`, `${year}-06-30`);
  const commentFrom = open ? addDays(today, -10) : addDays(started, r.int(10, 20));
  const short = !open && r.chance(0.08);
  const commentTo = addDays(commentFrom, short ? 19 : r.int(29, 35));
  const pp = r.chance(0.9) || open;
  const values: Record<string, unknown> = {
    title,
    catalog_item: catalogId,
    kind: topic[1],
    proposing_unit: org === COUNTY ? '县人民政府办公室' : topic[2],
    started_on: started,
    summary: `为推进${title}，承办单位在调查研究的基础上拟订了决策草案，主要内容包括实施范围、实施步骤、资金保障和责任分工。`,
    pp_result: pp ? DONE : SKIPPED,
    ...(pp
      ? { draft_published: true, comment_from: commentFrom, comment_to: commentTo, ...(short ? { comment_short_reason: '因汛期临近、工程须在汛前开工，征求意见期限缩短为20日' } : {}) }
      : { pp_skip_reason: '决策事项涉及国家秘密，依法不公开征求意见' }),
  };
  // the draft went to the legality review alongside the public comment
  if (open) return { orgCode: org, values: { ...values, lr_submitted_on: addDays(commentFrom, -8) } };
  const afterComment = pp ? commentTo : addDays(started, 20);
  if (pp) Object.assign(values, { pp_date: afterComment, pp_evidence: '通过政府网站公开征求意见，召开座谈会1次，收集意见已逐条研究并公开采纳情况。' });
  const er = r.chance(0.7);
  Object.assign(values, er ? { er_result: DONE, er_date: addDays(afterComment, 3), er_evidence: '邀请3名相关领域专家召开论证会，形成专家论证意见。' } : { er_result: SKIPPED, er_skip_reason: '不涉及专业性、技术性较强的问题' });
  const ra = r.chance(0.75);
  Object.assign(values, ra ? { ra_result: DONE, ra_date: addDays(afterComment, 5), ra_evidence: '开展社会稳定风险评估，风险等级为低风险，提出防范措施。' } : { ra_result: SKIPPED, ra_skip_reason: '经初步研判，不涉及社会稳定、公共安全等重大风险' });
  const lr = addDays(afterComment, r.int(7, 12));
  const cd = addDays(lr, r.int(3, 10));
  Object.assign(values, {
    lr_submitted_on: addDays(lr, -r.int(16, 20)),
    lr_date: lr,
    lr_evidence: '经司法所（法律顾问）合法性审查，出具合法性审查意见书，认为草案合法。',
    lr_conclusion: '合法',
    cd_date: cd,
    cd_meeting: org === COUNTY ? '县人民政府常务会议' : '党委会议',
    participants: [...members, leader].join('、'),
    speaking_order: [...members, leader].join('、'),
    principal_leader: leader,
    cd_evidence: `会议听取了承办单位汇报，参会人员逐一发表意见，主要负责人末位表态，会议同意${title}。`,
  });
  if (cd > today) return { orgCode: org, values: { ...values, ...decisionComputed(values) } };
  const published = addDays(cd, r.int(3, 10));
  Object.assign(values, { decided_on: cd, decision_result: r.chance(0.85) ? '通过' : '修改后通过', doc_no: `${SHORT[org]}发〔${year}〕${r.int(10, 99)}号` });
  if (published <= today) Object.assign(values, { published_on: published, archived_on: addDays(published, 20) > today ? null : addDays(published, 20) });
  if (year < Number(today.slice(0, 4)) && r.chance(0.4)) Object.assign(values, { evaluated_on: `${year + 1}-0${r.int(1, 3)}-15` > today ? null : `${year + 1}-0${r.int(1, 3)}-15`, evaluation: '决策实施情况良好，达到预期目标，建议继续执行。' });
  if (!values['evaluated_on']) delete values['evaluation'];
  return { orgCode: org, values: { ...values, ...decisionComputed(values) } };
}

const draftSummary = (title: string): string => `《${title}（征求意见稿）》共五章二十条，明确了适用范围、职责分工、办理程序、监督管理和施行日期。起草单位在调查研究和听取村（居）民代表意见的基础上形成本稿，现公开征求社会公众意见。`;

async function seedNormdocs(ctx: Ctx, platform: Platform, r: Rng, orgs: readonly string[], years: readonly number[], today: string): Promise<void> {
  const first = (years[0] ?? Number(today.slice(0, 4))) - 5;
  const last = years.at(-1) ?? Number(today.slice(0, 4));
  const docs: Row[] = [];
  for (const org of orgs) {
    for (let year = first; year <= last; year++) {
      const n = org === COUNTY ? r.int(34, 40) : r.int(0, 5);
      for (let i = 1; i <= n; i++) {
        const draft = dateBetween(r, `${year}-01-05`, `${year}-11-30`);
        if (draft > addDays(today, -5)) continue;
        const business = r.chance(0.3);
        const from = addDays(draft, r.int(5, 15));
        let to = addDays(from, business ? r.int(30, 35) : r.int(14, 20));
        while (normdocPeriodProblem({ comment_from: from, comment_to: to, affects_business: business }) !== null) to = addDays(to, 3);
        const values: Record<string, unknown> = { title: `${TOWN[org]}${r.pick(DOC_TOPICS)}`, drafting_unit: org === COUNTY ? r.pick(DRAFTING_UNITS) : '党政办公室', draft_on: draft, affects_business: business };
        if (from > today) {
          docs.push({ orgCode: org, values });
          continue;
        }
        Object.assign(values, { comment_from: from, comment_to: to, draft_summary: draftSummary(String(values['title'])) });
        const review = addDays(to, r.int(3, 10));
        const deliberation = addDays(review, r.int(3, 10));
        const publish = addDays(deliberation, r.int(2, 10));
        if (publish > today) {
          if (review <= today) Object.assign(values, { legality_review_on: review, legality_conclusion: '合法', legality_opinion: '经审核，该文件制定主体合法，内容不违反法律、法规、规章和上级文件规定，程序符合要求。' });
          docs.push({ orgCode: org, values });
          continue;
        }
        const validUntil = addDays(publish, r.chance(0.9) ? 5 * 365 : 3 * 365);
        Object.assign(values, {
          comment_summary: '收到意见若干条，已采纳合理部分。',
          legality_review_on: review,
          legality_conclusion: r.chance(0.8) ? '合法' : '修改后合法',
          legality_opinion: '经审核，该文件制定主体合法，内容不违反法律、法规、规章和上级文件规定，程序符合要求。',
          deliberation_on: deliberation,
          deliberation_meeting: org === COUNTY ? '县人民政府常务会议' : '镇（乡）人民政府常务会议',
          doc_no: `${SHORT[org]}规〔${year}〕${i}号`,
          publish_on: publish,
          valid_until: validUntil,
          effect: validUntil < today ? '已失效' : '现行有效',
          ...(validUntil < today ? { effect_changed_on: addDays(validUntil, 1), effect_reason: '有效期届满自动失效' } : {}),
        });
        // most are filed within the period; a few late; those just published may not be filed yet
        const late = r.chance(0.06);
        const filed = addDays(publish, late ? r.int(33, 55) : r.int(5, 25));
        // a town files with the county government, which reviews it (备案审查); the county also files with its standing committee
        if (filed <= today) Object.assign(values, { filed_on: filed, filed_to: org === COUNTY ? ['上一级人民政府', '本级人大常委会'] : ['上一级人民政府'] });
        if (filed <= today && org !== COUNTY && addDays(filed, 20) <= today)
          Object.assign(values, { filing_received_on: addDays(filed, 2), filing_review_on: addDays(filed, 15), filing_conclusion: '合法', filing_opinion: '经审查，该文件制定主体、权限、内容和程序符合规定，予以备案。' });
        else if (filed <= today && org !== COUNTY && addDays(filed, 2) <= today) Object.assign(values, { filing_received_on: addDays(filed, 2) });
        Object.assign(values, normdocComputed(values, DEFAULT_FILING_DAYS));
        docs.push({ orgCode: org, values });
      }
    }
  }
  // last year's cleanup: every document then in force is kept, amended or repealed, with a reason
  const cleanupOn = `${last - 1}-09-15`;
  const cleanupIdx: Array<{ i: number; result: '继续有效' | '修改' | '废止' }> = [];
  docs.forEach((d, i) => {
    const v = d.values;
    if (!v['publish_on'] || String(v['publish_on']) >= cleanupOn || String(v['valid_until']) <= cleanupOn) return;
    const result = r.weighted([['继续有效', 78], ['修改', 5], ['废止', 17]] as const);
    cleanupIdx.push({ i, result });
    if (result === '废止') Object.assign(v, { effect: '已废止', effect_changed_on: cleanupOn, effect_reason: '清理中决定废止：调整对象已消失或与上位法不一致' });
    if (result === '修改' && v['effect'] === '现行有效') Object.assign(v, { effect: '已修改', effect_changed_on: cleanupOn, effect_reason: '清理中决定修改：部分条款与新修订的上位法不一致' });
  });
  // in each town the latest filing is with the county for 备案审查 (received, not yet concluded)
  for (const org of orgs.filter((o) => o !== COUNTY)) {
    const last = docs.filter((d) => d.orgCode === org && d.values['filing_conclusion'] === '合法').at(-1);
    if (last) for (const f of ['filing_review_on', 'filing_conclusion', 'filing_opinion']) delete last.values[f];
  }
  // and one draft whose comment period has just ended waits for its legality review (listed first)
  const waiting: Row[] = orgs
    .filter((o) => o !== COUNTY)
    .map((org) => {
      const to = addDays(today, -3);
      let from = addDays(to, -12);
      while (normdocPeriodProblem({ comment_from: from, comment_to: to, affects_business: false }) !== null) from = addDays(from, -1);
      const title = `${TOWN[org]}${DOC_TOPICS[1]}`;
      return { orgCode: org, values: { title, drafting_unit: '党政办公室', draft_on: addDays(from, -7), affects_business: false, comment_from: from, comment_to: to, draft_summary: draftSummary(title) } };
    });
  docs.unshift(...waiting);
  for (const c of cleanupIdx) c.i += waiting.length;
  // each town has one draft out for public comment now
  for (const org of orgs.filter((o) => o !== COUNTY)) {
    const from = addDays(today, -3);
    let to = addDays(from, 12);
    while (normdocPeriodProblem({ comment_from: from, comment_to: to, affects_business: false }) !== null) to = addDays(to, 1);
    const title = `${TOWN[org]}${DOC_TOPICS[0]}`;
    docs.push({ orgCode: org, values: { title, drafting_unit: '党政办公室', draft_on: addDays(from, -7), affects_business: false, comment_from: from, comment_to: to, draft_summary: draftSummary(title) } });
  }
  const ids = await seedLedger(ctx, platform, 'normdocs.document', docs);
  const reasons = { 继续有效: '符合现行法律法规和上级政策，继续执行', 修改: '部分条款与新修订的上位法不一致，需修改', 废止: '调整对象已消失或与上位法不一致，决定废止' } as const;
  await seedLedger(
    ctx,
    platform,
    'normdocs.cleanup',
    cleanupIdx.map(({ i, result }) => ({ orgCode: docs[i]?.orgCode ?? COUNTY, values: { campaign_year: last - 1, campaign: `${last - 1}年度规范性文件集中清理`, document: ids[i], result, reason: reasons[result], reviewed_on: cleanupOn } })),
  );
}
