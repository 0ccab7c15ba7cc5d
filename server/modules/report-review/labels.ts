// naming the thing a number counts, from the words around it

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

// verbs that introduce the counted noun; the longest and the latest one wins
const VERBS = [
  '推广运用', '审查修改', '排查化解', '参与处置', '研究制定', '主动公开', '专题听取', '开展', '召开', '组织', '举办',
  '举行', '排查', '化解', '调处', '受理', '处理', '办理', '办结', '录入', '收到', '收集', '征集', '提供', '提出',
  '修改', '参与', '参加', '处置', '培育', '选聘', '聘请', '聘任', '明确', '制定', '印发', '发放', '张贴', '悬挂',
  '解答', '接待', '查处', '作出', '做出', '出动', '走访', '覆盖', '惠及', '设立', '成立', '解决', '听取', '运用',
  '完成', '新增', '涉及', '编制', '梳理', '公布', '获得', '发布', '报送', '上报', '审核', '审查', '清理', '立案',
  '建立', '建设', '建成', '出具', '研究', '接受', '检查', '签订', '配备', '落实', '整改', '发现', '培训', '评查', '接听',
].sort((a, b) => b.length - a.length);

const LEADING_FILLERS = /^(力争|确保|争取|仅有|只有|现有|全年|全镇|全乡|全街道|全县|全区|全市|我镇|本镇|我乡|一年来|年内|今年以来|先后|累计|共计|共有|共|各类|各种|各项|各级|相关|有关|全体|依法|了|的)+/;
const TRAILING_LINKS = /(由|至|仅|均达到|均达|均为|分别为|分别达|达到|已达|高达|达|为|是|共计|合计|总计|累计|共有|共|计|有|了|(?<![民公合契规预签履节制])约|近|逾|超过|突破|不少于|不低于|不超过|保持在|控制在|稳定在|低于|高于|以内|在)+$/;
// words that open a list item or an aside without naming anything: "包括行政许可", "含上年结转", "与16个村"
const LEADING_LINKS = /^(其中|包括|包含|含|与|和|及|另有)+/;
// words after a unit that continue the sentence rather than name what was counted
const NOT_A_NOUN_START = /^(全部|全额|足额|及时|按时|按期|压缩|缩短|提高|提升|增加|减少|降低|下降|增长|上升|已|正在|尚|未|仍|的|是|为|以|之|其|中|共|均|等|左右|以上|以内|内|后|前|被|并|和|与|及|或|且|同比|较|比|次|多|余|每|分别|占|达|约|近|都|也|还|就|即|合计|共计|累计|\d)/;
const ORG_PREFIX = /^.*?(大队|中队|支队|执法队|司法所|派出所|办公室|人民政府)(?=.{4,}$)/;

const SYNONYMS: Record<string, string> = {
  纠纷: '矛盾纠纷', 矛盾: '矛盾纠纷', 矛盾纠纷案件: '矛盾纠纷', 纠纷案件: '矛盾纠纷', 社会矛盾纠纷: '矛盾纠纷',
  矛盾纠纷事件: '矛盾纠纷', 普法宣传活动: '普法活动', 法治宣传活动: '普法活动', 普法宣传: '普法活动',
  法治宣传: '普法活动', 法治宣传教育活动: '普法活动', 普法宣传教育活动: '普法活动', 行政处罚: '行政处罚案件',
  处罚案件: '行政处罚案件', 行政处罚案: '行政处罚案件', 行政检查: '行政检查案件', 检查案件: '行政检查案件',
  行政执法事项: '执法事项', 调解员: '人民调解员', 专职人民调解员: '人民调解员', 专兼职人民调解员: '人民调解员',
  兼职人民调解员: '人民调解员', 调委会: '人民调解委员会', 调解委员会: '人民调解委员会', 信访件: '信访事项',
  信访案件: '信访事项', 行政诉讼: '行政诉讼案件', 行政复议: '行政复议案件', 规范性文件: '行政规范性文件',
};

// longest labels, in characters: a head noun with its closest modifiers
const MAX_LABEL = 10;
const MAX_LEADING_LABEL = 8;
const MAX_RATE_LABEL = 7;

/** tidy a phrase: short bracketed asides (专(兼)职), punctuation and spaces go */
export function tidy(phrase: string): string {
  return phrase
    .replace(/\([^()\d]{0,8}\)/g, '')
    .replace(/[^\p{L}\p{N}()]/gu, '');
}

/** the wording that fixes a figure's scope: verbs kept, fillers dropped */
export function scopeOf(phrase: string): string {
  return tidy(phrase).replace(LEADING_FILLERS, '').replace(TRAILING_LINKS, '');
}

