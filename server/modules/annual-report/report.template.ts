import type { ReportContent, ReportItem } from './report.content.ts';

/**
 * the default templates, one per level, after the five parts required by 《法治政府建设与责任落实督察工作规定》
 * art. 25 and the sub-headings the best town reports use (see the reference reports); a province adjusts them.
 * Every work area has its paragraph with its figures as live fields. A paragraph's `none` is printed instead when its
 * first figure has nothing to count (本年度未发生…), and a clause in [[…]] is left out when a figure in it has nothing
 * to count, so no report prints 0 or 0% as an achievement. A paragraph whose live fields name indicators no installed
 * module declares is left out.
 */
export interface TemplateContext {
  orgName: string;
  parentName: string;
  year: number;
}

/** a town (or a department reporting to the county) writes of its own work; a county of the whole county's */
export type TemplateLevel = 'town' | 'county';

export const TEMPLATE_LEVELS: Record<TemplateLevel, string> = { town: '乡镇（街道）及县级部门', county: '县（市、区）' };

// fill-in names an administrator may use in a template's text: {org} {parent} {year} {next_year}
const y = '{year}';
const next = '{next_year}';
const org = '{org}';
const parent = '{parent}';

const h = (text: string): ReportItem => ({ type: 'heading', text });
const p = (text: string, none?: string): ReportItem => (none ? { type: 'para', text, none } : { type: 'para', text });

