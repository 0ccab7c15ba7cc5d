// the taxonomy of 国办公开办函〔2021〕30号 (政府信息公开工作年度报告格式), used by the ledgers and the report

/** 主动公开 categories as township reports quote them ("其中领导分工1条、机构职能1条…") */
export const ITEM_CATEGORIES = ['领导分工', '机构职能', '办事指南', '政府工作报告', '财政预决算', '通知公告', '工作动态', '规范性文件', '行政许可', '行政处罚', '行政强制', '人事信息', '规划计划', '重大决策', '建议提案办理', '其他'] as const;
/**
 * 政府信息公开条例 art. 21: what a 乡(镇) also publishes proactively, as the county's catalogue of town categories
 * starts; the county adds its own (a JSON array of names in the setting below), and items are filed under them
 */
export const TOWN_CATEGORIES = ['贯彻落实农业农村政策', '农田水利工程建设运营', '农村土地承包经营权流转', '宅基地使用情况审核', '土地征收', '房屋征收', '筹资筹劳', '社会救助'] as const;
export const TOWN_CATEGORIES_SETTING = 'disclosure.town_categories';
export const SECRECY_RESULTS = ['同意公开', '不予公开', '删除涉密内容后公开'] as const;
export const PUBLISH_CHANNELS = ['政府网站', '政务新媒体', '政务公开栏', '便民服务中心查阅点', '其他'] as const;

/** table 三's columns: 自然人 | 法人或其他组织 (five kinds) */
export const APPLICANT_KINDS = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'] as const;
export type ApplicantKind = (typeof APPLICANT_KINDS)[number];
/** 政府信息公开条例 art. 31: how an application came in decides which day is the day it was received */
export const APPLICATION_CHANNELS = ['当面提交', '邮寄（需签收）', '平常信函', '互联网', '传真'] as const;
export type ApplicationChannel = (typeof APPLICATION_CHANNELS)[number];
/** the field holding the day of receipt for each channel (art. 31 (一)–(三)) */
export const RECEIPT_FIELD: Readonly<Record<ApplicationChannel, 'submitted_on' | 'signed_on' | 'confirmed_on'>> = {
  当面提交: 'submitted_on',
  '邮寄（需签收）': 'signed_on',
  平常信函: 'confirmed_on',
  互联网: 'confirmed_on',
  传真: 'confirmed_on',
};
export const receiptField = (channel: unknown): 'submitted_on' | 'signed_on' | 'confirmed_on' | null => RECEIPT_FIELD[channel as ApplicationChannel] ?? null;
/** whom a consultation asks: a third party (art. 32) or another organ that made the information with this one (art. 34) */
export const CONSULT_PARTIES = ['第三方', '共同制作机关'] as const;
export const CONSULT_OPINIONS = ['同意公开', '不同意公开', '逾期未提出意见'] as const;
/** 年度报告表三 其他处理: the applicant let the 补正 period pass (art. 30) */
export const LAPSED_REASON = '申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请';
export const FEE_LAPSED_REASON = '申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请';
export const SUPPLY_FORMS = ['纸质', '电子邮件', '光盘', '现场查阅', '其他'] as const;

/** table 三, 三、本年度办理结果: the six outcomes and their reasons, in the template's order */
export const OUTCOME_TREE = [
  { outcome: '予以公开', reasons: [] },
  { outcome: '部分公开', reasons: [] },
  { outcome: '不予公开', reasons: ['属于国家秘密', '其他法律行政法规禁止公开', '危及“三安全一稳定”', '保护第三方合法权益', '属于三类内部事务信息', '属于四类过程性信息', '属于行政执法案卷', '属于行政查询事项'] },
  { outcome: '无法提供', reasons: ['本机关不掌握相关政府信息', '没有现成信息需要另行制作', '补正后申请内容仍不明确'] },
  { outcome: '不予处理', reasons: ['信访举报投诉类申请', '重复申请', '要求提供公开出版物', '无正当理由大量反复申请', '要求行政机关确认或重新出具已获取信息'] },
  { outcome: '其他处理', reasons: ['申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', '申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', '其他'] },
] as const;

export const OUTCOMES = OUTCOME_TREE.map((o) => o.outcome);
export const OUTCOME_REASONS: readonly string[] = OUTCOME_TREE.flatMap((o) => [...o.reasons]);

export const reasonsOf = (outcome: unknown): readonly string[] => OUTCOME_TREE.find((o) => o.outcome === outcome)?.reasons ?? [];

/** the legal basis a reply letter cites for each outcome or reason (政府信息公开条例 2019) */
export const LEGAL_BASIS: Record<string, string> = {
  予以公开: '《中华人民共和国政府信息公开条例》第三十六条第（二）项',
  部分公开: '《中华人民共和国政府信息公开条例》第三十七条',
  属于国家秘密: '《中华人民共和国政府信息公开条例》第十四条、第三十六条第（三）项',
  其他法律行政法规禁止公开: '《中华人民共和国政府信息公开条例》第十四条、第三十六条第（三）项',
  '危及“三安全一稳定”': '《中华人民共和国政府信息公开条例》第十四条、第三十六条第（三）项',
  保护第三方合法权益: '《中华人民共和国政府信息公开条例》第十五条、第三十二条、第三十六条第（三）项',
  属于三类内部事务信息: '《中华人民共和国政府信息公开条例》第十六条第一款、第三十六条第（三）项',
  属于四类过程性信息: '《中华人民共和国政府信息公开条例》第十六条第二款、第三十六条第（三）项',
  属于行政执法案卷: '《中华人民共和国政府信息公开条例》第十六条第二款、第三十六条第（三）项',
  属于行政查询事项: '《中华人民共和国政府信息公开条例》第三十六条第（七）项',
  本机关不掌握相关政府信息: '《中华人民共和国政府信息公开条例》第三十六条第（四）项',
  没有现成信息需要另行制作: '《中华人民共和国政府信息公开条例》第三十八条',
  补正后申请内容仍不明确: '《中华人民共和国政府信息公开条例》第二十九条第三款、第三十条',
  信访举报投诉类申请: '《中华人民共和国政府信息公开条例》第三十九条第一款',
  重复申请: '《中华人民共和国政府信息公开条例》第三十六条第（六）项',
  要求提供公开出版物: '《中华人民共和国政府信息公开条例》第三十九条第二款',
  无正当理由大量反复申请: '《中华人民共和国政府信息公开条例》第三十五条',
  要求行政机关确认或重新出具已获取信息: '《中华人民共和国政府信息公开条例》第三十九条第二款',
  '申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请': '《中华人民共和国政府信息公开条例》第三十条',
  '申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请': '《中华人民共和国政府信息公开条例》第四十二条、《政府信息公开信息处理费管理办法》',
  其他: '《中华人民共和国政府信息公开条例》',
};