/** label of a count: "五个必经程序" names it after the unit, "矛盾纠纷331件" before the number */
export function countLabel(before: string, after: string): string {
  const named = nounBefore(before);
  // a bare verb ("组织两千余人参加培训") names nothing; the words after the unit say more
  const label =
    nounAfter(after) ||
    (VERBS.includes(named) ? '' : named) ||
    leadingWords(tidy(after).replace(/^(已经|已|的)/, ''), MAX_LEADING_LABEL) ||
    named;
  // ("14个行政村和1个社区", "16个便民服务站全部配备…": the joining word and the 全部 after the name are no part of it)
  // ("126个在建项目中已有121个…": what the others are counted among ends its name)
  const bare = label.replace(LEADING_LINKS, '').replace(/(?<=..)中(已有|共有|有)$/, '').replace(/(共|共计|累计|均|都|已)$/, '').replace(/(?<=..)(和|及|与|全部)$/, '');
  return SYNONYMS[bare] ?? bare;
}

// the noun phrase right after the unit, up to its first verb; empty when the unit ends the clause
function nounAfter(after: string): string {
  const text = tidy(after);
  if (text.length < 2 || NOT_A_NOUN_START.test(text) || VERBS.some((v) => text.startsWith(v))) return '';
  let end = text.length;
  for (const v of VERBS) {
    const i = text.indexOf(v, 2);
    if (i >= 0 && i < end) end = i;
  }
  return leadingWords(text.slice(0, end), MAX_LEADING_LABEL);
}

function nounBefore(before: string): string {
  let label = tidy(before).replace(TRAILING_LINKS, '');
  label = afterLast(label, ['及其他', '及其它', '等']);
  label = afterLastVerb(label);
  label = afterLast(label, ['的']);
  label = label.replace(LEADING_FILLERS, '').replace(ORG_PREFIX, '');
  if (label.startsWith('其他') && label.length > 3) label = label.slice(2);
  return trailingWords(label, MAX_LABEL);
}

/** labels of a percentage; "答复率和答复及时率均达" names two rates with one value */
export function rateLabels(before: string): string[] {
  const linked = before.replace(/\s/g, '').replace(/(达到|达|为)$/, '');
  const names = linked.endsWith('均') ? linked.slice(0, -1).split(/以及|和|与|、/) : [linked];
  return names
    .map((n) => afterLast(tidy(n).replace(TRAILING_LINKS, ''), ['的']).replace(/的$/, '').replace(LEADING_FILLERS, '').replace(LEADING_LINKS, ''))
    .map(rateName)
    .filter((n) => n !== '');
}

// the words of a rate's name back to the population it is a rate of: 重大决策事项|集体讨论率
const POPULATION_WORDS = new Set([
  '事项', '人员', '案件', '机关', '人', '单位', '部门', '群众', '企业', '信息', '文件', '行政', '纠纷',
]);

function rateName(phrase: string): string {
  let out = '';
  for (const w of words(phrase).reverse()) {
    if (out !== '' && out.length > 2 && (POPULATION_WORDS.has(w) || out.length + w.length > MAX_RATE_LABEL)) break;
    out = w + out;
  }
  return out;
}

function afterLast(text: string, markers: readonly string[]): string {
  let cut = 0;
  for (const m of markers) {
    const i = text.lastIndexOf(m);
    if (i >= 0 && i + m.length < text.length) cut = Math.max(cut, i + m.length);
  }
  return text.slice(cut);
}

// nouns that contain a verb: 行政检查 is a kind of case, not "to inspect"
const VERB_NOUNS = ['行政检查', '执法检查', '安全检查', '监督检查', '双随机检查', '合法性审查', '公平竞争审查'];
// what may follow a verb without being the thing counted: "调处成功248件"
const RESULT_WORDS = /^(成功|完毕|到位|结案|化解|办结)$/;

// cut after the last verb that leaves at least two characters of noun
function afterLastVerb(text: string): string {
  let cut = 0;
  for (const v of VERBS) {
    for (let i = text.indexOf(v); i >= 0; i = text.indexOf(v, i + 1)) {
      const end = i + v.length;
      const inNoun = VERB_NOUNS.some((n) => {
        const at = text.indexOf(n, Math.max(0, end - n.length));
        return at >= 0 && at <= i && at + n.length >= end;
      });
      if (!inNoun && text.length - end >= 2 && !RESULT_WORDS.test(text.slice(end)) && end > cut) cut = end;
    }
  }
  return text.slice(cut);
}

function words(text: string): string[] {
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

// the last words of a phrase, at most max characters (the head noun of a Chinese phrase comes last)
function trailingWords(text: string, max: number): string {
  if (text.length <= max) return text;
  // a phrase a little over the limit is kept whole rather than cut inside a name ("习近平法治思想专题学习")
  if (text.length <= max + 4) return text;
  let out = '';
  for (const w of words(text).reverse()) {
    if (out.length + w.length > max) break;
    out = w + out;
  }
  return out || text.slice(-max);
}

function leadingWords(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = '';
  for (const w of words(text)) {
    if (out.length + w.length > max) break;
    out += w;
  }
  return out || text.slice(0, max);
}