/** the work areas' paragraphs; `all` is how the text names the whole (全镇 / 全县), `we` the reporting body */
function workAreas(level: TemplateLevel): ReportItem[] {
  const all = level === 'county' ? '全县' : '全年';
  const we = level === 'county' ? '县委、县政府' : '党委、政府';
  return [
    h('强化组织领导，压实法治建设责任'),
    p(`${we}高度重视法治政府建设，全年专题听取法治政府建设工作情况汇报{{leadership.report_hearings}}[[，党政主要负责人主持研究法治建设{{leadership.principal_chaired}}]][[；召开理论学习中心组专题学法{{publicity.central_group_sessions}}]][[，专题学习习近平法治思想{{publicity.xi_thought_sessions}}]][[；研究法治建设重大事项、重要问题{{leadership.issues_raised}}]][[，已解决{{leadership.issues_resolved}}]]。`, `${we}高度重视法治政府建设，将其纳入经济社会发展全局统筹推进；本年度未召开专题听取法治政府建设工作情况汇报的会议，此项工作须在下一年度切实加强。`),
    p(`落实领导干部述法制度，组织开展述法{{leadership.law_reports}}[[，其中党政主要负责人述法{{leadership.principal_law_reports}}]][[，述法覆盖率{{leadership.law_report_coverage}}]][[，评议等次为“好”的{{leadership.law_reports_good}}]]，将履行推进法治建设第一责任人职责情况纳入年终述职内容。`, '本年度未组织开展领导干部述法，将在下一年度把述法纳入年终述职内容。'),
    level === 'county'
      ? p(`组织开展对各乡镇（街道）的法治建设年度考核{{evaluation.rounds}}[[，参加考核单位{{evaluation.results}}]][[；下达法治建设任务{{evaluation.tasks}}]][[，完成率{{evaluation.task_completion_rate}}]]，以考核促进法治建设责任落实。`, '本年度未组织开展对各乡镇（街道）的法治建设年度考核，考核督促作用须在下一年度切实加强。')
      : p(`在${parent}组织的法治建设年度考核中，考核得分{{evaluation.score}}[[，在参加考核的单位中排名第{{evaluation.rank}}]][[；承担法治建设任务{{evaluation.tasks}}]][[，完成率{{evaluation.task_completion_rate}}]]。`, `${parent}本年度的法治建设年度考核尚未结束或未组织，考核结果待确定。`),
    h('依法全面履行政府职能，持续优化法治化营商环境'),
    p(`建立领导联系企业工作机制，党政主要负责同志参加企业沙龙、座谈等活动{{business-env.salons}}[[，走访企业{{business-env.visits}}]][[，收集企业问题建议{{business-env.problems}}]][[，已解决{{business-env.problems_resolved}}]][[，问题建议解决率{{business-env.resolution_rate}}]][[，企业满意率{{business-env.satisfaction_rate}}]][[；研究制定营商环境提升举措{{business-env.measures}}]]。`, '本年度未开展党政主要负责同志参加的企业沙龙、座谈活动，领导联系企业工作机制有待落实。'),
    p(`推行包容审慎监管，开展企业合规指导{{business-env.compliance}}[[，指导企业整改到位{{business-env.compliance_rectified}}]][[，适用轻微违法不罚、首违不罚{{business-env.penalty_exempted}}]]。`, '本年度未开展企业合规指导。'),
    h('推进依法科学民主决策，严格规范性文件管理'),
    p(`编制并公布重大行政决策事项目录，列入目录事项{{decisions.catalog_items}}[[，向社会公布{{decisions.catalog_published}}]]。`, '本年度未编制重大行政决策事项目录。'),
    p(`${all}作出重大行政决策{{decisions.made}}[[，履行公众参与、专家论证、风险评估、合法性审查、集体讨论决定五项法定程序的{{decisions.all_procedures}}]][[，法定程序履行率{{decisions.all_procedures_rate}}]][[，集体讨论率{{decisions.collective_rate}}]]；[[公开征求意见的决策草案{{decisions.public_consultations}}，]][[收到公众意见{{decisions.comments}}，]][[采纳（含部分采纳）{{decisions.comments_adopted}}，]]严格执行主要负责人末位表态制度。`, '本年度未作出重大行政决策。'),
    p(`${all}制发行政规范性文件{{normdocs.issued}}[[，经合法性审核{{normdocs.reviewed}}]][[，报送备案{{normdocs.filed}}]][[，报备率{{normdocs.filing_rate}}]][[，报备及时率{{normdocs.filing_timely_rate}}]]。`, '本年度未制发行政规范性文件。'),
    p(`开展规范性文件清理，清理规范性文件{{normdocs.cleaned}}[[，其中继续有效{{normdocs.cleanup_kept}}]][[、修改{{normdocs.cleanup_amended}}]][[、废止{{normdocs.cleanup_repealed}}]]。`, '本年度未开展规范性文件集中清理。'),
    h('严格规范公正文明执法'),
    p(`公布执法事项清单，梳理执法事项{{enforcement.matters}}[[，其中法定执法事项{{enforcement.matters_statutory}}]][[、赋权执法事项{{enforcement.matters_delegated}}]][[（其中自选赋权执法事项{{enforcement.matters_self_selected}}）]][[、可委托执法事项{{enforcement.matters_entrusted}}]]，厘清执法职责边界。`, '本年度尚未梳理公布执法事项清单。'),
    p(`${all}录入行政执法案件{{enforcement.cases}}[[，其中{{enforcement.cases|parts}}]][[，已办结{{enforcement.cases_closed}}]][[；作出行政处罚决定{{enforcement.decisions}}]][[，罚款{{enforcement.fines}}]][[，适用首违不罚{{enforcement.first_violation_exempt}}]][[，适用轻微速罚{{enforcement.quick_minor}}]][[，顶格处罚占比{{enforcement.top_penalty_share}}]]。`, '本年度未办理行政执法案件。'),
    p(`全面落实行政执法“三项制度”，作出重大执法决定{{enforcement.major_decisions}}[[，经法制审核{{enforcement.major_reviewed}}]][[，法制审核率{{enforcement.major_review_rate}}]]；[[公示执法决定信息{{enforcement.published}}，]][[执法决定公示率{{enforcement.publication_rate}}，]][[按期公示率{{enforcement.publication_timeliness}}，]]执法全过程记录。`, '本年度未作出重大执法决定，行政执法“三项制度”在日常执法中全面落实。'),
    p(`规范涉企行政检查，开展涉企行政检查{{enforcement.enterprise_inspections}}[[，涉及企业{{enforcement.enterprise_inspected}}]][[，企业平均受检{{enforcement.enterprise_inspection_frequency}}]][[，开展联合检查（综合查一次）{{enforcement.joint_inspections}}]][[；开展“双随机”抽查{{enforcement.draws}}]][[，抽查检查对象{{enforcement.random_inspections}}]]。`, '本年度未开展涉企行政检查。'),
    h('全面推进政务公开'),
    p(`${all}主动公开政府信息{{disclosure.items_published}}[[，其中{{disclosure.items_published|parts}}]][[，公开前保密审查率{{disclosure.items_review_rate}}]]。`, '本年度未主动公开政府信息，政务公开工作须在下一年度切实加强。'),
    p(`新收政府信息公开申请{{disclosure.applications_received}}[[，办结{{disclosure.applications_answered}}]][[，其中予以公开或部分公开{{disclosure.applications_disclosed}}]][[，延期答复{{disclosure.applications_extended}}]]，均在法定期限内依法答复。`, '本年度未收到政府信息公开申请。'),
    h('强化行政权力制约监督，依法应对复议诉讼'),
    p(`${all}涉及行政复议案件{{reconsideration.reconsiderations}}[[，审结{{reconsideration.reconsiderations_decided}}]][[，被纠错{{reconsideration.reconsiderations_corrected}}]][[，被纠错率{{reconsideration.correction_rate}}]]。`, '本年度未发生行政复议案件。'),
    p(`${all}涉及行政诉讼案件{{reconsideration.litigations}}[[，审结{{reconsideration.litigations_decided}}]][[，败诉{{reconsideration.litigations_lost}}]][[，败诉率{{reconsideration.litigation_loss_rate}}]][[；开庭审理{{reconsideration.hearings}}]][[，行政机关负责人出庭应诉率{{reconsideration.head_appearance_rate}}]]。`, '本年度未发生行政诉讼案件。'),
    h('依法有效化解社会矛盾纠纷'),
    p(`坚持和发展新时代“枫桥经验”，健全人民调解组织网络，现有人民调解委员会{{mediation.committees}}[[、人民调解员{{mediation.mediators}}]]。`, '人民调解委员会尚未在平台登记，须在下一年度健全人民调解组织网络。'),
    p(`${all}排查化解各类矛盾纠纷{{mediation.cases}}[[，其中{{mediation.cases|parts}}]][[；调解成功{{mediation.succeeded}}]][[，调解成功率{{mediation.success_rate}}]][[，签订书面调解协议{{mediation.written_agreements}}]][[，协议涉及金额{{mediation.agreement_amount}}]]。`, '本年度未受理矛盾纠纷调解案件。'),
    p(`畅通群众诉求表达渠道，${all}处理群众信访和投诉{{petitions.cases}}[[，其中{{petitions.cases|parts}}]][[；按期办结率{{petitions.on_time_rate}}]][[，群众满意率{{petitions.satisfaction_rate}}]][[；重复信访{{petitions.repeated}}]][[，越级访{{petitions.escalated}}]]。`, '本年度未发生群众信访和投诉事项。'),
    p(`办理12345政务服务便民热线工单{{petitions.hotline_tickets}}[[，其中{{petitions.hotline_tickets|parts}}]][[；回访满意率{{petitions.hotline_satisfaction_rate}}]]。`, '本年度未承办12345政务服务便民热线工单。'),
    h('发挥法律顾问作用，推进法治乡村建设'),
    p(`现有在聘法律顾问{{legal-advisors.advisors}}[[，配备法律顾问的村（社区）{{legal-advisors.villages_covered}}]][[；法律顾问全年审查修改各类政府合同、协议及其他法律文书{{legal-advisors.government_documents}}]][[；合法性审查中，审查合同{{legal-advisors.contracts}}]][[、行政规范性文件{{legal-advisors.normdoc_reviews}}]][[、重大行政决策{{legal-advisors.decision_reviews}}]][[、其他法律文书{{legal-advisors.other_reviews}}]][[，出具法律意见书{{legal-advisors.opinions_issued}}]][[；政府合同备案{{legal-advisors.contracts_filed}}]][[，提出修改意见建议{{legal-advisors.suggestions}}]][[，采纳率{{legal-advisors.adoption_rate}}]][[；提供法律意见建议{{legal-advisors.opinions}}]][[，列席（参加）会议{{legal-advisors.meetings}}]][[，参与处置各类涉法事务{{legal-advisors.law_affairs}}]][[，代理诉讼（复议）案件{{legal-advisors.litigation}}]]。`, '本年度尚未聘请法律顾问，须在下一年度落实法律顾问制度。'),
    p(`培育“法律明白人”{{legal-advisors.legal_volunteers}}[[，参加培训{{legal-advisors.legal_volunteers_trained}}]][[，培训率{{legal-advisors.legal_volunteer_training_rate}}]]。`, '“法律明白人”尚未在平台登记。'),
    h('深入开展法治宣传教育'),
    p(`围绕宪法、民法典等重点法律法规，结合重要法治宣传节点开展普法活动{{publicity.activities}}[[，其中“12·4”国家宪法日暨宪法宣传周活动{{publicity.constitution_week}}]][[、民法典宣传月活动{{publicity.civil_code_month}}]][[、以案释法活动{{publicity.case_explanations}}]][[，惠及群众{{publicity.participants}}]][[，发放宣传资料{{publicity.materials}}]][[，解答法律咨询{{publicity.consultations}}]][[；落实“谁执法谁普法”普法责任制，纳入责任清单的单位{{publicity.duties}}]][[，完成率{{publicity.duty_completion_rate}}]]。`, '本年度未登记开展普法宣传活动，“谁执法谁普法”普法责任制落实须在下一年度切实加强。'),
    p(`加强干部学法用法，组织领导干部学法{{publicity.study_sessions}}[[，参学率{{publicity.study_attendance_rate}}]][[；举办法治培训{{publicity.trainings}}]][[，参训{{publicity.trainees}}]][[，其中培训行政执法人员{{publicity.enforcement_trainees}}]][[；组织学法考试{{publicity.exams}}]][[，参考率{{publicity.exam_participation_rate}}]][[，合格率{{publicity.exam_pass_rate}}]][[，优秀率{{publicity.exam_excellent_rate}}]]。`, '本年度未登记组织领导干部学法，须在下一年度落实学法制度。'),
  ];
}

