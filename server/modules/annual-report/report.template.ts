import type { ReportContent } from './report.content.ts';

/**
 * the default template, after the five parts required by 《法治政府建设与责任落实督察工作规定》 art. 25
 * and the sub-headings towns use in practice (see the reference reports); a province adjusts it.
 * A paragraph whose live fields name indicators no installed module declares is left out.
 */
export interface TemplateContext {
  orgName: string;
  parentName: string;
  year: number;
}

// fill-in names an administrator may use in a template's text: {org} {parent} {year} {next_year}
const y = '{year}';
const next = '{next_year}';
const c = { orgName: '{org}', parentName: '{parent}' };

export function defaultTemplate(): ReportContent {
  return {
    title: `${c.orgName}${y}年度法治政府建设工作情况报告`,
    preamble: [
      `${y}年，${c.orgName}在${c.parentName}党委、政府的坚强领导下，坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平法治思想，认真落实党中央、国务院关于法治政府建设的决策部署，扎实推进依法行政，各项工作取得新进展。现将${y}年度法治政府建设工作情况报告如下：`,
    ],
    sections: [
      {
        key: 'measures',
        title: `${y}年推进法治政府建设的主要举措和成效`,
        required: true,
        items: [
          { type: 'heading', text: '强化组织领导，压实法治建设责任' },
          { type: 'para', text: `党委、政府高度重视法治政府建设，全年专题听取法治政府建设工作汇报{{leadership.report_hearings}}，召开理论学习中心组专题学法{{publicity.central_group_sessions}}，研究解决法治建设重大事项、重要问题{{leadership.issues_resolved}}。` },
          { type: 'para', text: '组织开展领导干部述法{{leadership.law_reports}}，将履行推进法治建设第一责任人职责情况纳入年终述职内容。' },
          { type: 'heading', text: '依法全面履行政府职能，持续优化营商环境' },
          { type: 'para', text: '建立领导联系企业工作机制，党政主要负责同志参加企业沙龙、座谈等活动{{business-env.salons}}，收集企业问题建议{{business-env.problems}}，已解决{{business-env.problems_resolved}}；研究制定营商环境提升举措{{business-env.measures}}。' },
          { type: 'heading', text: '推进依法科学民主决策，发挥法律顾问作用' },
          { type: 'para', text: '坚持重大事项法律顾问参与制度，全年审查各类合同、协议及其他法律文书{{legal-advisors.reviews}}，其中合同{{legal-advisors.contracts}}、行政规范性文件{{legal-advisors.normdoc_reviews}}、重大行政决策{{legal-advisors.decision_reviews}}、其他法律文书{{legal-advisors.other_reviews}}，出具法律意见书{{legal-advisors.opinions_issued}}，提出法律意见建议{{legal-advisors.suggestions}}；政府合同备案{{legal-advisors.contracts_filed}}；法律顾问列席会议、参与重大事项研究{{legal-advisors.meetings}}。现有法律顾问{{legal-advisors.advisors}}，培育“法律明白人”{{legal-advisors.legal_volunteers}}。' },
          { type: 'heading', text: '强化行政权力制约监督，依法应对复议诉讼' },
          { type: 'para', text: '全年涉及行政复议案件{{reconsideration.reconsiderations}}、行政诉讼案件{{reconsideration.litigations}}，行政机关负责人出庭应诉率{{reconsideration.head_appearance_rate}}，行政诉讼败诉率{{reconsideration.litigation_loss_rate}}。' },
          { type: 'heading', text: '依法有效化解社会矛盾纠纷' },
          { type: 'para', text: '坚持和发展新时代“枫桥经验”，健全人民调解组织网络，现有人民调解委员会{{mediation.committees}}、人民调解员{{mediation.mediators}}。全年排查化解各类矛盾纠纷{{mediation.cases}}，其中{{mediation.cases|parts}}；调解成功{{mediation.succeeded}}，调解成功率{{mediation.success_rate}}，协议涉及金额{{mediation.agreement_amount}}。' },
          { type: 'para', text: '畅通群众诉求表达渠道，全年处理群众信访和投诉{{petitions.cases}}，其中{{petitions.cases|parts}}；按期办结率{{petitions.on_time_rate}}，群众满意率{{petitions.satisfaction_rate}}。' },
          { type: 'para', text: '办理12345政务服务便民热线工单{{petitions.hotline_tickets}}，其中{{petitions.hotline_tickets|parts}}；回访满意率{{petitions.hotline_satisfaction_rate}}。' },
          { type: 'heading', text: '深入开展法治宣传教育' },
          { type: 'para', text: '落实“谁执法谁普法”普法责任制，围绕宪法、民法典等重点法律法规，结合重要法治宣传节点开展普法活动{{publicity.activities}}，惠及群众{{publicity.participants}}，发放宣传资料{{publicity.materials}}。' },
          { type: 'para', text: '加强干部学法用法，组织各类法治培训{{publicity.trainings}}，参训{{publicity.trainees}}；组织年度学法考试，参考率{{publicity.exam_participation_rate}}，优秀率{{publicity.exam_excellent_rate}}。' },
        ],
      },
      {
        key: 'shortcomings',
        title: `${y}年推进法治政府建设存在的不足和原因`,
        required: true,
        items: [
          { type: 'para', text: `一是法治建设工作不够平衡，部分村（社区）矛盾纠纷排查化解不够及时，基层化解能力有待提升。二是法治宣传教育的针对性和实效性有待增强，普法形式仍以传统宣传为主。三是执法、调解、普法等台账资料的规范化、信息化管理水平仍需提高。究其原因，主要是基层法治工作力量相对薄弱，专业人员不足，部分干部运用法治思维和法治方式解决问题的能力还需加强。` },
        ],
      },
      {
        key: 'leadership',
        title: `${y}年党政主要负责人履行推进法治建设第一责任人职责、加强法治政府建设的有关情况`,
        required: true,
        items: [
          { type: 'para', text: '党政主要负责人认真履行推进法治建设第一责任人职责，带头学习贯彻习近平法治思想，把法治政府建设与经济社会发展同部署、同推进、同督促、同考核，对法治建设重要工作亲自部署、重大问题亲自过问、重点环节亲自协调、重要任务亲自督办。' },
          { type: 'para', text: '全年主持召开会议专题听取法治政府建设工作汇报{{leadership.report_hearings}}，研究解决重大问题{{leadership.issues_resolved}}，带头开展述法，严格执行重大决策集体讨论和末位表态制度。' },
        ],
      },
      {
        key: 'plan',
        title: `${next}年推进法治政府建设的主要安排`,
        required: true,
        items: [
          { type: 'para', text: '一是持续深入学习贯彻习近平法治思想，压紧压实党政主要负责人法治建设第一责任人职责，将法治建设纳入年度工作要点和考核内容。' },
          { type: 'para', text: '二是严格规范公正文明执法，全面落实行政执法三项制度，规范行政裁量权行使，提升执法人员能力素质。' },
          { type: 'para', text: '三是坚持和发展新时代“枫桥经验”，完善矛盾纠纷多元化解机制，把矛盾纠纷化解在基层、化解在萌芽状态。' },
          { type: 'para', text: '四是深入实施“八五”普法规划，落实“谁执法谁普法”责任制，培育壮大“法律明白人”队伍，推进法治乡村建设。' },
        ],
      },
      {
        key: 'other',
        title: '其他需要报告的情况',
        required: false,
        items: [{ type: 'para', text: '无其他需要报告的情况。' }],
      },
    ],
  };
}

/** fills in a template's {org}, {parent}, {year} and {next_year} for one organisation and year */
export function instantiate(template: ReportContent, t: TemplateContext): ReportContent {
  const fill = (s: string): string => s.replaceAll('{org}', t.orgName).replaceAll('{parent}', t.parentName).replaceAll('{next_year}', String(t.year + 1)).replaceAll('{year}', String(t.year));
  return {
    title: fill(template.title),
    preamble: template.preamble.map(fill),
    sections: template.sections.map((s) => ({ ...s, title: fill(s.title), items: s.items.map((i) => ({ ...i, text: fill(i.text) })) })),
  };
}