export function defaultTemplate(level: TemplateLevel = 'town'): ReportContent {
  const county = level === 'county';
  return {
    title: county ? `${org}人民政府关于${y}年度法治政府建设工作情况的报告` : `${org}${y}年度法治政府建设工作情况报告`,
    preamble: [
      county
        ? `${y}年，${org}人民政府在${org}委的坚强领导下，坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平法治思想，认真落实党中央、国务院关于法治政府建设的决策部署，统筹推进全县各乡镇（街道）和县级各部门依法行政，法治政府建设取得新进展。本报告的数据来自各乡镇（街道）、县级各部门报送的年度报告和县本级的台账记录，各单位数据见附件。现将${y}年度法治政府建设工作情况报告如下：`
        : `${y}年，${org}在${parent}委、${parent}人民政府的坚强领导下，坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平法治思想，认真落实党中央、国务院关于法治政府建设的决策部署，扎实推进依法行政，各项工作取得新进展。现将${y}年度法治政府建设工作情况报告如下：`,
    ],
    sections: [
      { key: 'measures', title: `${y}年推进法治政府建设的主要举措和成效`, required: true, items: workAreas(level) },
      {
        key: 'shortcomings',
        title: `${y}年推进法治政府建设存在的不足和原因`,
        required: true,
        items: [
          p(
            county
              ? '一是法治政府建设推进不够平衡，部分乡镇（街道）和部门法治工作力量薄弱，工作进展不一。二是行政执法规范化水平仍需提升，执法“三项制度”落实不够到位，涉企检查统筹仍需加强。三是法治宣传教育的针对性和实效性有待增强。究其原因，主要是基层法治工作专业人员不足，部分领导干部运用法治思维和法治方式推动工作的能力还需加强，考核督促的传导作用发挥不够。'
              : '一是法治建设工作不够平衡，部分村（社区）矛盾纠纷排查化解不够及时，基层化解能力有待提升。二是法治宣传教育的针对性和实效性有待增强，普法形式仍以传统宣传为主。三是执法、调解、普法等台账资料的规范化、信息化管理水平仍需提高。究其原因，主要是基层法治工作力量相对薄弱，专业人员不足，部分干部运用法治思维和法治方式解决问题的能力还需加强。',
          ),
        ],
      },
      {
        key: 'leadership',
        title: `${y}年党政主要负责人履行推进法治建设第一责任人职责、加强法治政府建设的有关情况`,
        required: true,
        items: [
          p(
            county
              ? '县委、县政府主要负责同志认真履行推进法治建设第一责任人职责，带头学习贯彻习近平法治思想，把法治政府建设与全县经济社会发展同部署、同推进、同督促、同考核，对法治建设重要工作亲自部署、重大问题亲自过问、重点环节亲自协调、重要任务亲自督办，督促各乡镇（街道）和县级各部门主要负责人履行职责。'
              : '党政主要负责人认真履行推进法治建设第一责任人职责，带头学习贯彻习近平法治思想，把法治政府建设与经济社会发展同部署、同推进、同督促、同考核，对法治建设重要工作亲自部署、重大问题亲自过问、重点环节亲自协调、重要任务亲自督办。',
          ),
          p('全年主持研究法治建设工作{{leadership.principal_chaired}}[[，研究解决重大事项、重要问题{{leadership.issues_resolved}}]][[；党政主要负责人述法{{leadership.principal_law_reports}}]][[，述法覆盖率{{leadership.principal_law_report_coverage}}]]，严格执行重大决策集体讨论和末位表态制度。', '严格执行重大决策集体讨论和末位表态制度，带头开展述法，将履行推进法治建设第一责任人职责情况列入年终述职内容。'),
        ],
      },
      {
        key: 'plan',
        title: `${next}年推进法治政府建设的主要安排`,
        required: true,
        items: [
          p('一是持续深入学习贯彻习近平法治思想，压紧压实党政主要负责人法治建设第一责任人职责，将法治建设纳入年度工作要点和考核内容。'),
          p('二是严格规范公正文明执法，全面落实行政执法三项制度，规范行政裁量权行使，统筹涉企行政检查，提升执法人员能力素质。'),
          p('三是严格落实重大行政决策程序和规范性文件合法性审核、备案审查制度，深化政务公开。'),
          p('四是坚持和发展新时代“枫桥经验”，完善矛盾纠纷多元化解机制，把矛盾纠纷化解在基层、化解在萌芽状态。'),
          p(county ? '五是深入实施“八五”普法规划，落实“谁执法谁普法”责任制，加强对乡镇（街道）和县级部门法治建设的督察考核。' : '五是深入实施“八五”普法规划，落实“谁执法谁普法”责任制，培育壮大“法律明白人”队伍，推进法治乡村建设。'),
        ],
      },
      { key: 'other', title: '其他需要报告的情况', required: false, items: [p('无其他需要报告的情况。')] },
    ],
  };
}

/** fills in a template's {org}, {parent}, {year} and {next_year} for one organisation and year */
export function instantiate(template: ReportContent, t: TemplateContext): ReportContent {
  const fill = (s: string): string => s.replaceAll('{org}', t.orgName).replaceAll('{parent}', t.parentName).replaceAll('{next_year}', String(t.year + 1)).replaceAll('{year}', String(t.year));
  return {
    ...template,
    title: fill(template.title),
    preamble: template.preamble.map(fill),
    sections: template.sections.map((s) => ({ ...s, title: fill(s.title), items: s.items.map((i) => ({ ...i, text: fill(i.text), ...(i.none !== undefined ? { none: fill(i.none) } : {}) })) })),
  };
}
