import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractFacts } from './extract.ts';
import { buildDocx, buildPdf } from './fixtures/documents.ts';
import { htmlToLines, readReport } from './reader.ts';
import { reviewBuffer, reviewParagraphs } from './review.service.ts';
import { mapSections } from './sections.ts';

const findings = (...paragraphs: string[]) => reviewParagraphs('测试.txt', paragraphs).findings;
const kinds = (...paragraphs: string[]) => findings(...paragraphs).map((f) => [f.kind, f.expected, f.actual]);

describe('relations the text makes unambiguous', () => {
  it('reads a 其中 in the sentence after a rate as parts of the total before the rate', () => {
    expect(kinds('全年共受理120件，办结率100%。其中，婚姻纠纷50件、邻里纠纷80件。')).toEqual([['parts_sum_mismatch', '120件', '130件']]);
    expect(kinds('全年共受理120件，办结率100%。其中，婚姻纠纷50件、邻里纠纷70件。')).toEqual([]);
  });

  it('reads a breakdown whose every item carries its share, joined by semicolons or commas', () => {
    const text = (share: string, sep: string) => `全年受理热线工单1864件。从诉求类型看，城市管理类712件${sep}占38.2%；市场监管类520件${sep}占27.9%；其他632件${sep}占${share}。`;
    expect(kinds(text('33.9%', '，'))).toEqual([]);
    expect(kinds(text('34.9%', '，'))).toEqual([['rate_mismatch', '33.91%', '34.9%']]);
    expect(kinds(text('33.9%', '、').replace(/；/g, '，'))).toEqual([]);
    // a whole no share fits is another figure: "环比二季度（1342件）" is compared with, not broken down
    expect(kinds('受理工单1517件，环比二季度（1342件）增长13.0%。从诉求内容看，物业管理类1873件，占35.6%；市容环境类968件，占18.4%；其余为供热、燃气等方面的诉求。')).toEqual([]);
    expect(kinds('受理工单1517件，环比二季度（1342件）增长13.9%。')).toEqual([['rate_mismatch', '13.04%', '13.9%']]);
  });

  it('computes a change from this year\'s figure and the increase when last year\'s is unsaid', () => {
    expect(kinds('全年共受理信访事项168件，比上年增加26件，增长18.3%。')).toEqual([]);
    expect(kinds('全年共受理信访事项168件，比上年增加26件，增长19.3%。')).toEqual([['rate_mismatch', '18.31%', '19.3%']]);
    expect(kinds('罚没款128.6万元，同比减少21.4万元，下降14.3%。')).toEqual([]);
    expect(kinds('罚没款128.6万元，同比减少21.4万元，下降16.6%。')).toEqual([['rate_mismatch', '14.27%', '16.6%']]);
  });

  it('reads outcomes after "…审理后" and dispositions going on past a comma', () => {
    expect(kinds('被申请行政复议3件，县人民政府审理后维持2件，因申请人撤回申请终止1件。')).toEqual([]);
    expect(kinds('被申请行政复议4件，县人民政府审理后维持2件，因申请人撤回申请终止1件。')).toEqual([['parts_sum_mismatch', '4件', '3件']]);
    expect(kinds('审结行政复议案件12件，其中维持8件、撤销1件，申请人撤回申请后终止3件。')).toEqual([]);
    expect(kinds('审结行政复议案件12件，其中维持8件、撤销1件，申请人撤回申请后终止2件。')).toEqual([['parts_sum_mismatch', '12件', '11件']]);
  });

  it('reads a rate whose name shortens its count\'s: 网办率 of 网上办理', () => {
    expect(kinds('全年办理政务服务事项8.6万件，其中网上办理7.9万件，网办率91.9%。')).toEqual([]);
    expect(kinds('全年办理政务服务事项8.6万件，其中网上办理7.9万件，网办率93.9%。')).toEqual([['rate_mismatch', '91.86%', '93.9%']]);
  });

  it('reads a breakdown by comma whose names hold 、, quotes or a hotline number, ending at 其他 and before 其中', () => {
    const text = (noise: number, total: number) => `全年受理环境信访投诉${total}件，较2024年的465件下降10.1%。从来源看，12345热线转办263件，12369环保举报热线97件，来信来访31件，网上信访27件；从污染类型看，噪声${noise}件、大气132件、水68件、固体废物29件、其他38件，其中经现场核查属实127件，均责令整改或立案处理。全年办结416件，办结率99.5%，另有2件涉及企业整体搬迁。`;
    expect(kinds(text(151, 418))).toEqual([]);
    expect(kinds(text(161, 418))).toEqual([['parts_sum_mismatch', '418件', '428件']]);
    expect(kinds('全年开展现场执法检查1286家次，按检查方式划分，“双随机、一公开”抽查412家次，夏季臭氧攻坚、危险废物规范化管理等专项检查538家次，信访投诉核查346家次。')).toEqual([['parts_sum_mismatch', '1286家次', '1296家次']]);
    // what is still open is no whole of a breakdown
    expect(kinds('全年结案率95.2%，未结的2件分别为违法占地案件和违法建设案件。按程序分，适用简易程序15件、普通程序27件。')).toEqual([]);
  });

  it('reads the items after 分别为/依次为 by their own names, the whole before or inside the clause', () => {
    expect(kinds('适用配套办法的案件15件，分别为查封扣押6件、限产停产3件、移送公安机关行政拘留4件、移送涉嫌环境污染犯罪2件。')).toEqual([]);
    expect(kinds('适用配套办法的案件15件，分别为查封扣押6件、限产停产3件、移送公安机关行政拘留4件、移送涉嫌环境污染犯罪4件。')).toEqual([['parts_sum_mismatch', '15件', '17件']]);
    expect(kinds('全年提交合法性审查的事项47件，依次为：行政协议和合同29件、重大行政决策2件、规范性文件1件、村规民约修订13件（全镇村、社区全覆盖）、其他涉法事项4件。')).toEqual([['parts_sum_mismatch', '47件', '49件']]);
    expect(kinds('调解的241件纠纷分别为：土地承包和流转71件、婚姻家庭52件、邻里46件、相邻关系33件、务工报酬24件、其他15件。')).toEqual([]);
    expect(kinds('调解的241件纠纷分别为：土地承包和流转71件、婚姻家庭52件、邻里46件、相邻关系33件、务工报酬24件、其他25件。')).toEqual([['parts_sum_mismatch', '241件', '251件']]);
    // a share after the last of several items, none other carrying one, may be of them all: silent
    expect(kinds('累计创建民主法治示范村10个，分别为省级2个、市级3个、县级5个，占全镇村（社区）总数的76.9%。')).toEqual([]);
  });

  it('reads 含 after a comma as a list, a change with last year in brackets after it, and a rate after a semicolon', () => {
    const text = (fall: string, rate: string) => `全年受理信访事项96件，含网上信访41件、来访43件、来信12件，较上年减少18件（2024年为114件），同比下降${fall}；按期办结95件，按期办结率${rate}。`;
    expect(kinds(text('15.8%', '99.0%'))).toEqual([]);
    expect(kinds(text('18.8%', '99.0%'))).toEqual([['rate_mismatch', '15.79%', '18.8%']]);
    expect(kinds(text('15.8%', '92.0%'))).toEqual([['rate_mismatch', '98.96%', '92.0%']]);
    expect(kinds('办理法律援助23件，含追索劳动报酬14件、婚姻家庭5件、人身损害赔偿6件。')).toEqual([['parts_sum_mismatch', '23件', '25件']]);
  });

  it('reads a rate named after one of two counts, and a list whose last item is still open', () => {
    expect(kinds('分局在编执法人员42人，持有执法证件40人，持证率95.2%。')).toEqual([]);
    expect(kinds('分局在编执法人员42人，持有执法证件40人，持证率90.2%。')).toEqual([['rate_mismatch', '95.24%', '90.2%']]);
    expect(kinds('全年启动损害赔偿案件5件，其中达成赔偿协议4件、仍在磋商1件。')).toEqual([]);
    expect(kinds('全年启动损害赔偿案件7件，其中达成赔偿协议4件、仍在磋商1件。')).toEqual([['parts_sum_mismatch', '7件', '5件']]);
    expect(kinds('以分局为被告的行政诉讼案件3件，一审判决驳回原告诉讼请求1件，尚在审理1件。')).toEqual([['parts_sum_mismatch', '3件', '2件']]);
    expect(kinds('环评文件全年受理74件，作出批复71件，不予批准3件。')).toEqual([]);
    expect(kinds('环评文件全年受理74件，作出批复71件，不予批准4件。')).toEqual([['parts_sum_mismatch', '74件', '75件']]);
  });

  it('compares an amount of the introduction and the figures of an appended data summary with the body', () => {
    const heading = '一、推进法治政府建设的主要举措和成效';
    expect(kinds('全年立案46件，罚没款321.6万元。', heading, '全年罚没款312.6万元，较上年的358.4万元下降12.8%。')).toEqual([['inconsistent_value', '312.6万元', '321.6万元']]);
    expect(kinds('全年立案46件，罚没款312.6万元。', heading, '全年罚没款312.6万元，较上年的358.4万元下降12.8%。')).toEqual([]);
    const appendix = (n: number) => [heading, '全镇提供法律咨询共计1482人次，其中现场咨询835人次、电话咨询471人次、流动服务176人次。', '附：2025年度法治建设主要数据统计', `法律咨询${n}人次；法律援助23件。`];
    expect(kinds(...appendix(1482))).toEqual([]);
    expect(kinds(...appendix(1462))).toEqual([['inconsistent_value', '1482人次', '1462人次']]);
  });

  it('never takes a 其中 after the last item of a list for a part of that item', () => {
    expect(kinds('从污染类型看，噪声151件、大气132件、其他38件，其中经现场核查属实127件。')).toEqual([]);
  });

  it('reads a colon right after a whole as the start of its list, a figure of another unit inside a name being part of it', () => {
    const text = (rest: number) => `全市各行政执法机关作出行政处罚决定5316件：综合行政执法局2104件，市场监督管理局1137件，交通运输局862件，生态环境分局96件，其余23个执法部门合计${rest}件。`;
    expect(kinds(text(1117))).toEqual([]);
    expect(kinds(text(1171))).toEqual([['parts_sum_mismatch', '5316件', '5370件']]);
    const results = (partial: number) => `全年需办理申请26件，已办结24件：予以公开10件，部分公开${partial}件，不予公开2件（涉及第三方个人隐私1件、属于行政执法案卷1件），无法提供5件（本机关不掌握4件、需另行制作1件），不予处理2件，逾期不补正不再处理1件。`;
    expect(kinds(results(4))).toEqual([]);
    expect(kinds(results(6))).toEqual([['parts_sum_mismatch', '24件', '26件']]);
  });

  it('lists this year\'s figure, not last year\'s, after "较上年的88件增加9件，其中…"', () => {
    expect(kinds('全市新收行政诉讼案件97件，较上年的88件增加9件，其中一审74件、二审23件。')).toEqual([]);
    expect(kinds('全市新收行政诉讼案件97件，较上年的88件增加9件，其中一审74件、二审25件。')).toEqual([['parts_sum_mismatch', '97件', '99件']]);
  });

  it('breaks down by quarter the figure the items name, and by 社区 what came in rather than what was finished', () => {
    const quarters = (q4: number) => `全年排查矛盾纠纷412件，进入调处程序398件，调解成功381件，调解成功率95.7%。分季度看，一至四季度调处数分别为86件、104件、117件、${q4}件。`;
    expect(kinds(quarters(91))).toEqual([]);
    expect(kinds(quarters(81))).toEqual([['parts_sum_mismatch', '398件', '388件']]);
    const communities = (last: number) => `全年承办工单6832件，办结6817件，办结率99.8%。分社区看，翠屏1126件、锦绣968件、望江1043件、桂园814件、新河1207件、花溪672件、龙门538件、滨湖${last}件。`;
    expect(kinds(communities(464))).toEqual([]);
    expect(kinds(communities(474))).toEqual([['parts_sum_mismatch', '6832件', '6842件']]);
  });

  it('reads 依次为 with each item\'s share in brackets, and a breakdown item listing its own parts in brackets', () => {
    const text = (other: string) => `全年立案查处违法行为214起。从案件类别看，依次为占道经营71起（占33.2%）、市容环境卫生58起（占27.1%）、违法建设39起（占18.2%）、燃气安全27起（占12.6%）、其他19起（占${other}）。`;
    expect(kinds(text('8.9%'))).toEqual([]);
    expect(kinds(text('9.9%'))).toEqual([['rate_mismatch', '8.88%', '9.9%']]);
    const subjects = (online: string) => `本年度新收政府信息公开申请24件，较上年的17件增加7件，增长41.2%。从申请主体看，自然人申请19件，法人或其他组织申请5件（商业企业3件、法律服务机构2件）；从申请渠道看，网上申请15件，占${online}，信函申请6件，当面申请3件。`;
    expect(kinds(subjects('62.5%'))).toEqual([]);
    expect(kinds(subjects('57.7%'))).toEqual([['rate_mismatch', '62.5%', '57.7%']]);
  });

  it('reads stocks with 新发现, 剩余 and 修改 (which moves nothing), and a net change since the start of the year', () => {
    expect(kinds('年初台账存量46处，年内新发现19处、拆除或整改销号41处，年末剩余24处。')).toEqual([]);
    expect(kinds('年初台账存量46处，年内新发现19处、拆除或整改销号41处，年末剩余26处。')).toEqual([['parts_sum_mismatch', '24处', '26处']]);
    expect(kinds('年初现行有效规范性文件112件，年内新制发9件、废止14件、修改6件，至年末现行有效107件。')).toEqual([]);
    expect(kinds('年初现行有效规范性文件112件，年内新制发9件、废止14件、修改6件，至年末现行有效105件。')).toEqual([['parts_sum_mismatch', '107件', '105件']]);
    expect(kinds('全市实有经营主体68303户，比年初的65214户净增3089户。')).toEqual([]);
    expect(kinds('全市实有经营主体68303户，比年初的65214户净增3098户。')).toEqual([['difference_mismatch', '3089户', '3098户']]);
  });

  it('reads a rate in brackets after its counts, and a share of two items counted together', () => {
    expect(kinds('出具法律意见52条，被采纳49条（采纳率94.2%）。')).toEqual([]);
    expect(kinds('出具法律意见52条，被采纳49条（采纳率84.2%）。')).toEqual([['rate_mismatch', '94.23%', '84.2%']]);
    expect(kinds('全年办结的35件申请中，予以公开13件，部分公开4件，两项合计占办结总数的48.6%；不予公开3件。')).toEqual([]);
    expect(kinds('全年办结的35件申请中，予以公开13件，部分公开4件，两项合计占办结总数的50.0%；不予公开3件。')).toEqual([['rate_mismatch', '48.57%', '50.0%']]);
  });

  it('reads outcomes joined by commas after what was decided, and stops at 其中 or items joined by 、', () => {
    const reviewed = (ended: number) => `全年审结158件，年末尚在审理期限内的17件。审结案件中，维持72件，驳回复议请求14件，撤销9件，变更2件，确认违法7件，责令履行5件，调解结案11件，终止${ended}件（其中双方和解后申请人撤回申请29件）。`;
    expect(kinds(reviewed(38))).toEqual([]);
    expect(kinds(reviewed(48))).toEqual([['parts_sum_mismatch', '158件', '168件']]);
    const first = (lost: number) => `一审审结68件，法院判决驳回原告诉讼请求40件，原告撤诉15件，裁定驳回起诉9件，行政机关败诉${lost}件；二审审结21件，维持原判19件，改判1件，发回重审1件。`;
    expect(kinds(first(4))).toEqual([]);
    expect(kinds(first(6))).toEqual([['parts_sum_mismatch', '68件', '70件']]);
  });

  it('reads "两项合计", "由A提高到B，提升C个百分点" and "同比分别增长x%和y%（上年分别为…）"', () => {
    expect(kinds('对首次轻微违法行为依法不予处罚642件，从轻、减轻处罚208件，两项合计850件。')).toEqual([]);
    expect(kinds('对首次轻微违法行为依法不予处罚642件，从轻、减轻处罚208件，两项合计860件。')).toEqual([['parts_sum_mismatch', '860件', '850件']]);
    expect(kinds('网上办理率由上年的75.4%提高到79.5%，提升4.1个百分点。')).toEqual([]);
    expect(kinds('网上办理率由上年的75.4%提高到79.5%，提升5.1个百分点。')).toEqual([['difference_mismatch', '4.1个百分点', '5.1个百分点']]);
    const both = (second: string) => `全年办理政务服务事项41.72万件，其中网上办理33.16万件，同比分别增长8.7%和${second}（2024年分别为38.38万件、28.95万件）。`;
    expect(kinds(both('14.5%'))).toEqual([]);
    expect(kinds(both('16.5%'))).toEqual([['rate_mismatch', '14.54%', '16.5%']]);
  });

  it('reads a rest item "其余部门合计" as the last item, never as a total, and "上年为4件，增加2件" as a change', () => {
    const text = (rest: number) => `全年办理行政处罚案件3147件，比2024年的3341件减少194件，下降5.8%。分执法单位看，县综合行政执法局1046件，县市场监督管理局812件，县交通运输局534件，县自然资源局143件，各乡镇综合行政执法队326件，其余部门合计${rest}件。`;
    expect(kinds(text(286))).toEqual([]);
    expect(kinds(text(296))).toEqual([['parts_sum_mismatch', '3147件', '3157件']]);
    expect(kinds('全年新收政府信息公开申请6件，上年为4件，增加2件；另有上年结转1件。')).toEqual([]);
    expect(kinds('全年新收政府信息公开申请6件，上年为4件，增加3件；另有上年结转1件。')).toEqual([['difference_mismatch', '2件', '3件']]);
  });

  it('reads a unit named again in brackets, the change after its rate, and a change with last year in the same bracket', () => {
    expect(kinds('全年受理群众信访事项37件（次），较上年的44件减少7件，下降15.9%。其中来访21件、网上信访13件、来信3件。')).toEqual([]);
    expect(kinds('全年受理群众信访事项37件（次），较上年的44件减少7件，下降15.9%。其中来访21件、网上信访13件、来信5件。')).toEqual([['parts_sum_mismatch', '37件', '39件']]);
    expect(kinds('全年立案23件（起），同比增长27.8%，增加5件。')).toEqual([]);
    expect(kinds('全年立案23件（起），同比增长37.8%，增加5件。')).toEqual([['rate_mismatch', '27.78%', '37.8%']]);
    expect(kinds('受理信访事项47件次（同比下降9.6%），上年为52件次，全部按期办结。')).toEqual([]);
    expect(kinds('受理信访事项47件次（同比下降8.6%），上年为52件次，全部按期办结。')).toEqual([['rate_mismatch', '9.62%', '8.6%']]);
  });

  it('reads two shares said with 分别占, of the items named before 两项合计 or the last two', () => {
    const named = (second: string) => `全年立案查处违法行为176起。从案由看，占道经营61起、违法建设48起、市容环境39起、其他28起，占道经营和违法建设两项合计109起，分别占立案总数的34.7%和${second}。`;
    expect(kinds(named('27.3%'))).toEqual([]);
    expect(kinds(named('29.3%'))).toEqual([['rate_mismatch', '27.27%', '29.3%']]);
    const opened = (second: string) => `全年排查矛盾纠纷284件，受理调解271件，调解成功262件。受理的纠纷中，物业纠纷97件、邻里纠纷72件，两项合计169件，分别占35.8%和${second}。`;
    expect(kinds(opened('26.6%'))).toEqual([]);
    expect(kinds(opened('27.5%'))).toEqual([['rate_mismatch', '26.57%', '27.5%']]);
  });

  it('reads 纠错率 of the corrected outcomes, 宣布废止, 评定优秀, 不予修复 and 涉及 lists', () => {
    expect(kinds('全年本局被申请行政复议4件，经县人民政府审理，维持3件、撤销1件，直接纠错率25%。')).toEqual([]);
    expect(kinds('全年本局被申请行政复议4件，经县人民政府审理，维持3件、撤销1件，直接纠错率35%。')).toEqual([['rate_mismatch', '25%', '35%']]);
    expect(kinds('清理现行有效文件9件，继续有效7件、宣布废止3件。')).toEqual([['parts_sum_mismatch', '9件', '10件']]);
    expect(kinds('共评查案卷120卷，评定优秀38卷、合格79卷、不合格3卷，合格率97.8%。')).toEqual([['rate_mismatch', '97.5%', '97.8%']]);
    expect(kinds('全年受理信用修复申请27件，准予修复24件、不予修复4件。')).toEqual([['parts_sum_mismatch', '27件', '28件']]);
    expect(kinds('全年受理投诉举报1,046件，涉及出租汽车和网约车518件、道路客运203件、道路货运127件、公路养护及路况198件。')).toEqual([]);
    expect(kinds('全年受理投诉举报1,046件，涉及出租汽车和网约车518件、道路客运203件、道路货运127件、公路养护及路况208件。')).toEqual([['parts_sum_mismatch', '1,046件', '1056件']]);
  });

  it('reads lists after an opening that states its own figure, kinds joined by commas, and colon lists ending before another unit', () => {
    expect(kinds('9条政策解读中，图解4条、短视频2条、文字解读4条。')).toEqual([['parts_sum_mismatch', '9条', '10条']]);
    expect(kinds('受理调处138件。调处的纠纷中，土地山林权属47件，婚姻家庭31件，邻里纠纷26件，跨境务工和边贸债务18件，其他16件。')).toEqual([]);
    expect(kinds('受理调处138件。调处的纠纷中，土地山林权属47件，婚姻家庭31件，邻里纠纷26件，跨境务工和边贸债务18件，其他26件。')).toEqual([['parts_sum_mismatch', '138件', '148件']]);
    expect(kinds('全年审查县政府涉法事项178件：行政规范性文件11件，重大行政决策5件，政府合同和行政协议126件，其他涉法文件46件，共提出法律意见412条。')).toEqual([['parts_sum_mismatch', '178件', '188件']]);
    expect(kinds('年初在册安置帮教对象31人，本年新衔接刑满释放人员6人，帮教期满解除4人，年末在册安置帮教对象35人。')).toEqual([['parts_sum_mismatch', '33人', '35人']]);
  });

  it('compares a 成效数据 list and a one-line summary with the body', () => {
    const text = (fine: string) => ['一、主要举措和成效', '全年立案查处违法行为176起，罚没款18.46万元。', '成效数据：', `——综合执法立案176起，罚没款${fine}万元；`];
    expect(kinds(...text('18.46'))).toEqual([]);
    // the data list ends where the next part of the report begins
    const facts = extractFacts([...text('18.46'), '二、存在的不足和原因', '执法人员持证率92.5%。']);
    expect(facts.map((f) => [f.quantity.raw, f.summary])).toEqual([['176起', undefined], ['18.46万元', undefined], ['176起', 'closing'], ['18.46万元', 'closing'], ['92.5%', undefined]]);
    // told once, as the summary's restatement
    expect(findings(...text('18.64')).map((f) => f.message)).toEqual(['结尾总结写“罚没款”18.64万元，正文写“罚没款”18.46万元，前后数字不一致。']);
  });

  it('reads a stock of 经营主体 opened by "2025年初，", its net change and rate, and one from 1月1日 to 12月31日', () => {
    const subjects = (rate: string) => `2025年初，全区登记在册经营主体14.28万户；全年新设2.37万户（企业0.81万户、个体工商户1.56万户），注销1.12万户，至年末实有经营主体15.53万户，净增1.25万户，增幅${rate}。`;
    expect(kinds(subjects('8.8%'))).toEqual([]);
    expect(kinds(subjects('8.0%'))).toEqual([['rate_mismatch', '8.75%', '8.0%']]);
    const documents = (end: number) => `1月1日区政府现行有效规范性文件118件，加上年内新制发的9件，清理中决定废止13件、宣布失效3件，截至12月31日现行有效${end}件。`;
    expect(kinds(documents(111))).toEqual([]);
    expect(kinds(documents(113)).map(([kind, expected]) => [kind, expected])).toEqual([['parts_sum_mismatch', '111件']]);
  });

  it('reads "两类共", a difference in another unit of the same money, and a change past a bracket of parts', () => {
    expect(kinds('全年对首违轻微违法行为不予处罚732件、减轻处罚285件，两类共1,017件。')).toEqual([]);
    expect(kinds('全年对首违轻微违法行为不予处罚732件、减轻处罚285件，两类共1,027件。')).toEqual([['parts_sum_mismatch', '1,027件', '1017件']]);
    expect(kinds('全年罚没款1.27亿元，上年为1.48亿元，减少2,100万元，降幅14.2%。')).toEqual([]);
    expect(kinds('全年罚没款1.27亿元，上年为1.48亿元，减少2,300万元，降幅14.2%。')).toEqual([['difference_mismatch', '2100万元', '2,300万元']]);
    expect(kinds('全年罚没款312.48万元（罚款287.15万元，没收违法所得25.33万元），上年同期为268.70万元，增长16.3%。')).toEqual([]);
    expect(kinds('全年罚没款312.48万元（罚款287.15万元，没收违法所得25.33万元），上年同期为268.70万元，增长14.0%。')).toEqual([['rate_mismatch', '16.29%', '14.0%']]);
  });

  it('reads 批次, a unit named again after 台, colon lists across 场次 and 场, counted names before 分别为, and a breakdown of a 合计', () => {
    expect(kinds('全年食品安全监督抽检2860批次，合格2807批次、不合格53批次，合格率98.5%。')).toEqual([['rate_mismatch', '98.15%', '98.5%']]);
    expect(kinds('全县在册特种设备4126台（套），其中电梯1853台、锅炉96台、压力容器1402台、起重机械518台、场（厂）内专用机动车辆257台。')).toEqual([]);
    expect(kinds('全县在册特种设备4162台（套），其中电梯1853台、锅炉96台、压力容器1402台、起重机械518台、场（厂）内专用机动车辆257台。')).toEqual([['parts_sum_mismatch', '4162台', '4126台']]);
    expect(kinds('开展主题普法活动38场次：进企业14场、进市场11场、进校园6场、进社区9场。')).toEqual([['parts_sum_mismatch', '38场次', '40场次']]);
    expect(kinds('全年承接工单6418件，四个季度分别为1385件、1542件、1698件、1793件，呈逐季上升态势。')).toEqual([]);
    expect(kinds('全年承接工单6418件，四个季度分别为1385件、1542件、1698件、1803件，呈逐季上升态势。')).toEqual([['parts_sum_mismatch', '6418件', '6428件']]);
    const nature = (reports: number) => `12315平台1468件，12345热线转办519件，来信来访122件，合计2109件。按性质区分，投诉1284件、举报${reports}件，举报线索经核查后立案41件。`;
    expect(kinds(nature(825))).toEqual([]);
    expect(kinds(nature(835))).toEqual([['parts_sum_mismatch', '2109件', '2119件']]);
  });

  it('reads a bare 占比 as a share of what the sentence opens on, named by its verb', () => {
    const text = (share: string) => `全年排查矛盾纠纷412件，受理调解386件，调解成功371件。受理的纠纷中，劳动争议167件，占比${share}，比例居各类纠纷之首。`;
    expect(kinds(text('43.3%'))).toEqual([]);
    expect(kinds(text('45.3%'))).toEqual([['rate_mismatch', '43.26%', '45.3%']]);
  });

  it('reads a list after an opening that states its own figure past a comma, each item with its share, and a share of two of its items', () => {
    const forms = (video: number) => `政策解读做到与文件同步发布，14条解读中，图解6条，占42.9%；文字解读5条，占35.7%；短视频解读${video}条，占21.4%。`;
    expect(kinds(forms(3))).toEqual([]);
    expect(kinds(forms(4)).map(([kind]) => kind)).toEqual(['parts_sum_mismatch', 'rate_mismatch']);
    const results = (both: string) => `办理结果上，已办结的22件中，予以公开9件，占40.9%；部分公开3件，占13.6%，公开和部分公开两项合计占${both}。`;
    expect(kinds(results('54.5%'))).toEqual([]);
    expect(kinds(results('52.2%'))).toEqual([['rate_mismatch', '54.55%', '52.2%']]);
    const columns = (last: number) => `主动公开政府信息486条，上年同期为437条，增加49条，增长11.2%。分栏目看，工作动态203条，通知公告118条，政策文件（含转发上级文件）21条，政策解读14条，财政预决算6条，社会救助公示72条，城市更新${last}条。`;
    expect(kinds(columns(52))).toEqual([]);
    expect(kinds(columns(62))).toEqual([['parts_sum_mismatch', '486条', '496条']]);
  });

  it('never takes a change or a count of part of the applications for their whole', () => {
    expect(kinds('全区全年登记受理信访事项2,186件，较2024年的2,453件减少267件，下降10.9%；其中通过网上信访渠道提出的1,402件，占64.1%。')).toEqual([]);
    expect(kinds('全年主动公开政府信息436条，较2024年的389条增加47条，增长12.1%。其中，通过县政府门户网站专栏发布268条，通过“宁川健康”微信公众号发布168条。按内容分，工作动态158条、通知公告84条、其他194条。')).toEqual([]);
  });

  it('reads a figure taken from last year to this, a list of either, and last year\'s figure after a list', () => {
    const grown = (now: number, net: string) => `“双桥发布”微信公众号关注用户由年初的1.95万人增至年末的${now}万人，净增${net}人。`;
    expect(kinds(grown(2.36, '4100'))).toEqual([]);
    expect(kinds(grown(2.36, '4200'))).toEqual([['difference_mismatch', '4100人', '4200人']]);
    // the list after the increase may be of the figure reached, or of the increase
    const members = (reached: number, last: number) => `“法律明白人”由上年的176名增加到${reached}名，新增${reached - 176}名，其中村“两委”成员62名、网格员48名、党员和乡贤71名、茶企负责人和民宿经营户${last}名。`;
    expect(kinds(members(214, 33))).toEqual([]);
    expect(kinds(members(214, 43))).toEqual([['parts_sum_mismatch', '214名', '224名']]);
    expect(findings(members(214, 43))[0]?.message).toContain('“法律明白人”共214名');
    expect(kinds('新增法律明白人38名，其中村“两委”成员12名、网格员26名。')).toEqual([]);
    // last year's figure after the items is none of them
    expect(kinds('受众共1.52万人次，其中线下参与9800人次，线上直播观看5400人次，约为上年（2700人次）的2倍。')).toEqual([]);
    expect(kinds('受众共1.52万人次，其中线下参与9800人次，线上直播观看5900人次，约为上年（2700人次）的2倍。')).toEqual([['parts_sum_mismatch', '1.52万人次', '15700人次']]);
    // "压减" is a fall
    expect(kinds('“三公”经费预算安排12.6万元，较上年的13.7万元压减8.0%。')).toEqual([]);
    expect(kinds('“三公”经费预算安排12.6万元，较上年的13.7万元压减9.0%。')).toEqual([['rate_mismatch', '8.03%', '9.0%']]);
  });

  it('reads a stock taken from the opening to the closing figure with its movements after 其中', () => {
    const stock = (out: number) => `全街道在册低保对象由年初的319户调整为年末的312户，其中新增纳入28户、退出${out}户，公示期间收到并核实群众反映2件。`;
    expect(kinds(stock(35))).toEqual([]);
    expect(kinds(stock(36))).toEqual([['parts_sum_mismatch', '311户', '312户']]);
    expect(findings(stock(36))[0]?.message).toContain('“年初在册低保对象”319户');
  });

  it('reads a whole past an aside or a clause joined by 并, and items joined by 、 before 共', () => {
    const funds = (last: string) => `落实法治建设经费18.6万元并全额纳入年度财政预算，其中普法宣传8.2万元、法律顾问6.0万元、人民调解“以奖代补”${last}万元。`;
    expect(kinds(funds('4.4'))).toEqual([]);
    expect(kinds(funds('5.4'))).toEqual([['parts_sum_mismatch', '18.6万元', '19.6万元']]);
    const cleared = (kept: number) => `共清理64件（均不属于行政规范性文件），其中继续有效${kept}件、宣布失效15件、予以废止8件，清理结果已在专栏公布。`;
    expect(kinds(cleared(41))).toEqual([]);
    expect(kinds(cleared(47))).toEqual([['parts_sum_mismatch', '64件', '70件']]);
    const villages = (n: number) => `依托镇人民调解委员会和14个行政村、2个社区共${n}个村（居）调委会，构建三级调解网络。`;
    expect(kinds(villages(16))).toEqual([]);
    expect(kinds(villages(18))).toEqual([['parts_sum_mismatch', '18个', '16个']]);
  });

  it('names each figure after 分别为 by its own name, and lists of other things are no parts of the figure before', () => {
    const facts = extractFacts(['全镇开展合法性审查63件，行政复议、行政诉讼案件分别为3件、4件，均无败诉。']);
    expect(facts.map((f) => [f.quantity.raw, f.label, f.partOf?.quantity.raw])).toEqual([['63件', '合法性审查', undefined], ['3件', '行政复议案件', undefined], ['4件', '行政诉讼案件', undefined]]);
    expect(kinds('共评查行政执法案卷360卷，评查结果为优秀、合格、不合格的分别为211卷、138卷、11卷。')).toEqual([]);
    expect(kinds('共评查行政执法案卷360卷，评查结果为优秀、合格、不合格的分别为211卷、141卷、11卷。')).toEqual([['parts_sum_mismatch', '360卷', '363卷']]);
  });

  it('finds a share\'s named 总数 in an earlier paragraph, and takes the share of the figure changed, not of the change', () => {
    const text = (mediated: string, land: string) => [
      '一、主要举措和成效',
      '全年排查发现各类矛盾纠纷163件，调处各类矛盾纠纷146件，较上年（131件）增加15件；调解成功142件。',
      `全年“法律明白人”参与调解纠纷57件，占全镇调处纠纷总数的${mediated}，成为化解矛盾的重要力量。`,
      '二、存在的不足和原因',
      `全年土地山林权属纠纷29件，较上年（21件）增加8件，占调处纠纷总数的${land}，问题较为突出。`,
    ];
    expect(kinds(...text('39.0%', '19.9%'))).toEqual([]);
    expect(kinds(...text('36.0%', '19.9%'))).toEqual([['rate_mismatch', '39.04%', '36.0%']]);
    expect(kinds(...text('39.0%', '18.9%'))).toEqual([['rate_mismatch', '19.86%', '18.9%']]);
  });

  it('tells two 按期办结 apart when each opens its own sentence in paragraphs about other things', () => {
    expect(kinds('全年共受理群众信访事项97件。严格按照《信访工作条例》分类处理，按期办结95件，按期办结率97.9%。', '全年承办12345热线工单655件。实行首接负责，按期办结642件，按期办结率98.0%。')).toEqual([]);
  });

  it('compares the data restated in the 其他需要报告的事项 with the body', () => {
    const text = (restated: number) => [
      '一、主要举措和成效',
      '全年共立案查处行政执法案件214件，收缴罚没款47.36万元。',
      '五、其他需要报告的事项',
      `（三）年度主要数据。2025年，全镇办理行政执法案件${restated}件、收缴罚没款47.36万元。`,
    ];
    expect(kinds(...text(214))).toEqual([]);
    expect(kinds(...text(241))).toEqual([['inconsistent_value', '214件', '241件']]);
    expect(findings(...text(241))[0]?.message).toContain('结尾总结');
    // what else happened that year is told beside the body, not restated by it
    expect(kinds('一、主要举措和成效', '组织执法人员到治超检测站和运管窗口开展法治建设调研督导6次。', '五、其他需要报告的事项', '2025年，县委全面依法治县委员会办公室对我局开展法治督察1次，反馈问题5个，已全部完成整改。')).toEqual([]);
    // restated in the body's own words, it is compared as well
    const aid = (n: number) => ['一、主要举措和成效', `全年接待法律咨询312人次，协助群众申请法律援助18件，其中农民工讨薪11件、赡养抚养4件、交通事故赔偿3件。`, '五、其他需要报告的情况', `2025年，乡公共法律服务工作站协助群众申请法律援助${n}件，挽回经济损失38.6万元。`];
    expect(kinds(...aid(18))).toEqual([]);
    expect(kinds(...aid(16))).toEqual([['inconsistent_value', '18件', '16件']]);
    expect(findings(...aid(16))[0]?.message).toContain('“其他需要报告的事项”');
    // a total of two things listed with 、 is not the last of them restated
    const suits = (n: number) => ['一、主要举措和成效', '以镇政府为被告的行政诉讼案件4件，已审结3件。', '五、其他需要报告的事项', `2025年，柳溪镇依法办理行政复议、行政诉讼案件合计${n}件（其中行政复议3件、行政诉讼4件），未发生行政败诉案件。`];
    expect(kinds(...suits(7))).toEqual([]);
    expect(kinds(...suits(8))).toEqual([['parts_sum_mismatch', '8件', '7件']]);
  });

  it('reads what is still pending, named after its figure, as the rest of the whole after what was finished', () => {
    const suits = (open: number) => `以镇政府为被告的行政诉讼案件4件，其中本年新收3件、上年结转1件，涉及征地补偿；已审结3件，均判决驳回原告诉讼请求，${open}件尚在审理中，全年无败诉案件。`;
    expect(kinds(suits(1))).toEqual([]);
    expect(kinds(suits(2)).map(([kind]) => kind)).toEqual(['parts_sum_mismatch']);
  });

  it('compares a summary figure with the one body figure that says it with words between', () => {
    const text = (restated: number) => ['一、主要举措和成效', '全年排查发现各类矛盾纠纷163件，调处各类矛盾纠纷146件，调解成功142件。', '五、其他需要报告的事项', `（三）年度主要数据。2025年，全镇调处矛盾纠纷${restated}件。`];
    expect(kinds(...text(146))).toEqual([]);
    expect(kinds(...text(164))).toEqual([['inconsistent_value', '146件', '164件']]);
  });

  it('breaks down the new applications, not the new and the carried over together, and shares of them named 新收', () => {
    const text = (natural: number, letters: number) => `本年度新收政府信息公开申请27件，较上年的21件增长28.6%；加上上年结转1件，全年需办理申请28件。从申请主体看，自然人申请${natural}件，占新收申请的85.2%；法人或其他组织申请4件，分别为商业企业3件、法律服务机构1件。从申请方式看，当面申请9件，信函申请${letters}件，通过区政府网站在线申请13件。`;
    expect(kinds(text(23, 5))).toEqual([]);
    expect(kinds(text(23, 6))).toEqual([['parts_sum_mismatch', '27件', '28件']]);
    expect(kinds(text(24, 5)).map(([kind]) => kind)).toEqual(['parts_sum_mismatch', 'rate_mismatch']);
  });

  it('splits what was received past its change, and keeps what came over, was accepted, finished and is still open as a stock', () => {
    const text = (refused: number, open: number) => `县政府全年收到行政复议申请231件，较上年的198件增长16.7%。经审查，受理209件，不予受理${refused}件，告知申请人向有权机关提出7件。连同2024年结转的18件，全年审结196件，年底尚在审理期限内${open}件。`;
    expect(kinds(text(15, 31))).toEqual([]);
    expect(kinds(text(17, 31))).toEqual([['parts_sum_mismatch', '231件', '233件']]);
    expect(kinds(text(15, 33))).toEqual([['parts_sum_mismatch', '31件', '33件']]);
    expect(findings(text(15, 33))[0]?.message).toContain('“2024年结转”18件，加受理209件、减审结196件');
  });

  it('reads a breakdown of items joined by semicolons, each saying more of itself, and the whole an item\'s share names', () => {
    const cases = (other: number, town: number) => `全年全局立案查处城市管理违法案件3482件。从案件类型看：市容环境类1526件，主要为占道经营和店外经营；违法建设类384件；渣土运输类612件，是上年385件的1.6倍，主要原因是城东片区集中开工；燃气安全类157件；户外广告类438件；园林绿化类213件；其他${other}件。从适用程序看，适用简易程序2571件，适用一般程序911件，一般程序案件占26.2%。从属地分布看，平安街道1348件，占全区的38.7%；东城街道862件；西营街道675件；南湖街道413件；小峡、三合等4个镇合计${town}件。`;
    expect(kinds(cases(152, 184))).toEqual([]);
    expect(kinds(cases(162, 184))).toEqual([['parts_sum_mismatch', '3482件', '3492件']]);
    expect(kinds(cases(152, 194))).toEqual([['parts_sum_mismatch', '3482件', '3492件']]);
    const disputes = (last: number) => `全年排查矛盾纠纷346件，受理调处331件，成功化解318件，化解率96.1%。从纠纷类型看，物业服务纠纷104件，占受理调处总数的31.4%，居各类纠纷首位；邻里纠纷87件；婚姻家庭纠纷65件；劳资及其他纠纷${last}件。`;
    expect(kinds(disputes(75))).toEqual([]);
    expect(kinds(disputes(90))).toEqual([['parts_sum_mismatch', '331件', '346件']]);
  });

  it('counts a figure said of each of several names once for each, and reads the rest that says what it is', () => {
    const text = (natural: number, share: string) => `全年共收到政府信息公开申请7件，较上年的5件增加2件，增长40.0%；加上上年结转的1件，本年度需办理的申请共计8件。从申请主体看，自然人申请${natural}件，占新收申请的${share}，商业企业和法律服务机构申请各1件。`;
    expect(kinds(text(5, '71.4%'))).toEqual([]);
    expect(kinds(text(5, '62.5%'))).toEqual([['rate_mismatch', '71.43%', '62.5%']]);
    expect(kinds(text(6, '71.4%')).map(([kind]) => kind)).toEqual(['parts_sum_mismatch', 'rate_mismatch']);
    expect(kinds('全年共收到政府信息公开申请7件；加上上年结转的1件，本年度需办理的申请共计9件。')).toEqual([['parts_sum_mismatch', '8件', '9件']]);
    const items = (rest: number) => `全年主动公开政府信息214条。按内容分，机构职能和领导信息9条，政策文件及解读23条，财政预决算和“三公”经费14条，惠民惠农补贴资金发放62条，乡村振兴和项目建设41条，应急管理和安全生产27条，其余${rest}条为工作动态等信息。`;
    expect(kinds(items(38))).toEqual([]);
    expect(kinds(items(48))).toEqual([['parts_sum_mismatch', '214条', '224条']]);
  });

  it('reads the list after a change over last year\'s year-end figure as of this year\'s, and no 排查整改 as one stage', () => {
    expect(kinds('年末全县实有经营主体38642户，较上年末的35917户增长7.6%，其中企业6128户、个体工商户31876户、农民专业合作社638户。')).toEqual([]);
    expect(kinds('年末全县实有经营主体38642户，较上年末的35917户增长7.6%，其中企业6128户、个体工商户31876户、农民专业合作社738户。')).toEqual([['parts_sum_mismatch', '38642户', '38742户']]);
    expect(kinds('全年排查整改燃气安全隐患1804处，城市管理秩序持续改善。', '一、主要举措和成效', '全年排查燃气安全隐患1863处，已整改1804处，整改率96.8%。')).toEqual([]);
  });

  it('reads outcomes joined by commas, grades after 其中, outcomes in the sentence after the act, and the rest after a comma', () => {
    const cleared = (kept: number) => `对以本局名义印发、现行有效的规范性文件18件开展全面清理，保留${kept}件，修订3件，废止1件，清理结果已在区政府门户网站公布。`;
    expect(kinds(cleared(14))).toEqual([]);
    expect(kinds(cleared(15))).toEqual([['parts_sum_mismatch', '18件', '19件']]);
    // an outcome is no whole of the outcomes after it
    expect(kinds('本局作为被申请人的行政复议案件14件，经区人民政府审理，维持9件，撤销1件，确认违法1件，申请人撤回申请终止2件，尚在审理1件。')).toEqual([]);
    const graded = (good: number) => `全年共评查行政处罚案卷260卷，其中优秀78卷，合格${good}卷，不合格15卷，优秀率30.0%。`;
    expect(kinds(graded(167))).toEqual([]);
    expect(kinds(graded(177))).toEqual([['parts_sum_mismatch', '260卷', '270卷']]);
    const act = (repealed: number) => `共清理县政府及县政府办公室规范性文件148件。经清理，继续有效121件、需要修改11件、宣布失效9件、予以废止${repealed}件，清理结果已公布。`;
    expect(kinds(act(7))).toEqual([]);
    expect(kinds(act(9))).toEqual([['parts_sum_mismatch', '148件', '150件']]);
    const fines = (rest: string) => `全年共处罚款486.35万元。其中，渣土运输类168.20万元、违法建设类121.45万元、市容环境类97.30万元、燃气安全类43.60万元，其余各类案件合计${rest}万元。`;
    expect(kinds(fines('55.80'))).toEqual([]);
    expect(kinds(fines('65.80'))).toEqual([['parts_sum_mismatch', '486.35万元', '496.35万元']]);
  });

  it('takes what was opened as the base of what was closed among three counts', () => {
    const text = (rate: string) => `全年平台共上报城市管理问题28416件，经审核立案27935件，按时结案27618件，结案率${rate}。`;
    expect(kinds(text('98.9%'))).toEqual([]);
    expect(kinds(text('97.2%'))).toEqual([['rate_mismatch', '98.87%', '97.2%']]);
  });

  it('reads the outcomes of the whole an opening names, the new and the carried over to review, and a breakdown by 属地 of what was taken in', () => {
    const review = (upheld: number, due: number) => `全年共收到行政复议申请172件。经审查，依法受理154件，决定不予受理11件，另有7件在受理审查期间由申请人主动撤回。连同上年结转的9件，全年应审理案件${due}件，审结148件，年末在法定审理期限内尚未审结15件。审结案件的结果分别为：维持${upheld}件，驳回复议请求21件，撤销12件，变更3件，确认违法7件，责令履行4件，终止审理12件。`;
    expect(kinds(review(89, 163))).toEqual([]);
    expect(kinds(review(99, 163))).toEqual([['parts_sum_mismatch', '148件', '158件']]);
    expect(kinds(review(89, 165)).map(([kind]) => kind)).toEqual(['parts_sum_mismatch', 'parts_sum_mismatch']);
    // what was finished is no sum of the new and the carried over
    expect(kinds('受理401件，不予受理23件。连同上年结转的28件，年内共审结392件，结转至2026年37件。')).toEqual([]);
    // a list followed by 另… is not all of its whole
    expect(kinds('街道全年被申请行政复议5件，区人民政府决定维持3件、驳回复议请求1件，另1件因申请人撤回申请终止审理。')).toEqual([]);
    const towns = (last: number) => `全年排查矛盾纠纷3985件，受理调解2764件，调解成功2698件，调解成功率97.6%。按属地分，城关镇512件、龙口镇398件、白石镇361件、桥头镇336件、云岭乡323件、青溪乡297件、双河镇289件、石门乡${last}件。`;
    expect(kinds(towns(248))).toEqual([]);
    expect(kinds(towns(258))).toEqual([['parts_sum_mismatch', '2764件', '2774件']]);
  });

  it('reads a breakdown joined by 、 that ends in the rest after a comma, of what was taken into mediation', () => {
    const types = (other: number) => `全年排查矛盾纠纷612件，纳入调处498件。按类型分：邻里纠纷132件、婚姻家庭纠纷118件、劳资纠纷64件（主要涉及工业集中区企业）、宅基地纠纷53件、土地承包经营纠纷47件，其他纠纷${other}件。`;
    expect(kinds(types(84))).toEqual([]);
    expect(kinds(types(94))).toEqual([['parts_sum_mismatch', '498件', '508件']]);
    const units = (rest: number) => `全年全县各行政执法部门共办理行政执法案件2316件。按办案主体分，县市场监管局684件、县综合行政执法局538件、县交通运输局412件、县自然资源局217件、市生态环境局石泉分局96件，其余${rest}件由农业农村、文化旅游、卫生健康、应急管理等部门办理；按适用程序分，适用简易程序1427件，适用普通程序889件。`;
    expect(kinds(units(369))).toEqual([]);
    expect(kinds(units(379))).toEqual([['parts_sum_mismatch', '2316件', '2326件']]);
  });

  it('takes what was 立案 as the base of a 结案率 whose count of closed cases is in a later sentence', () => {
    const text = (rate: string) => `全年检查生产经营单位1264家次，立案218件，同比增长12.4%。全年已结案206件，结案率${rate}，罚没款312.6万元。`;
    expect(kinds(text('94.5%'))).toEqual([]);
    expect(kinds(text('95.4%'))).toEqual([['rate_mismatch', '94.5%', '95.4%']]);
  });

  it('reads a 其中 list on past last year\'s figure of an item and its multiple', () => {
    const text = (all: number) => `全年开展执法检查${all}家次，其中“双随机”抽查486家次，为上年324家次的1.5倍，专项检查521家次，日常巡查246家次。`;
    expect(kinds(text(1253))).toEqual([]);
    expect(kinds(text(1263))).toEqual([['parts_sum_mismatch', '1263家次', '1253家次']]);
  });

  it('ends a list of dispositions joined by 、 with what was withdrawn after a comma', () => {
    const text = (all: number) => `我局作为被申请人的行政复议案件${all}件，县人民政府决定维持3件、撤销1件，因申请人撤回申请终止1件。`;
    expect(kinds(text(5))).toEqual([]);
    expect(kinds(text(6))).toEqual([['parts_sum_mismatch', '6件', '5件']]);
  });

  it('takes the whole a clause names with 中 as the whole of its rest, though that whole is a part itself', () => {
    const text = (rest: number) => `非法占用林地的43件中，占用公益林地的17件，占用商品林地的26件；公益林地案件中涉及国家级公益林6件，其余${rest}件为省级公益林。`;
    expect(kinds(text(11))).toEqual([]);
    expect(kinds(text(13)).map(([kind]) => kind)).toEqual(['parts_sum_mismatch']);
  });

  it('goes on with a breakdown in the sentence after it that opens on 另外', () => {
    const text = (last: number) => `全年立案查处违法案件132件。从案件类型看，林业案件38件，违法占地建房29件，非法河道采砂23件，渔政案件17件。另外，查处集镇市容环境卫生案件14件，安全生产案件${last}件。`;
    expect(kinds(text(11))).toEqual([]);
    expect(kinds(text(13))).toEqual([['parts_sum_mismatch', '132件', '134件']]);
    // a breakdown that already makes up its whole does not take what 另外 adds
    expect(kinds('全年立案查处违法案件107件。从案件类型看，林业案件38件，违法占地建房29件，非法河道采砂23件，渔政案件17件。另外，办理简易程序案件86件。')).toEqual([]);
  });

  it('reads what a 结案率 leaves of its base as still open, and a 采纳率 of what was 提出 in the sentence before', () => {
    const open = (n: number) => `全年立案查处违法案件132件。截至12月31日，已结案125件，结案率94.7%，尚未结案的${n}件均在法定办案期限内。`;
    expect(kinds(open(7))).toEqual([]);
    expect(kinds(open(9))).toEqual([['parts_sum_mismatch', '132件', '134件']]);
    const adopted = (rate: string) => `审查中共提出修改意见96条。经与承办站所逐条沟通，最终采纳91条，采纳率${rate}。`;
    expect(kinds(adopted('94.8%'))).toEqual([]);
    expect(kinds(adopted('95.8%'))).toEqual([['rate_mismatch', '94.79%', '95.8%']]);
  });

  it('reads last year\'s figure opening the sentence after this year\'s, and a rate whose sentence names its base', () => {
    const change = (rate: string) => `全年承办12345政务服务便民热线工单1,073件。上年同期承办946件，同比增长${rate}。`;
    expect(kinds(change('13.4%'))).toEqual([]);
    expect(kinds(change('14.4%'))).toEqual([['rate_mismatch', '13.42%', '14.4%']]);
    const fall = (rate: string) => `全年承办热线工单1,073件。上年同期承办1,146件，同比下降了${rate}。`;
    expect(kinds(fall('6.4%'))).toEqual([]);
    expect(kinds(fall('7.4%')).map(([kind]) => kind)).toEqual(['rate_mismatch']);
    const based = (rate: string) => `全年排查矛盾纠纷418件，纳入调解356件。经调解成功347件，比上年的321件增加26件。按纳入调解的纠纷计算，调解成功率为${rate}。`;
    expect(kinds(based('97.5%'))).toEqual([]);
    expect(kinds(based('98.5%'))).toEqual([['rate_mismatch', '97.47%', '98.5%']]);
  });

  it('reads where the unresolved went, and a breakdown by village whose rest names how many villages it gathers', () => {
    const text = (went: number, rest: number) => `全年排查矛盾纠纷418件，纳入调解356件，其中山林权属纠纷74件、其他纠纷282件。山林权属纠纷最为突出，共74件，其中跨村界的19件，其余55件为界址争议。经调解成功347件。未调解成功的9件，已引导当事人提起诉讼5件、申请农村土地承包仲裁${went}件。从村（社区）分布看，石门社区52件、清江村41件、岩口村38件，其余9个村共计${rest}件。`;
    expect(kinds(text(4, 225))).toEqual([]);
    expect(kinds(text(6, 225))).toEqual([['parts_sum_mismatch', '9件', '11件']]);
    expect(kinds(text(4, 235))).toEqual([['parts_sum_mismatch', '356件', '366件']]);
  });

  it('reads 上年结转, 本年受理, 办结 and 结转下年 in their order as a stock of open cases', () => {
    const text = (left: number) => `林权争议调处方面，上年结转6件，本年受理23件，全年调处办结24件，结转下年${left}件，调处结果均制作调解书或处理决定书。`;
    expect(kinds(text(5))).toEqual([]);
    expect(kinds(text(7)).map(([kind]) => kind)).toEqual(['parts_sum_mismatch']);
  });

  it('reads dispositions named with the body that decided them, ended by a withdrawal', () => {
    const suits = (all: number) => `作为被告的一审行政诉讼案件${all}件，法院判决驳回原告诉讼请求3件，原告撤诉1件，无败诉案件。`;
    expect(kinds(suits(4))).toEqual([]);
    expect(kinds(suits(5))).toEqual([['parts_sum_mismatch', '5件', '4件']]);
    const reviews = (all: number) => `全年镇政府作为被申请人的行政复议案件${all}件，县政府决定维持2件，申请人撤回申请后终止1件；作为被告的一审行政诉讼案件1件。`;
    expect(kinds(reviews(3))).toEqual([]);
    expect(kinds(reviews(4))).toEqual([['parts_sum_mismatch', '4件', '3件']]);
  });

  it('takes a 结案率 of what was 立案 past an item said again and a rest, and a change after a list of the whole', () => {
    const cases = (rate: string) => `全年立案查处林业行政案件158件。从案由看，滥伐林木61件，非法占用林地43件，其他案件54件。非法占用林地的43件中，占用公益林地的17件，占用商品林地的26件；公益林地案件中涉及国家级公益林6件，其余11件为省级公益林。已结案149件，结案率${rate}。`;
    expect(kinds(cases('94.3%'))).toEqual([]);
    expect(kinds(cases('95.3%'))).toEqual([['rate_mismatch', '94.3%', '95.3%']]);
    const fines = (rate: string) => `全年收缴罚没款96.58万元，其中罚款71.24万元、没收违法所得25.34万元，比上年的118.40万元下降${rate}，主要是大案要案减少。`;
    expect(kinds(fines('18.4%'))).toEqual([]);
    expect(kinds(fines('22.6%'))).toEqual([['rate_mismatch', '18.43%', '22.6%']]);
  });

  it('reads a stock one of whose movements is said to be none, and a 网办率 of what was 受理 in the sentence before', () => {
    const stock = (end: number) => `严格规范性文件管理，年初现行有效的行政规范性文件3件，本年未制发新的规范性文件，废止1件，年末现行有效${end}件。`;
    expect(kinds(stock(2))).toEqual([]);
    expect(kinds(stock(3)).map(([kind]) => kind)).toEqual(['parts_sum_mismatch']);
    const online = (rate: string) => `全年受理林木采伐许可申请1,382件，准予许可1,357件，对超出采伐限额的25件依法不予许可。通过省林业综合管理平台网上办理1,219件，网办率${rate}，比上年提高6.5个百分点。`;
    expect(kinds(online('88.2%'))).toEqual([]);
    expect(kinds(online('89.2%'))).toEqual([['rate_mismatch', '88.21%', '89.2%']]);
  });

  it('ends a breakdown with the rest and what it concerns, and reads 受理量较上年的 in the sentence after the 受理', () => {
    const rest = (n: string) => `全年承接12345热线工单4,862件，较上年的5,214件下降6.8%。按诉求类别划分，城市管理类1,637件，物业服务类1,208件，噪声扰民类596件，供水供气类443件，其余${n}件涉及教育、医保、养老等事项。`;
    expect(kinds(rest('978'))).toEqual([]);
    expect(kinds(rest('988'))).toEqual([['parts_sum_mismatch', '4,862件', '4872件']]);
    const accepted = (rate: string) => `全年收到行政复议申请247件，依法受理231件，不予受理11件，告知向有权机关提出5件。受理量较上年的196件增长${rate}。受理案件中，涉及行政处罚的97件，占42.0%。`;
    expect(kinds(accepted('17.9%'))).toEqual([]);
    expect(kinds(accepted('18.9%'))).toEqual([['rate_mismatch', '17.86%', '18.9%']]);
  });

  it('takes no figure of the 其他 part that counts some of a body figure (…中涉及…的) for its restatement', () => {
    const report = (n: number) => ['泸源县2025年法治政府建设年度报告', '一、主要举措和成效', '办理人大代表建议、政协委员提案共186件，按期办结率100%。', '二、其他需要报告的事项', `全年办理县人大代表建议和政协委员提案中涉及法治建设的共${n}件，均已按期办结。`];
    expect(kinds(...report(24))).toEqual([]);
  });

  it('reads 依类型分, 宣布废止或失效 and 继续保留, what was 承接, and a carry-over to a named year', () => {
    const types = (last: number) => `全年立案查处各类违法行为168起，依类型分，占道经营62起，违规设置户外广告27起，建筑垃圾违规处置33起，违法建设${last}起。`;
    expect(kinds(types(46))).toEqual([]);
    expect(kinds(types(56)).map(([kind]) => kind)).toEqual(['parts_sum_mismatch']);
    const cleanup = (ended: number) => `年内对现行有效规范性文件开展全面清理，共清理214件，继续保留176件，修改21件，宣布废止或失效${ended}件，清理结果于9月30日向社会公布。`;
    expect(kinds(cleanup(17))).toEqual([]);
    expect(kinds(cleanup(27))).toEqual([['parts_sum_mismatch', '214件', '224件']]);
    const hotline = (rate: string) => `全年承接12345热线工单4,862件，较上年的5,214件下降6.8%。按诉求类别划分，城市管理类1,637件，其余3,225件。截至12月31日，已办结4,851件，办结率${rate}。`;
    expect(kinds(hotline('99.8%'))).toEqual([]);
    expect(kinds(hotline('98.8%'))).toEqual([['rate_mismatch', '99.77%', '98.8%']]);
    const carried = (left: number) => `全年受理信访事项134件，其中来信21件，来访57件，网上信访56件。加上上年结转的5件，全年办结131件，结转至2026年继续办理${left}件。`;
    expect(kinds(carried(8))).toEqual([]);
    expect(kinds(carried(6)).map(([kind]) => kind)).toEqual(['parts_sum_mismatch']);
  });

  it('goes on after a rest with the items after it, and past a count inside an item\'s name', () => {
    const kinds_ = (other: number) => `全乡排查矛盾纠纷241件，受理调处226件，其中草场边界纠纷52件、土地承包经营纠纷47件、婚姻家庭纠纷44件、邻里纠纷38件；另有损害赔偿纠纷21件，其他纠纷${other}件。`;
    expect(kinds(kinds_(24))).toEqual([]);
    expect(kinds(kinds_(34))).toEqual([['parts_sum_mismatch', '226件', '236件']]);
    const funds = (last: string) => `全年公示发放各类惠民资金1,268.47万元，其中耕地地力保护补贴486.35万元、城乡低保金612.80万元、临时救助金38.52万元、残疾人两项补贴${last}万元，公示内容包括补贴对象和标准。`;
    expect(kinds(funds('130.80'))).toEqual([]);
    expect(kinds(funds('140.80')).map(([kind]) => kind)).toEqual(['parts_sum_mismatch']);
  });

  it('takes 需办理 of the new this year, not last year\'s, and the outcomes "在办结的申请中" of what was finished', () => {
    const text = (due: number, rate: string) => `全年新收政府信息公开申请23件，上年的新收申请为17件，同比增长35.3%。加上上年结转的2件，本年度需办理的申请共${due}件，已办结22件，结转下年度3件。在办结的申请中，予以公开12件，占${rate}；部分公开2件；不予公开1件。`;
    expect(kinds(text(25, '54.5%'))).toEqual([]);
    expect(kinds(text(25, '64.5%'))).toEqual([['rate_mismatch', '54.55%', '64.5%']]);
    expect(kinds(text(27, '54.5%')).map(([kind]) => kind)).toContain('parts_sum_mismatch');
  });

  it('reads last year\'s figure in the next sentence with the difference between ("与上年的…相比，…减少…，下降…")', () => {
    const fines = (diff: string, rate: string) => `全年收缴罚没款8.62万元，其中罚款7.95万元、没收违法所得0.67万元。与上年的10.14万元相比，罚没款减少${diff}万元，下降${rate}，主要是教育为主。`;
    expect(kinds(fines('1.52', '15.0%'))).toEqual([]);
    expect(kinds(fines('1.52', '16.0%')).map(([kind]) => kind)).toEqual(['rate_mismatch']);
    expect(kinds(fines('1.62', '15.0%')).map(([kind]) => kind)).toEqual(['difference_mismatch']);
    const named = (rate: string) => `全年收缴罚没款126.38万元，其中罚款109.74万元，没收违法所得16.64万元，全部按规定缴入国库。上年收缴罚没款98.51万元，本年较上年增加27.87万元，增长${rate}，增幅较大。`;
    expect(kinds(named('28.3%'))).toEqual([]);
    expect(kinds(named('29.3%')).map(([kind]) => kind)).toEqual(['rate_mismatch']);
  });

  it('reads a carry-over whose finished figure carries its rate before the rest', () => {
    const text = (left: number) => `本年度受理群众信访事项58件，其中来信9件、来访37件、网上信访12件。连同上年结转的3件，全年办结57件，办结率93.4%，结转下年度${left}件。`;
    expect(kinds(text(4))).toEqual([]);
    expect(kinds(text(5)).map(([kind]) => kind)).toEqual(['parts_sum_mismatch']);
  });

  it('reads a rate named after a change of its count as a rate, of the stage before in the sentence before', () => {
    const text = (rate: string) => `全乡排查矛盾纠纷241件，受理调处226件，其中草场边界纠纷52件、其他纠纷174件。全年调处成功213件，较上年的196件增加17件，增长8.7%，调处成功率${rate}。`;
    expect(kinds(text('94.2%'))).toEqual([]);
    expect(kinds(text('95.2%'))).toEqual([['rate_mismatch', '94.25%', '95.2%']]);
  });

  it('checks an average against the total and the places it is shared over', () => {
    const persons = (avg: string) => `全镇共培育“法律明白人”272名，其中村“两委”成员96名、网格员64名、人民调解员48名、其他人员64名，全镇16个村（居）平均每个村（居）${avg}名。`;
    expect(kinds(persons('17'))).toEqual([]);
    expect(kinds(persons('19'))).toEqual([['average_mismatch', '17名', '19名']]);
    // the places counted in an earlier paragraph, last year's figure and the change left aside, a decimal rounded
    const grown = (avg: string) => [
      '全镇13个村（社区）均与律师事务所签订法律顾问协议。',
      `法律明白人由上年的176名增加到214名，新增38名，平均每村（社区）${avg}名。`,
    ];
    expect(kinds(...grown('16.5'))).toEqual([]);
    expect(kinds(...grown('13.4'))).toEqual([['average_mismatch', '16.46名', '13.4名']]);
    // places counted twice with two values, or two wholes before it: no average is checked
    expect(kinds('其余12个村（居）合计71件。全镇16个村（居）均配备法律顾问。', '全年法律顾问到村坐班384次，平均每个村（居）30次。')).toEqual([]);
    expect(kinds('全镇16个村（居）均配备法律顾问，全年坐班384次，上门服务120次，平均每个村（居）30次。')).toEqual([]);
  });

  it('reads 调解成功率 of what was mediated to an agreement, told in a sentence of its own', () => {
    const text = (rate: string) => `全年受理矛盾纠纷287件，其中邻里纠纷96件、物业纠纷71件、其他纠纷120件。在71件物业纠纷中，物业费收缴引发的28件，停车管理引发的43件。经调解达成协议279件。调解成功率为${rate}，协议履行率100%。`;
    expect(kinds(text('97.2%'))).toEqual([]);
    expect(kinds(text('95.2%'))).toEqual([['rate_mismatch', '97.21%', '95.2%']]);
    // two wholes that came in before it: which one is a guess
    expect(kinds('全年受理矛盾纠纷287件。受理信访事项300件。经调解达成协议279件。调解成功率为90.2%。')).toEqual([]);
  });

  it('ends a 其中 list told number first at a clause that names something else', () => {
    expect(kinds('全年被申请行政复议3件，其中1件被复议机关纠正，以“本机关不掌握相关政府信息”答复的申请仍有7件，检索不够充分。')).toEqual([]);
    expect(kinds('全年被申请行政复议3件，其中1件被复议机关纠正，3件被维持。')).toEqual([['parts_sum_mismatch', '3件', '4件']]);
  });

  it('goes on with a rest told after an item\'s share in brackets', () => {
    const text = (rest: string) => `在96起案件中，涉及危险化学品的31起、非煤矿山的17起、工贸行业的38起（占39.6%），另有${rest}起涉及烟花爆竹经营。`;
    expect(kinds(text('10'))).toEqual([]);
    expect(kinds(text('12'))).toEqual([['parts_sum_mismatch', '96起', '98起']]);
  });

  it('lets a plan be done beyond itself', () => {
    expect(kinds('计划检查重点企业420家，实际检查436家，计划完成率103.8%。')).toEqual([]);
    expect(kinds('全年受理信访事项40件，按期办结率103.8%。').map((f) => f[0])).toEqual(['percent_over_100']);
  });

  it('gives a 其中 after a change with last year\'s figure to this year\'s, past figures of another kind', () => {
    const text = (part: string) => `全年拆除违法建设47处、面积6,318平方米，较上年的35处增加12处。其中，拆除存量违建${part}处、新增违建8处。`;
    expect(kinds(text('39'))).toEqual([]);
    expect(kinds(text('41'))).toEqual([['parts_sum_mismatch', '47处', '49处']]);
  });

  it('balances a carry-over said first, one that names what it counts, with what was 立案', () => {
    const text = (pending: string) => `上年结转行政处罚案件6件，本年立案128件，全年办结125件，结转下年${pending}件。`;
    expect(kinds(text('9'))).toEqual([]);
    expect(kinds(text('7')).map((f) => f[0])).toEqual(['parts_sum_mismatch']);
    // the whole told as the sum of both is balanced as before
    expect(kinds('全年新收申请34件，上年结转3件，共需办理43件，年内办结35件，结转下年度2件。').map((f) => f[0])).toEqual(['parts_sum_mismatch']);
  });

  it('gives last year\'s figure after a 其中 list, with the difference, to the list\'s whole', () => {
    const text = (diff: string) => `全年提供法律咨询5,862人次，其中现场咨询3,917人次、热线和网络咨询1,945人次，较上年的5,363人次增加${diff}人次，同比增长9.3%。`;
    expect(kinds(text('499'))).toEqual([]);
    expect(kinds(text('599'))).toEqual([['difference_mismatch', '499人次', '599人次']]);
  });

  it('gives a breakdown of what came in, named before it, to that figure and not to the sum with last year\'s', () => {
    const text = (rest: string) => `全年上年结转行政复议案件23件，本年新收412件，较上年的351件同比增长17.4%，合计需办理435件。新收案件按类别分，行政处罚类176件、政府信息公开类58件、工伤认定类49件、征收补偿类37件，其余${rest}件为行政不作为等类型。`;
    expect(kinds(text('92'))).toEqual([]);
    expect(kinds(text('95'))).toEqual([['parts_sum_mismatch', '412件', '415件']]);
  });

  it('sums with a trailing 合计 only the items joined by 、 after the comma', () => {
    expect(kinds('同步开展存量政策措施清理，共梳理212件，对妨碍统一市场和公平竞争的予以废止8件、修订6件，合计14件。')).toEqual([]);
    expect(kinds('共梳理212件，对妨碍公平竞争的予以废止8件、修订6件，合计16件。')).toEqual([['parts_sum_mismatch', '16件', '14件']]);
  });

  it('balances a carry-over told with who holds it', () => {
    expect(kinds('全年执法队上年结转案件3件，新立案27件，当年办结26件，结转下年4件。')).toEqual([]);
    expect(kinds('全年执法队上年结转案件3件，新立案27件，当年办结26件，结转下年6件。').map((f) => f[0])).toEqual(['parts_sum_mismatch']);
  });

  it('takes no item of a list for the whole of the rest after it', () => {
    expect(kinds('申请内容主要集中在社会保险和劳动关系领域：涉及养老保险等社会保险事项的71件，涉及欠薪投诉处理等劳动关系事项的38件，涉及事业单位公开招聘等人事考录事项的17件，其余11件。')).toEqual([]);
    expect(kinds('新立案件按领域分：林业类9件；农产品质量安全类6件；农村乱占耕地建房类8件；其余4件为环境卫生类。')).toEqual([]);
    expect(kinds('按申请内容分，涉及房屋征收补偿的46件，涉及物业管理、专项维修资金使用的29件，其余33件涉及规划建设等事项。')).toEqual([]);
  });

  it('reads a change joined by 、 to the difference before it', () => {
    expect(kinds('镇法律顾问全年出具法律意见书43份，较上年的35份增加8份、增长22.9%。')).toEqual([]);
    expect(kinds('镇法律顾问全年出具法律意见书43份，较上年的35份增加8份、增长29.9%。').map((f) => f[0])).toEqual(['rate_mismatch']);
    expect(kinds('镇域内注册物流企业64家，较上年增加4家、同比增长6.7%。')).toEqual([]);
    expect(kinds('镇域内注册物流企业64家，较上年增加4家、同比增长8.7%。').map((f) => f[0])).toEqual(['rate_mismatch']);
  });

  it('balances the four in order past what is said of one in brackets', () => {
    const text = (pending: string) => `镇信访办上年结转信访事项6件，本年受理58件，办结59件（其中按期办结57件，按期办结率96.6%），结转下年${pending}件。`;
    expect(kinds(text('5'))).toEqual([]);
    expect(kinds(text('7')).map((f) => f[0])).toEqual(['parts_sum_mismatch']);
  });

  it('checks 户均 and 人均 against the households and persons counted before them', () => {
    const households = (avg: string) => `全镇146户渔民完成退捕上岸，其中渡口村52户、沙洲村41户，其余53户分布在河湾村。镇政府发放两项补贴共计187.4万元，户均${avg}万元。`;
    expect(kinds(households('1.28'))).toEqual([]);
    expect(kinds(households('1.38'))).toEqual([['average_mismatch', '1.284万元', '1.38万元']]);
    expect(kinds('镇综合行政执法队现有在编执法人员8名，全年1,126家次检查人均140.8家次。')).toEqual([]);
    expect(kinds('镇综合行政执法队现有在编执法人员8名，全年1,126家次检查人均150.8家次。').map((f) => f[0])).toEqual(['average_mismatch']);
    // nothing counted to share over: silent
    expect(kinds('全年检查1,126家次，人均150.8家次。')).toEqual([]);
  });

  it('reads a 其中 after the words that name and tell of its whole, and sums the carried over and the new', () => {
    expect(kinds('全乡已有8个村创建为县级以上民主法治示范村，其中省级1个、市级2个、县级5个。')).toEqual([]);
    expect(kinds('全乡已有8个村创建为县级以上民主法治示范村，其中省级1个、市级4个、县级5个。')).toEqual([['parts_sum_mismatch', '8个', '10个']]);
    // the second of a pair: its 其中 is of both
    expect(kinds('辖9个行政村和3个社区，其中渔业村（社区）7个，全镇登记在册渔船486艘。')).toEqual([]);
    const due = (sum: string) => `全年上年结转行政复议案件23件，本年新收412件，较上年的351件同比增长17.4%，合计需办理${sum}件。`;
    expect(kinds(due('435'))).toEqual([]);
    expect(kinds(due('445')).map((f) => f[0])).toEqual(['parts_sum_mismatch']);
  });

  it('checks a breakdown after a 其中 list of some of its whole', () => {
    const sites = (last: string) => `全年拆除违法建设47处，较上年的35处增加12处，其中拆除存量违建39处。分社区看，老街社区13处、南门社区9处、鼓楼社区7处，其余6个社区共${last}处。`;
    expect(kinds(sites('18'))).toEqual([]);
    expect(kinds(sites('21'))).toEqual([['parts_sum_mismatch', '47处', '50处']]);
  });

  it('reads a row of 表三 the PDF page broke, its last cells on the next line, a lone number too', async () => {
    const pdf = async (fresh: string) => {
      const lines = [
        '三、收到和处理政府信息公开申请情况',
        '全年新收政府信息公开申请32件。加上上年结转的3件，本年度需办理申请35件。',
        '申请人情况 自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计',
        '一、本年新收政府信息公开申请数量 26 3 0 0 2',
        `1 ${fresh}`,
        '二、上年结转政府信息公开申请数量 2 1 0 0 0 0',
        '3',
      ];
      const { paragraphs } = await readReport(buildPdf(lines));
      return reviewParagraphs('公开年报.pdf', paragraphs).findings.map((f) => [f.kind, f.expected, f.actual]);
    };
    expect(await pdf('32')).toEqual([]);
    expect((await pdf('34')).map((f) => f[0])).toContain('table_mismatch');
  });

  it('reads a share named by its part as of the item its name shares most with', () => {
    const text = (share: string) => `全年调解成功318起，其中村调委会化解241起、镇调委会化解77起，村级化解占${share}。`;
    expect(kinds(text('75.8%'))).toEqual([]);
    expect(kinds(text('80.8%'))).toEqual([['rate_mismatch', '75.79%', '80.8%']]);
  });

  it('keeps a figure shared out per unit out of lists, and checks it as an average', () => {
    const services = (item: number, avg = 38) => `全年村法律顾问共提供服务342次，平均每村${avg}次，其中解答法律咨询${item}次、开展法治讲座27次、参与矛盾纠纷调解41次、审核合同及村规民约58次。`;
    expect(kinds(services(216))).toEqual([]);
    expect(kinds(services(226))).toEqual([['parts_sum_mismatch', '342次', '352次']]);
    expect(kinds('全年落实法治建设经费18.6万元，其中村法律顾问经费按每村每年0.8万元标准安排7.2万元、普法宣传经费6.5万元、人民调解经费4.9万元。')).toEqual([]);
    const persons = (avg: string, first = 14) => `全镇12个行政村共培育“法律明白人”118名，村均${avg}名，分别为：鹿鸣村${first}名、桥头村11名、枫林村9名、石塘村10名、杨柳村8名、新桥村12名、上湾村7名、下湾村9名、龙泉村10名、花园村8名、东岗村11名、西岗村9名。`;
    expect(kinds(persons('9.8'))).toEqual([]);
    expect(kinds(persons('10.8'))).toEqual([['average_mismatch', '9.83名', '10.8名']]);
    expect(kinds(persons('9.8', 16))).toEqual([['parts_sum_mismatch', '118名', '120名']]);
    // an average is no count of places to share out over
    const lawyers = (avg: number) => ['选派7名执业律师担任14个社区的法律顾问，平均每名律师联系2个社区。', `法律顾问全年驻点服务336次，平均每个社区${avg}次。`];
    expect(kinds(...lawyers(24))).toEqual([]);
    expect(kinds(...lawyers(28))).toEqual([['average_mismatch', '24次', '28次']]);
  });

  it('reads grades named with their noun, and leaves 不合格率 to its own count', () => {
    const graded = (rate: string) => `对已结案的71卷行政处罚案卷开展评查，评定优秀案卷29卷、良好33卷、合格8卷、不合格1卷，合格率${rate}。`;
    expect(kinds(graded('98.6%'))).toEqual([]);
    expect(kinds(graded('97.2%'))).toEqual([['rate_mismatch', '98.59%', '97.2%']]);
    const failed = (rate: string) => `共抽查评查案卷180卷，其中评定为优秀62卷、合格111卷、不合格7卷，不合格率${rate}。`;
    expect(kinds(failed('3.9%'))).toEqual([]);
    expect(kinds(failed('4.9%'))).toEqual([['rate_mismatch', '3.89%', '4.9%']]);
  });

  it('sums a trailing total that names its items over those items only', () => {
    const text = (total: number) => `从类型看，大气类571件、噪声类402件、水类168件、其他31件，大气和噪声类合计${total}件，占受理总数的82.8%。`;
    expect(kinds(text(973))).toEqual([]);
    expect(kinds(text(983))).toEqual([['parts_sum_mismatch', '983件', '973件']]);
    // an item whose name the total does not find: silent
    expect(kinds('从类型看，废气类571件、噪声类402件、其他31件，大气和噪声类合计983件。')).toEqual([]);
  });

  it('gives a 其中 after an outcome\'s rate to the figure named with the items\' noun, or to both when they are equal', () => {
    const disputes = (first: number) => `全年共调处各类矛盾纠纷968件，调解成功931件，调解成功率96.2%。其中物业纠纷${first}件、邻里纠纷241件、婚姻家庭纠纷129件、其他纠纷212件。`;
    expect(kinds(disputes(386))).toEqual([]);
    expect(kinds(disputes(396))).toEqual([['parts_sum_mismatch', '968件', '978件']]);
    expect(kinds('全年共办理行政执法案件86件，办结86件，办结率100%。其中，适用简易程序60件、适用普通程序34件。')).toEqual([['parts_sum_mismatch', '86件', '94件']]);
  });

  it('finds the whole of "<verb>的<noun>中" by its verb', () => {
    const text = (other: number) => `全年排查矛盾纠纷312件，进入调处程序286件，成功化解271件，化解率94.8%。调处的纠纷中，邻里纠纷94件、婚姻家庭纠纷52件、劳资纠纷71件、土地山林纠纷38件、其他纠纷${other}件。`;
    expect(kinds(text(31))).toEqual([]);
    expect(kinds(text(41))).toEqual([['parts_sum_mismatch', '286件', '296件']]);
  });

  it('leaves rates said after counts of different things apart, and a finished-rate over the new alone when more finished', () => {
    expect(kinds(
      '全年立案查处各类案件26件，办结24件，办结率92.3%。',
      '全年上年结转信访事项9件，新收信访事项86件，应办信访事项合计95件；已办结88件，办结率92.6%，结转下年7件。',
      '附：主要数据',
      '4. 信访事项：新收86件，办结88件，办结率92.6%。',
    )).toEqual([]);
  });

  it('reads items told alike by 涉及 as no whole of each other', () => {
    expect(kinds('从申请内容看，涉及取水许可的14件，涉及河道管理范围内建设项目审批的5件，涉及防汛抗旱及水旱灾害防御的3件，其他5件。')).toEqual([]);
  });

  it('reads 其中： with items joined by semicolons', () => {
    expect(kinds('审议重大行政决策事项11项，其中：经济发展类4项；社会民生类5项；城乡建设类2项。')).toEqual([]);
    expect(kinds('审议重大行政决策事项11项，其中：经济发展类6项；社会民生类5项；城乡建设类2项。')).toEqual([['parts_sum_mismatch', '11项', '13项']]);
  });

  it('reads 分别是 after a total: as many figures as names', () => {
    expect(kinds('共办理法律援助案件1,268件，刑事、民事、行政案件分别是426件、815件、27件。')).toEqual([]);
    expect(kinds('共办理法律援助案件1,268件，刑事、民事、行政案件分别是426件、815件、37件。')).toEqual([['parts_sum_mismatch', '1,268件', '1278件']]);
    expect(reviewParagraphs('x', ['共办理法律援助案件1,268件，刑事、民事、行政案件分别是426件、815件、27件。']).figures.map((f) => f.label)).toEqual(['法律援助案件', '刑事案件', '民事案件', '行政案件']);
  });

  it('reads a figure in brackets as the figure: "办理案件（64件），其中行政处罚（41件）…"', () => {
    expect(kinds('全年办理行政执法案件（64件），其中行政处罚（41件）、行政检查（19件）、行政强制（4件）。')).toEqual([]);
    expect(kinds('全年办理行政执法案件（64件），其中行政处罚（41件）、行政检查（21件）、行政强制（4件）。')).toEqual([['parts_sum_mismatch', '64件', '66件']]);
  });

  it('takes no change for a whole: "52场次，同比增加6场次，其中…" lists the 52', () => {
    expect(kinds('全年开展普法活动52场次，同比增加6场次，其中宪法宣传周8场次、民法典进农家12场次等。')).toEqual([]);
    expect(kinds('全年开展普法活动12场次，同比增加6场次，其中宪法宣传周8场次、民法典进农家12场次等。')).toEqual([['parts_sum_mismatch', '12场次', '20场次']]);
    // two changes of different things are no claim stated twice
    expect(kinds('纠错率16.5%，同比下降2.1个百分点。', '败诉率5.9%，同比下降1.3个百分点。')).toEqual([]);
  });

  it('reads 按…分 breakdowns past an item\'s bracket, and never takes an item of the first for the whole of the second', () => {
    const text = (urban: number, plain: number) => `全年共办理行政处罚案件186宗。按领域分：城市管理类${urban}宗，自然资源类（违法用地、违法建设）38宗，生态环境类21宗，安全生产类17宗，其他16宗。按程序分：简易程序71宗，普通程序${plain}宗。`;
    expect(kinds(text(94, 115))).toEqual([]);
    expect(kinds(text(96, 115))).toEqual([['parts_sum_mismatch', '186宗', '188宗']]);
    expect(kinds(text(94, 118))).toEqual([['parts_sum_mismatch', '186宗', '189宗']]);
  });

  it('goes on with a 其中 list after an item\'s own 其中 in brackets', () => {
    const text = (refused: number) => `全年办结政府信息公开申请23件，其中予以公开9件，部分公开3件，不予公开2件，无法提供6件（其中本机关不掌握相关政府信息4件、需另行制作2件），不予处理${refused}件，其他处理1件；另有2件结转下年度办理。`;
    expect(kinds(text(2))).toEqual([]);
    expect(kinds(text(3))).toEqual([['parts_sum_mismatch', '23件', '24件']]);
  });

  it('takes two stocks of one short name in sentences about different things for two claims', () => {
    const stocks = (end: number) => [`社区矫正方面，年初在册社区矫正对象17人，全年新接收9人，解除矫正11人，年末在册15人。`, `安置帮教方面，年初在册刑满释放人员43人，新衔接12人，帮教期满15人，年末在册${end}人。`];
    expect(kinds(...stocks(40))).toEqual([]);
    expect(kinds(...stocks(42)).map((k) => k[0])).toEqual(['parts_sum_mismatch']);
  });

  it('compares the closing summary (总之, 总的看) with the body, as the introduction, and a rate with the body rate saying most of it', () => {
    const report = (summary: string) => ['关于2025年度法治政府建设情况的报告', '一、主要举措和成效', '全年受理信访事项58件，按期办结57件，按期办结率98.3%。全年受理12345工单5264件，办结5246件，办结率99.7%。', `总的看，全年信访事项按期办结率${summary}，12345工单办结率99.7%。`];
    expect(kinds(...report('98.3%'))).toEqual([]);
    const [wrong] = findings(...report('98.6%'));
    expect(wrong).toMatchObject({ kind: 'inconsistent_value', expected: '98.3%', actual: '98.6%', relation: '报告结尾总结的数字应与正文所写的同一事项一致' });
  });

  it('reads a change said with 同比 after last year\'s figure, of amounts too', () => {
    expect(kinds('全年共作出行政处罚决定13,742件，较2024年的14,683件同比下降6.4%；罚没款1.86亿元，较2024年的2.13亿元同比下降12.7%。')).toEqual([]);
    expect(kinds('全年共作出行政处罚决定13,742件，较2024年的14,683件同比下降8.4%。')).toEqual([['rate_mismatch', '6.41%', '8.4%']]);
    expect(kinds('罚没款1.86亿元，较2024年的2.13亿元同比下降14.7%。')).toEqual([['rate_mismatch', '12.68%', '14.7%']]);
    // last year's figures of two changes are no claim stated twice
    expect(kinds('政务服务事项办件62.7万件，较2024年的58.1万件增长7.9%。', '作出行政处罚决定13,742件，较2024年的14,683件同比下降6.4%。')).toEqual([]);
  });

  it('takes this year\'s figure for the whole of a 其中 right after a change in the same sentence', () => {
    const text = (natural: number) => `2025年街道共收到政府信息公开申请21件，较2024年的16件增长31.3%，其中自然人申请${natural}件、商业企业申请2件、其他组织申请1件。`;
    expect(kinds(text(18))).toEqual([]);
    expect(kinds(text(19))).toEqual([['parts_sum_mismatch', '21件', '22件']]);
  });

  it('reads a stock of documents: newly issued in, repealed and expired out', () => {
    const text = (end: number) => `年初现行有效行政规范性文件146件，本年新制发12件，废止17件、宣布失效4件，年末现行有效${end}件。`;
    expect(kinds(text(137))).toEqual([]);
    expect(kinds(text(139)).map((k) => k[0])).toEqual(['parts_sum_mismatch']);
  });

  it('leaves a summary rate computed from the count right before it to the rate check', () => {
    const report = ['关于2025年度法治政府建设情况的报告', '一、主要举措和成效', '全年受理土地承包纠纷9件，调解成功8件，调解成功率88.9%。', '总的看，全年共调处各类矛盾纠纷57件，调解成功53件，调解成功率93.0%。'];
    expect(kinds(...report)).toEqual([]);
  });

  it('reads "…中，" or "…中：" after a semicolon too, and a colon\'s items joined by semicolons', () => {
    const decided = (kept: number) => `全年审结452件，尚在审理期限内的53件；在审结的案件中，决定维持${kept}件、驳回复议请求58件、撤销23件、变更6件、确认违法19件、责令履行11件、终止94件，其中终止案件中经调解的81件。`;
    expect(kinds(decided(241))).toEqual([]);
    expect(kinds(decided(244))).toEqual([['parts_sum_mismatch', '452件', '455件']]);
    const granted = (other: number) => `全年共受理涉水行政许可申请151件，准予许可146件。准予许可的事项中：取水许可38件；河道管理范围内建设项目审批44件；水土保持方案审批57件；其他${other}件。`;
    expect(kinds(granted(7))).toEqual([]);
    expect(kinds(granted(9))).toEqual([['parts_sum_mismatch', '146件', '148件']]);
  });

  it('reads dispositions after 决定 or after the words of the act, and grades, as a partition of the total', () => {
    expect(kinds('开展全面清理，共清理19件，决定继续有效12件、修改3件、废止4件，清理结果已公布。')).toEqual([]);
    expect(kinds('开展全面清理，共清理19件，决定继续有效12件、修改5件、废止4件，清理结果已公布。')).toEqual([['parts_sum_mismatch', '19件', '21件']]);
    expect(kinds('组织对现行有效的11件规范性文件开展全面清理，保留8件、修改2件、废止1件。')).toEqual([]);
    expect(kinds('组织对现行有效的11件规范性文件开展全面清理，保留8件、修改3件、废止1件。').map((k) => k[0])).toEqual(['parts_sum_mismatch']);
    expect(kinds('全区共评查行政执法案卷420卷，评定为优秀的168卷、合格的231卷、不合格的21卷。')).toEqual([]);
    expect(kinds('全区共评查行政执法案卷420卷，评定为优秀的168卷、合格的231卷、不合格的25卷。')).toEqual([['parts_sum_mismatch', '420卷', '424卷']]);
  });

  it('takes what came in, not what was finished, for the whole of a breakdown by content; by result, what was finished', () => {
    const text = (other: number) => `全年受理信访事项138件，其中来访64件、来信15件、网上信访59件；按期办结135件，按期办结率97.8%。按诉求内容分，政策落实类71件、就业安置类28件、医疗保障类17件、其他${other}件。`;
    expect(kinds(text(22))).toEqual([]);
    expect(kinds(text(25))).toEqual([['parts_sum_mismatch', '138件', '141件']]);
    expect(kinds('本年度需办理申请共20件，已办结18件。从答复结果看，予以公开7件、部分公开3件、不予公开1件、无法提供5件、不予处理2件。')).toEqual([]);
  });

  it('reads applications for a permit as granted, refused or withdrawn', () => {
    const text = (granted: number) => `全年共受理涉水行政许可申请151件，准予许可${granted}件，不予许可3件，申请人主动撤回2件。`;
    expect(kinds(text(146))).toEqual([]);
    expect(kinds(text(148))).toEqual([['parts_sum_mismatch', '151件', '153件']]);
  });

  it('reads 场 and 场次 as one unit of events', () => {
    expect(kinds('全年开展普法活动64场次，其中宪法宣传周9场、民法典宣传月12场、禁毒宣传15场、反诈宣传28场。')).toEqual([]);
    expect(kinds('全年开展普法活动64场次，其中宪法宣传周9场、民法典宣传月12场、禁毒宣传15场、反诈宣传26场。')).toEqual([['parts_sum_mismatch', '64场次', '62场次']]);
  });

  it('takes last year\'s figure in brackets after a change: "同比增长14.1%（2024年为163宗）"', () => {
    expect(kinds('全年共办理行政处罚案件186宗，同比增长14.1%（2024年为163宗）。')).toEqual([]);
    expect(kinds('全年共办理行政处罚案件186宗，同比增长18.1%（2024年为163宗）。')).toEqual([['rate_mismatch', '14.11%', '18.1%']]);
  });

  it('takes the figure a share is counted among for its whole: "26名执法人员中…仅3人，占11.5%"', () => {
    expect(kinds('26名持证执法人员中具有法律专业背景的仅3人，占11.5%。')).toEqual([]);
    const [f] = findings('26名持证执法人员中具有法律专业背景的仅3人，占15.5%。');
    expect(f).toMatchObject({ kind: 'rate_mismatch', expected: '11.54%', actual: '15.5%' });
    expect(f?.figures.map((x) => x.label)).toEqual(['具有法律专业背景占比', '具有法律专业背景', '持证执法人员']);
  });

  it('reads what was solved and what is still being worked on as the whole before them', () => {
    expect(kinds('收集企业反映问题58个，已协调解决52个，正在协调6个，主要涉及消防验收。')).toEqual([]);
    expect(kinds('收集企业反映问题58个，已协调解决52个，正在协调8个，主要涉及消防验收。').map((k) => k[0])).toEqual(['parts_sum_mismatch']);
  });

  it('reads a total after its parts said with 共 alone or with a short name before 合计', () => {
    expect(kinds('承办县人大代表建议9件、县政协委员提案6件，共15件，均按期办结。')).toEqual([]);
    expect(kinds('承办县人大代表建议9件、县政协委员提案6件，共17件，均按期办结。')).toEqual([['parts_sum_mismatch', '17件', '15件']]);
    expect(kinds('全年罚款48.6万元，没收违法所得7.35万元，罚没款合计55.95万元，全部缴入国库。')).toEqual([]);
    expect(kinds('全年罚款48.6万元，没收违法所得7.35万元，罚没款合计56.95万元，全部缴入国库。')).toEqual([['parts_sum_mismatch', '56.95万元', '55.95万元']]);
  });

  it('completes a 其中 list that falls short of its whole with what is still pending after it', () => {
    expect(kinds('被申请行政复议4件，其中维持2件、纠正1件，年底尚未审结1件；被提起行政诉讼3件。')).toEqual([]);
    expect(kinds('被申请行政复议4件，其中维持2件、纠正1件，年底尚未审结2件；被提起行政诉讼3件。')).toEqual([['parts_sum_mismatch', '4件', '5件']]);
  });

  it('finds the whole a share names by its key words, never a part whose short label is inside the name', () => {
    const p = (share: string) => `全年新收政府信息公开申请51件。其中自然人申请41件，法人或其他组织申请10件。从申请内容看，涉及房屋征收补偿的23件，占新收申请的${share}。`;
    expect(kinds(p('45.1%'))).toEqual([]);
    expect(kinds(p('48.1%'))).toEqual([['rate_mismatch', '45.1%', '48.1%']]);
  });

  it('takes two rates of one name beside counts of different things for two claims: an exam\'s 合格率 (人) and the case files\' (卷)', () => {
    const exam = '组织干部参加学法考试，参考218人，优秀143人，合格71人，不合格4人，合格率98.2%。';
    const files = '开展行政执法案卷评查，抽查案卷30卷，评为优秀12卷、合格16卷、不合格2卷，合格率93.3%。';
    expect(kinds(exam, files).filter((f) => f[0] === 'inconsistent_value')).toEqual([]);
    // a rate restated without its counts is the same claim: two values are still found
    expect(kinds('办理调解案件50件，调解成功45件，调解成功率90%。', '全年调解成功率92%。').filter((f) => f[0] === 'inconsistent_value')).toEqual([['inconsistent_value', '90%', '92%']]);
  });

  it('takes this year\'s figure, not last year\'s or the change, as the whole of a 其中 in the next sentence', () => {
    expect(kinds('受理信访事项63件，较上年的71件减少8件。其中来信8件、来访21件、网上信访34件。')).toEqual([]);
    expect(kinds('受理信访事项63件，较上年的71件减少8件。其中来信8件、来访21件、网上信访36件。')).toEqual([['parts_sum_mismatch', '63件', '65件']]);
  });

  it('reads a 其中 after a clause without figures, and takes no item of a list for the whole of 另有', () => {
    expect(kinds('共收到申请13件，均为网上申请和当面申请，其中自然人提出11件、企业提出2件，另有上年结转1件。')).toEqual([]);
    expect(kinds('共收到申请13件，均为网上申请和当面申请，其中自然人提出11件、企业提出4件，另有上年结转1件。')).toEqual([['parts_sum_mismatch', '13件', '15件']]);
  });

  it('reads 另有 that opens a sentence as the rest of the last whole before it, and a rate of what was done over that whole', () => {
    const text = (done: number) => `全年排查矛盾纠纷214件，其中婚姻家庭47件、其他167件。纳入调处${done}件，另有5件由当事人自行诉讼解决。`;
    expect(kinds(text(209))).toEqual([]);
    expect(kinds(text(240))).toEqual([['parts_sum_mismatch', '214件', '245件']]);
    expect(kinds('受理信访事项63件。按期办结61件，按期办结率96.8%；另有2件列入化解台账。')).toEqual([]);
    expect(findings('受理信访事项63件。按期办结61件，按期办结率89.8%；另有2件列入化解台账。').map((f) => f.kind)).toEqual(['rate_mismatch']);
  });

  it('reads "调处的纠纷中成功化解" as the stage after 调处, and an outcome rate over what was 受理 in an earlier sentence', () => {
    expect(kinds('纳入调处209件；调处的纠纷中成功化解203件，化解率97.1%。')).toEqual([]);
    expect(findings('纳入调处209件；调处的纠纷中成功化解203件，化解率90.1%。').map((f) => f.kind)).toEqual(['rate_mismatch']);
    expect(kinds('全年受理工单5236件，较上年的4871件增加365件。全年办结工单5198件，办结率99.3%。')).toEqual([]);
    expect(findings('全年受理工单5236件，较上年的4871件增加365件。全年办结工单5198件，办结率92.3%。').map((f) => f.kind)).toEqual(['rate_mismatch']);
    // an outcome of another outcome's cases (出庭应诉 of 审结) is left alone: the base is not stated
    expect(kinds('行政诉讼已审结94件。机关负责人出庭应诉87件，出庭应诉率100%。')).toEqual([]);
  });

  it('reads what was finished and what is pending as the whole before them, without 共计', () => {
    expect(kinds('一审行政诉讼案件14件（含上年结转3件），已审结11件，其中胜诉10件、败诉1件，败诉率9.1%；尚在审理中3件。')).toEqual([]);
    expect(kinds('一审行政诉讼案件14件（含上年结转3件），已审结11件，其中胜诉10件、败诉1件，败诉率9.1%；尚在审理中5件。').map((f) => f[0])).toEqual(['parts_sum_mismatch']);
    expect(kinds('被提起行政诉讼3件，已审结2件，镇政府均胜诉，尚在审理中1件。')).toEqual([]);
    // the whole is what was taken in, not a refusal: 158, not 18
    expect(kinds('收到行政复议申请176件，依法受理158件，不予受理18件；审结148件，尚在审理中10件。')).toEqual([]);
    expect(kinds('全年共收到申请1364件，其中受理1208件，不予受理97件，告知向其他机关申请59件。审结1126件，结转下年度82件。')).toEqual([]);
    // with last year's carried over the whole is a sum of two: left to the disclosure table's identity
    expect(kinds('收到政府信息公开申请45件，上年结转3件；办结42件，结转下年度继续办理6件。')).toEqual([]);
  });

  it('checks a change of a rate in points: "占71.5%，较上年的65.3%提高6.2个百分点"', () => {
    expect(kinds('全年办理政务服务事项86.3万件，其中线上办理61.7万件，占71.5%，较上年的65.3%提高6.2个百分点。')).toEqual([]);
    expect(kinds('全年办理政务服务事项86.3万件，其中线上办理61.7万件，占71.5%，较上年的65.3%提高8.2个百分点。').map((f) => f[0])).toEqual(['difference_mismatch']);
  });

  it('takes 另有/其余 after a list that falls short of its whole as the list\'s last part, and a rate of the funnel\'s stage', () => {
    expect(kinds('审结226件，其中维持131件、驳回22件、撤销9件、变更3件、确认违法6件、责令履行4件，另有调解、和解后终止51件；直接纠错22件，纠错率9.7%。')).toEqual([]);
    expect(kinds('审结226件，其中维持131件、驳回22件、撤销9件、变更3件、确认违法6件、责令履行4件，另有调解、和解后终止59件；直接纠错22件，纠错率9.7%。').map((f) => f[0])).toEqual(['parts_sum_mismatch']);
    expect(kinds('全年排查矛盾纠纷128件，调处124件，化解119件，调解成功率96.0%。调处的纠纷中，白鹤村27件、石门村22件、柳湾村19件，其余8个村共56件。')).toEqual([]);
    expect(kinds('全年排查矛盾纠纷128件，调处124件，化解119件，调解成功率96.0%。调处的纠纷中，白鹤村27件、石门村22件、柳湾村19件，其余8个村共64件。').map((f) => f[0])).toEqual(['parts_sum_mismatch']);
    expect(kinds('全年排查矛盾纠纷128件，调处124件，化解119件，调解成功率89.0%。').map((f) => f[0])).toEqual(['rate_mismatch']);
  });

  it('reads a breakdown "从案件类型看，…" as the parts of the whole before it', () => {
    expect(kinds('全年办理行政处罚案件57件，同比下降8.1%。从案件类型看，违法建设18件、乱占耕地9件、环境卫生16件、占道经营11件、其他3件；从办案程序看，适用简易程序23件、普通程序34件。')).toEqual([]);
    expect(kinds('全年办理行政处罚案件57件，同比下降8.1%。从案件类型看，违法建设21件、乱占耕地9件、环境卫生16件、占道经营11件、其他3件；从办案程序看，适用简易程序23件、普通程序34件。')).toEqual([['parts_sum_mismatch', '57件', '60件']]);
  });

  it('compares the introduction with the body figure sharing its longest run of words when the body says it at more length', () => {
    const report = (intro: number) => [`本年度我乡主动公开政府信息${intro}条，未发生舆情事件。`, '一、总体情况', '全年通过县政府门户网站乡信息公开专栏主动公开政府信息286条。'];
    expect(kinds(...report(286))).toEqual([]);
    expect(kinds(...report(329)).filter((f) => f[0] === 'inconsistent_value')).toEqual([['inconsistent_value', '286条', '329条']]);
  });

  it('checks a rate of the last stage against either earlier stage, and shows both when neither gives it', () => {
    expect(kinds('排查矛盾纠纷173件，调处168件，成功化解161件，化解率93.1%。')).toEqual([]);
    expect(kinds('排查矛盾纠纷173件，调处168件，成功化解161件，化解率95.8%。')).toEqual([]);
    const [wrong] = findings('排查矛盾纠纷173件，调处168件，成功化解161件，化解率90.1%。');
    expect(wrong?.kind).toBe('rate_mismatch');
    expect(wrong?.figures.map((f) => f.raw)).toEqual(['90.1%', '161件', '168件', '173件']);
  });

  it('reads an accepted share as an outcome of what was proposed: 采纳 of 意见', () => {
    expect(kinds('提出修改意见58条，被采纳53条，采纳率91.4%。')).toEqual([]);
    expect(kinds('提出修改意见58条，被采纳50条，采纳率91.4%。').map((k) => k[0])).toEqual(['rate_mismatch']);
  });

  it('checks a stated difference and the change after it: "17件，比2024年的13件多出4件，增幅30.8%"', () => {
    expect(kinds('收到申请17件，比2024年的13件多出4件，增幅30.8%。')).toEqual([]);
    expect(kinds('收到申请17件，比2024年的13件多出5件，增幅30.8%。')).toEqual([['difference_mismatch', '4件', '5件']]);
    expect(kinds('收到申请17件，比2024年的13件多出4件，增幅38.5%。').map((k) => k[0])).toEqual(['rate_mismatch']);
  });

  it('reads "另有" and "其余" as what is left of the nearest whole before them in the sentence', () => {
    const review = '收到行政复议申请286件，较上年的242件增长18.2%；依法受理261件，对其余25件不予受理；已审结248件，另有13件尚在审理期限内。';
    expect(kinds(review)).toEqual([]);
    expect(kinds(review.replace('其余25件', '其余26件'))).toEqual([['parts_sum_mismatch', '286件', '287件']]);
    expect(kinds(review.replace('另有13件', '另有15件'))).toEqual([['parts_sum_mismatch', '261件', '263件']]);
    // the last item of a list is no "done": "…、逾期未补正1件；另有1件结转" says nothing of the list's total
    expect(kinds('作出答复18件，其中予以公开8件、不予公开9件、逾期未补正1件；另有1件结转下年办理。')).toEqual([]);
  });

  it('compares a figure of the introduction with the one body figure that restates it', () => {
    const report = (intro: string, body: string) => findings('锦华街道2025年度法治政府建设情况报告', `2025年，街道全年受理12345市民服务热线工单${intro}件，调处物业纠纷326件。`, '一、推进法治政府建设的主要举措和成效', `全年受理工单${body}件，同比增长6.8%；全年审结152件。`).filter((f) => f.kind !== 'missing_section');
    expect(report('8642', '8642')).toEqual([]);
    const [wrong, ...rest] = report('9938', '8642');
    expect(rest).toEqual([]);
    expect(wrong).toMatchObject({ kind: 'inconsistent_value', expected: '8642件', actual: '9938件' });
    // "审结248件" says too little to find its restatement
    expect(findings('报告', '2025年，全区审结248件。', '一、推进法治政府建设的主要举措和成效', '全年审结152件。').filter((f) => f.kind !== 'missing_section')).toEqual([]);
  });

  it('reads a 其中 list of outcomes joined by commas, and an outcome rate over the one listed whole', () => {
    const intake = '全年共收到行政复议申请1364件，同比增长31.7%，其中受理1208件，不予受理97件，告知向其他机关申请59件。';
    expect(kinds(intake)).toEqual([]);
    expect(kinds(intake.replace('59件', '69件'))).toEqual([['parts_sum_mismatch', '1364件', '1374件']]);
    const aid = '全年受理法律援助案件5862件，其中刑事案件2134件、民事案件3516件、行政案件212件；结案5417件，结案率92.4%。';
    expect(kinds(aid)).toEqual([]);
    expect(kinds(aid.replace('92.4%', '95.4%')).map((k) => k[0])).toEqual(['rate_mismatch']);
  });

  it('links a rate alone in a later sentence to the one count of the paragraph named as it', () => {
    const p = (rate: string) => kinds(`全年排查调处矛盾纠纷46件，其中乡调委会直接调处12件、村调委会调处34件；调解成功43件，涉及婚姻家庭、邻里等。对3件久调不决的纠纷联合调处。全年调解成功率${rate}，群众满意率98%。`);
    expect(p('93.5%')).toEqual([]);
    expect(p('95.5%').map((k) => k[0])).toEqual(['rate_mismatch']);
  });

  it('adds up the columns of a table with a 合计 row in a 法治 report', () => {
    const table = ['季度\t检查企业（家次）\t立案（件）', '一季度\t86\t5', '二季度\t112\t8', '三季度\t125\t9', '四季度\t95\t6'];
    expect(findings(...table, '合计\t418\t28')).toEqual([]);
    const [wrong, ...rest] = findings(...table, '合计\t481\t28');
    expect(rest).toEqual([]);
    expect(wrong).toMatchObject({ kind: 'table_mismatch', relation: '表格“检查企业（家次）”列：各行之和 = 合计' });
    expect(wrong?.arithmetic).toBe('86 + 112 + 125 + 95 = 418 ≠ 481 = 481');
    // columns set apart by two spaces, the sum row named 村级合计
    const villages = (first: number) => ['村名  调处纠纷（起）  调解成功（起）', `桥头村  24  ${first}`, '上塘村  19  18', '下塘村  15  15', '村级合计  58  56'];
    expect(findings(...villages(23))).toEqual([]);
    expect(findings(...villages(26)).map((f) => f.relation)).toEqual(['表格“调解成功（起）”列：各行之和 = 村级合计']);
    // a total of thousands written with a comma is a cell as well
    const units = (total: string) => ['执法部门  行政处罚案件数（件）', '县综合行政执法局  812', '县市场监督管理局  436', '县应急管理局  126', `合计  ${total}`];
    expect(findings(...units('1,374'))).toEqual([]);
    expect(findings(...units('1,384')).map((f) => [f.kind, f.figures.at(-1)?.raw])).toEqual([['table_mismatch', '1,384']]);
  });

  it('breaks down a sum of money by kind, and checks 案均 over the cases', () => {
    const fines = (avg: string, other: string) => `全年作出行政处罚决定63件，罚没款586.42万元，案均${avg}万元。按违法类型分，大气污染类218.36万元、水污染类172.50万元、固体废物类121.80万元、噪声污染类18.60万元、环评和“三同时”类43.16万元、其他类${other}万元。`;
    expect(kinds(fines('9.31', '12.00'))).toEqual([]);
    expect(kinds(fines('9.31', '22.00'))).toEqual([['parts_sum_mismatch', '586.42万元', '596.42万元']]);
    expect(kinds(fines('9.91', '12.00'))).toEqual([['average_mismatch', '9.308万元', '9.91万元']]);
  });

  it('leaves alone what only looks like a sum, a balance or a rate', () => {
    // a net change told by what came and went
    expect(kinds('全镇登记在册民宿453家，较上年末412家净增41家（全年新增58家、注销17家）。')).toEqual([]);
    expect(kinds('全镇登记在册民宿453家，较上年末412家净增43家。')).toEqual([['difference_mismatch', '41家', '43家']]);
    // the on-time part of the finished and what is carried over are no balance of the finished
    expect(kinds('加上年结转3件，全年办结209件，其中按期办结205件，按期办结率98.1%，结转下年8件。')).toEqual([]);
    // the carry-over said first by who holds it
    expect(kinds('街道综合行政执法队上年结转案件7件，本年新立案186件；全年办结185件，结转下年8件。')).toEqual([]);
    // a figure is no share of itself
    expect(kinds('审结案件中败诉7件，败诉率7.9%。')).toEqual([]);
    // two items of one list are no base of each other
    expect(kinds('从办理结果看，予以公开35件、部分公开6件，公开率（含部分公开）73.2%。')).toEqual([]);
  });

  it('checks the change column of a table of indicators for two years', () => {
    const table = (growth: string, points: string, count: string) => [
      '附件：主要指标对照表',
      '指标  2024年  2025年  变化情况',
      `校外培训机构检查（家次）  1,045  1,128  增长${growth}`,
      '认定学生欺凌事件（起）  13  9  下降30.8%',
      `教职工学法考试参考率（%）  98.2  98.9  提高${points}个百分点`,
      `制定行政规范性文件（件）  4  5  增加${count}件`,
    ];
    expect(findings(...table('7.9%', '0.7', '1'))).toEqual([]);
    expect(findings(...table('8.9%', '0.7', '1')).map((f) => [f.kind, f.expected, f.actual])).toEqual([['table_mismatch', '增长7.94%', '增长8.9%']]);
    expect(findings(...table('7.9%', '0.9', '1')).map((f) => f.expected)).toEqual(['提高0.7个百分点']);
    expect(findings(...table('7.9%', '0.7', '2')).map((f) => f.expected)).toEqual(['增加1件']);
  });

  it('reads a carry-over told in order past the parts of what came in, and counts schools and study hours', () => {
    const cases = (pending: number) => `街道综合行政执法队上年结转案件7件，本年新立案186件，其中违法建设54件、占道经营71件、乱堆乱放38件、其他23件；全年办结185件，结转下年${pending}件。`;
    expect(kinds(cases(8))).toEqual([]);
    expect(kinds(cases(9))).toEqual([['parts_sum_mismatch', '8件', '9件']]);
    expect(kinds('全县中小学118所（其中高中4所、初中21所、小学96所、中职及特殊教育学校7所）实现全覆盖。')).toEqual([['parts_sum_mismatch', '118所', '128所']]);
  });

  it('reads a breakdown with a note in brackets, and one by 办理结果为', () => {
    const permits = (withdrawn: number) => `受理民宿开办申请187件，其中特种行业许可64件、食品经营许可78件、公共场所卫生许可45件；办理结果为准予许可179件、不予许可5件（均为消防安全条件不达标）、申请人主动撤回${withdrawn}件。`;
    expect(kinds(permits(3))).toEqual([]);
    expect(kinds(permits(4))).toEqual([['parts_sum_mismatch', '187件', '188件']]);
    const complaints = (last: number) => `全年受理旅游市场投诉326件。从投诉类型看（按主要诉求归类），住宿类118件、餐饮类86件、景区门票及游览服务类57件、购物类39件、交通及其他${last}件。`;
    expect(kinds(complaints(26))).toEqual([]);
    expect(kinds(complaints(36))).toEqual([['parts_sum_mismatch', '326件', '336件']]);
    // a finished-rate over what was to be handled
    const handled = (rate: string) => `全年受理旅游市场投诉326件，现场投诉79件。加上年结转7件，全年应办理333件，已办结321件，办结率${rate}，结转下年12件。`;
    expect(kinds(handled('96.4%'))).toEqual([]);
    expect(kinds(handled('97.4%'))).toEqual([['rate_mismatch', '96.4%', '97.4%']]);
    // a sum in 万元 shared out per person in 元
    const refunds = (avg: number) => `督促经营者为游客退赔48.62万元，涉及游客1,083人次，人均获得退赔${avg}元。`;
    expect(kinds(refunds(449))).toEqual([]);
    expect(kinds(refunds(489))).toEqual([['average_mismatch', '448.9元', '489元']]);
  });

  it('computes a pass rate over those who sat, past the rate of those who sat', () => {
    const exam = (passed: number) => `组织镇村干部参加年度学法用法考试，应参考164人，实际参考164人，参考率100%；考试合格${passed}人，合格率97.6%。`;
    expect(kinds(exam(160))).toEqual([]);
    expect(kinds(exam(184))).toEqual([['rate_mismatch', '112.2%', '97.6%']]);
  });

  it('computes a finished rate over what was to be handled, which holds what came over', () => {
    const handled = (done: number) => `加上年结转7件，全年应办理333件，已办结${done}件，办结率96.4%，结转下年12件（均在办理时限内）。`;
    expect(kinds(handled(321))).toEqual([]);
    expect(kinds(handled(369))).toEqual([['rate_mismatch', '110.81%', '96.4%'], ['parts_sum_mismatch', '333件', '381件']]);
  });

  it('reads the outcome of an appraisal as a breakdown, and 优良率 as 优秀 and 良好 together', () => {
    const appraisal = (fair: number, rate: string) => `辖区在管物业企业27家，服务小区64个。开展年度考核，结果为：优秀6家、良好11家、合格${fair}家、不合格2家，优良率${rate}。`;
    expect(kinds(appraisal(8, '63.0%'))).toEqual([]);
    expect(kinds(appraisal(8, '70.0%'))).toEqual([['rate_mismatch', '62.96%', '70.0%']]);
    expect(kinds(appraisal(10, '63.0%'))).toEqual([['parts_sum_mismatch', '27家', '29家']]);
    expect(kinds('抽查案卷40卷，评定优秀12卷、良好25卷、合格3卷，优良率99.5%。')).toEqual([['rate_mismatch', '92.5%', '99.5%']]);
  });

  it('reads grades joined by commas, and grades opening the sentence after their whole', () => {
    expect(kinds('参加年度学法考试，参考218人，优秀143人，合格71人，不合格4人，合格率98.2%。')).toEqual([]);
    expect(kinds('参加年度学法考试，参考218人，优秀143人，合格71人，不合格9人，合格率98.2%。')).toEqual([['parts_sum_mismatch', '218人', '223人']]);
    const files = (failed: number, rate: string) => `共抽查60卷。评定优秀21卷、合格35卷、不合格${failed}卷，案卷合格率（含优秀）为${rate}。`;
    expect(kinds(files(4, '93.3%'))).toEqual([]);
    expect(kinds(files(4, '86.3%'))).toEqual([['rate_mismatch', '93.33%', '86.3%']]);
    expect(kinds(files(11, '93.3%'))).toEqual([['parts_sum_mismatch', '60卷', '67卷']]);
  });

  it('reads a list opened by what was done among a whole, and the correction rate of its outcomes', () => {
    const text = (upheld: number, corrected: number) => `受理案件中已审结371件、尚在审理中31件。审结案件中，维持${upheld}件、驳回41件、确认违法11件、撤销19件、变更4件、责令履行10件、调解和解后终止138件；直接纠错${corrected}件，纠错率11.9%。`;
    expect(kinds(text(148, 44))).toEqual([]);
    expect(kinds(text(170, 44))).toEqual([['parts_sum_mismatch', '371件', '393件']]);
    expect(kinds(text(148, 51))).toEqual([['rate_mismatch', '13.75%', '11.9%']]);
  });

  it('counts papers and matters alike in a list of what was examined', () => {
    const text = (contracts: number) => `全年共开展合法性审查94件，其中重大行政决策5件、合同协议${contracts}份、其他涉法事务文件26件。`;
    expect(kinds(text(63))).toEqual([]);
    expect(kinds(text(72))).toEqual([['parts_sum_mismatch', '94件', '103件']]);
  });

  it('reads what was done and what goes on as the tasks set, and the completion rate over them', () => {
    const text = (done: number, rate: string) => `明确5个方面34项具体任务，其中办事处牵头16项、各社区牵头18项。至年底完成${done}项，完成率${rate}，未完成的1项因场地调整顺延至2026年。`;
    expect(kinds(text(33, '97.1%'))).toEqual([]);
    expect(kinds(text(33, '90.1%'))).toEqual([['rate_mismatch', '97.06%', '90.1%']]);
    expect(kinds('对照工作要点，明确重点任务26项，已完成29项、持续推进1项。')).toEqual([['parts_sum_mismatch', '26项', '30项']]);
  });

  it('computes a share of those of the figure before that have something, and of a whole its sentence counts it among', () => {
    expect(kinds('现有执法人员23名，具有法律专业背景的仅3名，占13.0%。')).toEqual([]);
    expect(kinds('现有执法人员23名，具有法律专业背景的仅5名，占13.0%。')).toEqual([['rate_mismatch', '21.74%', '13.0%']]);
    const later = (n: number) => ['街道综合行政执法队现有持证执法人员32名。', `一是执法队伍专业化程度不够高。持证执法人员中具有法律专业背景的仅${n}人，占持证执法人员的12.5%。`];
    expect(kinds(...later(4))).toEqual([]);
    expect(kinds(...later(6))).toEqual([['rate_mismatch', '18.75%', '12.5%']]);
    expect(kinds('纳入披露企业名单的38家企业中，按时完成年度报告披露的43家，按时披露率97.4%。')).toEqual([['rate_mismatch', '113.16%', '97.4%']]);
  });

  it('leaves a rated balance alone when what came over from last year is in the whole', () => {
    expect(kinds('上年结转信访事项3件，本年受理46件（其中来信9件、来访21件、网上信访16件）；全年办结45件，办结率97.8%，结转下年度继续办理4件。')).toEqual([]);
    expect(kinds('以镇政府为被告的行政诉讼案件3件，镇长出庭应诉1件、分管副镇长出庭应诉2件，出庭应诉率100%；已审结2件，均为镇政府胜诉，另有1件尚在审理中。')).toEqual([]);
  });

  it('reads a 其中 after last year\'s figure in brackets, and 期次 as a unit of its own', () => {
    const info = (kinds_: number) => `全年在县政府门户网站水利局专栏主动公开信息642条（上年为591条），其中机构职能类${kinds_}条、政策文件类46条、工作动态类231条、其他353条。`;
    expect(kinds(info(12))).toEqual([]);
    expect(kinds(info(14))).toEqual([['parts_sum_mismatch', '642条', '644条']]);
    expect(kinds('更新镇村两级政务公开栏144期次，其中镇级12期次、村级132期次。')).toEqual([]);
    expect(kinds('更新镇村两级政务公开栏144期次，其中镇级14期次、村级132期次。')).toEqual([['parts_sum_mismatch', '144期次', '146期次']]);
  });

  it('computes how much shorter the time taken is than the limit it is compared with', () => {
    expect(kinds('承诺件平均办理时限2.6个工作日，较法定时限20个工作日压缩87%。')).toEqual([]);
    expect(kinds('承诺件平均办理时限2.6个工作日，较法定时限20个工作日压缩94%。')).toEqual([['rate_mismatch', '87%', '94%']]);
    expect(kinds('办件平均用时3.2个工作日，较10个工作日的承诺时限压缩68%。')).toEqual([]);
    expect(kinds('办件平均用时3.2个工作日，较10个工作日的承诺时限压缩75%。')).toEqual([['rate_mismatch', '68%', '75%']]);
    // (the limit first, what it was cut to after it: 压缩至 names the time now taken, not the days saved)
    expect(kinds('许可事项平均办理时限由法定的20个工作日压缩至4.6个工作日，压缩77.0%。')).toEqual([]);
    expect(kinds('许可事项平均办理时限由法定的20个工作日压缩至4.6个工作日，压缩84.0%。')).toEqual([['rate_mismatch', '77%', '84.0%']]);
    expect(kinds('法定办结时限合计300个工作日，承诺办结时限压缩至96个工作日，压缩68.0%。')).toEqual([]);
  });

  it('checks an average said to be about so much within a tenth, and a share of a sum of money', () => {
    const text = (avg: string, share: string) => `为1,937名劳动者追发工资待遇2,846.3万元，人均约${avg}万元，其中工程建设领域追发1,684.5万元，占追发总额的${share}。`;
    expect(kinds(text('1.47', '59.2%'))).toEqual([]);
    expect(kinds(text('1.5', '59.2%'))).toEqual([]);
    expect(kinds(text('3.47', '59.2%'))).toEqual([['average_mismatch', '1.469万元', '约3.47万元']]);
    expect(kinds(text('1.47', '66.2%'))).toEqual([['rate_mismatch', '59.18%', '66.2%']]);
    expect(findings(text('1.47', '66.2%'))[0]?.arithmetic).toBe('1684.5 ÷ 2846.3 × 100% ≈ 59.18% ≠ 66.2%');
  });

  it('shares out an average over persons or places counted as such, not over one given for each', () => {
    expect(kinds('街道共划分综合网格48个，每格配备专职网格员1名。全年网格员通过平台上报事件12,486件，人均上报约223件。')).toEqual([]);
    expect(kinds('在镇法治文化广场和5个村法治文化长廊开展22场次。培育“法律明白人”280名，平均每村20名。')).toEqual([]);
  });

  it('reads outcomes joined by 、 and by commas as one list, ended by a semicolon before what is no outcome', () => {
    const text = (upheld: number) => `已审结441件，结转下年度48件。审结案件中，决定维持${upheld}件、驳回47件，确认违法12件、撤销19件、变更6件、责令履行15件，终止144件。`;
    expect(kinds(text(198))).toEqual([]);
    expect(kinds(text(208))).toEqual([['parts_sum_mismatch', '441件', '451件']]);
    const colon = (upheld: number) => `受理案件中已审结114件：维持${upheld}件、驳回14件、撤销8件、确认违法5件、责令履行3件、变更2件，经调解和解后终止21件；直接纠错18件，直接纠错率15.8%。`;
    expect(kinds(colon(61))).toEqual([]);
    expect(kinds(colon(66))).toEqual([['parts_sum_mismatch', '114件', '119件']]);
  });

  it('takes no figure some of a whole, nor last year\'s, for the whole a share names', () => {
    expect(kinds('已审结441件。上述审结案件中直接纠错52件，纠错率11.8%。坚持调解优先，审结案件中通过调解和解方式结案131件，占审结案件的29.7%。')).toEqual([]);
    expect(kinds('全年受理调解172起，调解成功165起。受理调解的纠纷较上年的149起增加23起，增长15.4%。', '全年土地权属纠纷58起，占受理调解纠纷总数的33.7%。')).toEqual([]);
  });

  it('compares with 表三 only what the prose says of applications', () => {
    // a disclosure report whose 平台建设 tells of hotline requests finished: no application of 表三
    const report = readFileSync(new URL('./fixtures/corpus/gk-nanling-transport-bureau.txt', import.meta.url), 'utf8').replace(/⟦([^⟧]*)⟧/g, (_, m: string) => m.replace(/[+-]$/, ''));
    const paragraphs = report.split('\n').filter((l) => l.trim() !== '');
    expect(paragraphs.some((p) => p.includes('办结1,268件'))).toBe(true);
    expect(findings(...paragraphs).filter((f) => f.kind === 'table_mismatch' && f.message.includes('1,268'))).toEqual([]);
    const asked = paragraphs.map((p) => p.replace('全年受理12345热线转办的交通运输领域诉求1,276件，办结1,268件', '全年受理政府信息公开申请1,276件，办结申请1,268件'));
    expect(findings(...asked).filter((f) => f.kind === 'table_mismatch' && f.message.includes('1,268'))).toHaveLength(1);
  });

  it('reads a 其中 opening the sentence after an item of a list as some of the list\'s whole, not of the item', () => {
    expect(kinds('全年共办理各类行政许可18,642件，按类别分：市场主体登记12,386件，食品经营许可3,715件，特种设备使用登记2,317件，其他许可224件。其中即来即办件15,208件，占全部许可量的81.6%。')).toEqual([]);
    expect(kinds('全年办理法律援助案件1,126件，其中民事案件712件、刑事案件368件、行政案件46件，为受援人挽回经济损失2,318.6万元；其中农民工讨薪类案件294件，占全部案件的26.1%。')).toEqual([]);
  });

  it('ends a breakdown at some of an item, and finds its whole by the share said after it', () => {
    const steps = (plain: number) => `办理行政处罚案件416件。从适用程序看，简易程序案件128件，普通程序案件${plain}件，普通程序案件中适用快速办理程序的有74件。`;
    expect(kinds(steps(288))).toEqual([]);
    expect(kinds(steps(298))).toEqual([['parts_sum_mismatch', '416件', '426件']]);
    const kinds_ = (other: number) => `全年排查矛盾纠纷318起，调处296起，调解成功287起，调解成功率97.0%。从纠纷类型看，土地承包经营纠纷104起、邻里纠纷78起、婚姻家庭纠纷53起、其他纠纷${other}起，土地承包纠纷占调处总数的35.1%。`;
    expect(kinds(kinds_(61))).toEqual([]);
    expect(kinds(kinds_(66))).toEqual([['parts_sum_mismatch', '296起', '301起']]);
  });

  it('takes dispositions joined by commas after 其中 as one list, and no disposition for a whole', () => {
    const text = (upheld: number) => `全年审结281件，其中维持${upheld}件，驳回38件，确认违法12件，撤销9件，责令履行6件，经调解和解后终止40件。`;
    expect(kinds(text(176))).toEqual([]);
    expect(kinds(text(186))).toEqual([['parts_sum_mismatch', '281件', '291件']]);
    expect(kinds('全年收到行政复议申请7件，经复议维持5件，撤销1件，申请人撤回后终止1件，复议纠错率为14.3%。')).toEqual([]);
  });

  it('takes no failed count for the numerator of a pass rate, and no total for the heads it is shared over', () => {
    expect(kinds('完成产品质量监督抽查312批次，发现不合格17批次，合格率94.6%。')).toEqual([]);
    expect(kinds('全局共有行政执法人员148名，全部持证上岗。全年组织执法人员培训14期1,036人次，人均参训7人次。')).toEqual([]);
  });

  it('computes 调解成功率 over what was mediated only, never over what was screened', () => {
    const text = (rate: string) => `全年排查矛盾纠纷412起，受理调处396起，调解成功389起，调解成功率${rate}。`;
    expect(kinds(text('98.2%'))).toEqual([]);
    expect(kinds(text('94.4%'))).toEqual([['rate_mismatch', '98.23%', '94.4%']]);
  });

  it('reads a pass rate after the figure that failed as what is left of the whole', () => {
    const checks = (whole: number, failed: string) => `完成产品质量监督抽查${whole}批次，发现不合格${failed}批次，合格率94.6%。`;
    expect(kinds(checks(312, '17'))).toEqual([]);
    expect(kinds(checks(359, '17'))).toEqual([['rate_mismatch', '95.26%', '94.6%']]);
    expect(kinds(checks(312, '27'))).toEqual([['rate_mismatch', '91.35%', '94.6%']]);
    // (the failed as a 其中 of the whole; a 不合格率 is the failed over the whole)
    expect(kinds('食品抽检2860批次，其中不合格69批次，抽检合格率为97.6%。')).toEqual([]);
    expect(kinds('食品抽检2860批次，其中不合格69批次，不合格率2.4%。')).toEqual([]);
    // (a figure of the grade itself is the numerator)
    expect(kinds('抽检2860批次，合格2791批次，不合格69批次，合格率97.6%。')).toEqual([]);
  });

  it('finds a figure restated in another part with two neighbouring digits swapped', () => {
    const body = '（一）严格执法。全年共办理行政处罚案件87件，其中简易程序52件、普通程序35件。';
    const later = (n: string) => `（二）存在的不足。全年镇综合行政执法队办理行政处罚案件${n}件，但案卷质量仍有差距。`;
    expect(kinds(body, later('87'))).toEqual([]);
    expect(kinds(body, later('78'))).toEqual([['inconsistent_value', '87件', '78件']]);
    // (a figure of three digits and more: the words need only share the thing they name)
    const petitions = (n: string) => [`全年受理投诉举报5,274件。`, `全年投诉举报量达${n}件，部分投诉办理不够及时。`];
    expect(kinds(...petitions('5,247'))).toEqual([['inconsistent_value', '5,274件', '5,247件']]);
    // (other digits, other things, or last year's figure: no restatement)
    expect(kinds(...petitions('5,427'))).toEqual([]);
    expect(kinds('全年受理行政复议案件12件。', '审结行政复议案件21件，均在法定期限内审结。')).toEqual([]);
    expect(kinds('全年受理投诉举报5,274件。', '较上年的5,247件基本持平。')).toEqual([]);
    // (three digits whose words share only the act they count: "成功化解" restated as "推动化解各类矛盾纠纷")
    const settled = (n: string) => ['全年排查矛盾纠纷426起，成功化解398起。', `主要负责人定期听取汇报，推动化解各类矛盾纠纷${n}起。`];
    expect(kinds(...settled('389'))).toEqual([['inconsistent_value', '398起', '389起']]);
    expect(kinds(...settled('398'))).toEqual([]);
    // (a list joined by 、 ends where a clause of its own follows it: the figure after that clause is no item)
    const filed = (n: number) => `全年县政府及其部门制定行政规范性文件${n}件，其中县政府5件、县政府办公室3件、县直部门6件，均在规定时限内报送备案，报备14件，报备率100%。`;
    expect(kinds(filed(14))).toEqual([]);
    expect(kinds(filed(16))[0]).toEqual(['parts_sum_mismatch', '16件', '14件']);
    const tickets = (n: string) => ['全年承办12345热线工单3,847件，按时办结3,802件。', `每周听取热线工单办理情况汇报，全年承办的${n}件工单逐件落实首办责任。`];
    expect(kinds(...tickets('3,874'))).toEqual([['inconsistent_value', '3,847件', '3,874件']]);
  });

  it('reads papers of every kind listed before 合计 as parts of it', () => {
    const review = (n: number) => `全年审查合同协议37份、重大行政决策事项5项、信访及其他涉法事务16件，合计出具法律意见${n}份。`;
    expect(kinds(review(58))).toEqual([]);
    expect(kinds(review(56))).toEqual([['parts_sum_mismatch', '56份', '58份']]);
  });

  it('takes the share of the finished from the figure of the finished, not from an item named by the same noun', () => {
    const text = (rate: string) => `全年新收政府信息公开申请44件，其中自然人申请36件，占81.8%，法人或其他组织申请8件。加上上年结转3件，本年度共需办理47件，已办结45件，结转下年度2件。从办理结果看，予以公开18件、部分公开5件，合计23件，占本年度办结申请总数的${rate}。`;
    expect(kinds(text('51.1%'))).toEqual([]);
    expect(kinds(text('52.3%'))).toEqual([['rate_mismatch', '51.11%', '52.3%']]);
  });

  it('reads lists and rates the way a township writes them in its 不足 part', () => {
    // (a stage and the next joined by 、, the next named as the rate)
    expect(kinds('土地山林纠纷受理67起、调解成功63起，调解成功率94.0%。')).toEqual([]);
    expect(kinds('土地山林纠纷受理67起、调解成功63起，调解成功率84.0%。')).toEqual([['rate_mismatch', '94.03%', '84.0%']]);
    // (a comma after the 中 of those counted among)
    expect(kinds('镇综合行政执法队18名持证执法人员中，具有法律专业背景的仅3名，占16.7%。')).toEqual([]);
    expect(kinds('镇综合行政执法队18名持证执法人员中，具有法律专业背景的仅3名，占26.7%。')).toEqual([['rate_mismatch', '16.67%', '26.7%']]);
    // (visits received, cases finished: 件次 and 件; the act before the name)
    expect(kinds('全年受理群众来信来访142件次，按期办结140件，按期办结率98.6%。')).toEqual([]);
    expect(kinds('全年受理群众来信来访142件次，按期办结140件，按期办结率88.6%。')).toEqual([['rate_mismatch', '98.59%', '88.6%']]);
    // (且 adds to what was finished; it names nothing)
    expect(kinds('以镇政府为被告的行政诉讼案件4件，已审结3件且全部胜诉，尚在审理1件。')).toEqual([]);
    expect(kinds('以镇政府为被告的行政诉讼案件4件，已审结3件且全部胜诉，尚在审理2件。')).toEqual([['parts_sum_mismatch', '4件', '5件']]);
    // (an item's share right after it, and money that is no outcome, do not end a 其中 list)
    const disputes = (other: number) => `全年排查矛盾纠纷213起，其中土地山林权属纠纷74起，占34.7%，婚姻家庭纠纷52起，邻里纠纷48起，其他纠纷${other}起。`;
    expect(kinds(disputes(39))).toEqual([]);
    expect(kinds(disputes(49))).toEqual([['parts_sum_mismatch', '213起', '223起']]);
    const funds = (total: string) => `2025年安排法治建设专项经费${total}万元，其中村法律顾问经费9.6万元（每村1.2万元），普法宣传经费7.4万元，人民调解员补贴15.5万元。`;
    expect(kinds(funds('32.5'))).toEqual([]);
    expect(kinds(funds('34.5'))).toEqual([['parts_sum_mismatch', '34.5万元', '32.5万元']]);
  });

  it('reads the lines after "具体为：" as the items of the whole before the colon', () => {
    const funds = (total: number) => [`经费保障方面，区财政安排法治政府建设经费${total}万元，具体为：`, '普法宣传  138万元', '法律顾问及合法性审核  212万元', '执法装备及案卷管理  136万元', '二、存在的不足和原因'];
    expect(kinds(...funds(486))).toEqual([]);
    expect(kinds(...funds(496))).toEqual([['parts_sum_mismatch', '496万元', '486万元']]);
    // (a line of two figures, or of another unit, is no item)
    expect(kinds('区财政安排经费496万元，具体为：', '普法宣传  138万元', '法律顾问  212万元，较上年增长12%', '执法装备  136万元')).toEqual([]);
  });

  it('reads those counted among a figure right after its unit, and places joined by 和 before 共', () => {
    expect(kinds('镇（街道）综合执法人员426名中，具有法律专业背景的仅37名，占8.7%。')).toEqual([]);
    expect(kinds('镇（街道）综合执法人员426名中，具有法律专业背景的仅37名，占18.7%。')).toEqual([['rate_mismatch', '8.69%', '18.7%']]);
    expect(kinds('组织9个镇（街道）和32个区直部门共41个单位的82名党政主要负责人开展年终述法。')).toEqual([]);
    expect(kinds('组织9个镇（街道）和32个区直部门共43个单位开展年终述法。')).toEqual([['parts_sum_mismatch', '43个', '41个']]);
  });

  it('computes an appearance rate from the appearances listed by who appeared', () => {
    const hearings = (n: number, other: number) => `全年开庭审理${n}次，局主要负责人出庭2次、其他负责人出庭${other}次，负责人出庭应诉率100%。`;
    expect(kinds(hearings(7, 5))).toEqual([]);
    expect(kinds(hearings(7, 4))).toEqual([['rate_mismatch', '85.7%', '100%']]);
    expect(kinds(hearings(9, 5))).toEqual([['rate_mismatch', '77.8%', '100%']]);
  });

  it('takes the whole a share names inside its 占', () => {
    expect(kinds('二是政策解读形式较为单一，图文解读15篇，占全部解读21篇的71.4%，群众喜闻乐见的解读方式偏少。')).toEqual([]);
    expect(kinds('二是政策解读形式较为单一，图文解读15篇，占全部解读21篇的61.4%。')).toEqual([['rate_mismatch', '71.43%', '61.4%']]);
    expect(kinds('全年予以公开和部分公开共21件，占全年办结总数40件的55.0%。')).toEqual([['rate_mismatch', '52.5%', '55.0%']]);
  });

  it('leaves a share that names its whole after 占 with no figure of its own alone', () => {
    expect(kinds('加上2024年结转的3件，本年度需办理申请共24件，已办结22件，其中予以公开9件，部分公开4件，不予公开1件，无法提供6件，不予处理2件；予以公开和部分公开的合计占办结总数的54.5%。')).toEqual([]);
  });

  it('reads items told alike with 涉及 as no whole of each other, a 、 inside one of them or not', () => {
    expect(kinds('从申请内容看，涉及老城区房屋征收补偿的11件，占新收申请的47.8%；涉及低保、临时救助等社会救助事项的5件，涉及违法建设查处的4件，其他3件。')).toEqual([]);
  });

  it('shares out the item named by the place, not the whole of the list', () => {
    const text = (avg: number) => `深化综合行政执法体制改革，9个街道全部组建综合行政执法队。全区持证行政执法人员1,072名，其中区直部门784名、街道288名，平均每个街道${avg}名。`;
    expect(kinds(text(32))).toEqual([]);
    expect(kinds(text(42))).toEqual([['average_mismatch', '32名', '42名']]);
  });

  it('ends a 其中 list at a figure for each of something, and reads an appearance rate above its base as wrong', () => {
    const mediators = (n: number) => `全乡共有人民调解员${n}名，其中乡人民调解委员会10名、12个村人民调解委员会84名，每村7名，吸收寺管会成员参与调解。`;
    expect(kinds(mediators(94))).toEqual([]);
    expect(kinds(mediators(106))).toEqual([['parts_sum_mismatch', '106名', '94名']]);
    expect(kinds('发生行政应诉案件1件，乡长出庭应诉1件，出庭应诉率100%。')).toEqual([]);
    expect(kinds('发生行政应诉案件1件，乡长出庭应诉3件，出庭应诉率100%。')).toEqual([['rate_mismatch', '300%', '100%']]);
  });

  it('adds up the rows under "如下（单位：件）：" to the figure of that unit before them', () => {
    const permits = (other: number) => ['全年受理行政许可申请362件，办结362件，按期办结率100%，分类情况如下（单位：件）：', '出版物经营许可（含变更、延续）  37', '营业性演出审批  238', '娱乐场所经营许可  26', '旅行社设立及变更  9', '卫星电视广播地面接收设施安装许可  11', '文物保护类审批  7', `其他  ${other}`, '其中当场办结的即办件221件。'];
    expect(kinds(...permits(34))).toEqual([]);
    expect(kinds(...permits(44))).toEqual([['parts_sum_mismatch', '372件', '362件']]);
    // (no unit named, or a 合计 row closing them: not these rows' sum)
    expect(kinds('全年受理行政许可申请362件，分类情况如下：', '营业性演出审批  238', '其他  34')).toEqual([]);
  });

  it('keeps the false alarms of batches 50–51 away', () => {
    // ("一、二、" inside "第一部分": no parts of the report, so a target of the 安排 stays a target)
    const parts = ['第一部分 2025年度主要举措和成效', '一、推进依法决策', '乡综合行政执法队在编人员24名，其中持有行政执法证件21名，持证率87.5%。', '二、推进综合执法，执法行为更加严格规范', '第二部分 存在的不足和原因', '执法力量不足。', '第三部分 党政主要负责人履行推进法治建设第一责任人职责情况', '书记带头学法。', '第四部分 2026年度推进法治政府建设的主要安排', '组织未取得执法证件人员参加考试，力争持证率达到100%。'];
    expect(kinds(...parts)).toEqual([]);
    expect(mapSections(parts).sectionOf[9]).toBe('nextYear');
    // (a whole holds its share; the rest who did it too; averages of different totals)
    expect(kinds('深化民主法治示范社区创建，目前全街道拥有省级民主法治示范社区2个、市级5个，累计7个，占社区总数的58.3%。')).toEqual([]);
    expect(kinds('在5件行政诉讼案件中，主任亲自出庭应诉2件，其余由分管负责人出庭，行政机关负责人出庭率100%。')).toEqual([]);
    expect(kinds('全街道配备专兼职网格员186名，平均每个社区15.5名。', '培育“法治带头人”48名、“法律明白人”240名，平均每个社区分别为4名和20名。')).toEqual([]);
  });

  it('reads the rest of what was decided as of what was accepted, not of what came in', () => {
    const text = (rest: number) => `县政府全年收到行政复议申请268件，依法受理241件，不予受理或告知向有权机关申请27件。已审结219件，其余${rest}件正在审理中。`;
    expect(kinds(text(22))).toEqual([]);
    expect(kinds(text(32))).toEqual([['parts_sum_mismatch', '241件', '251件']]);
  });

  it('reads a rate past a change told with last year\'s figure in brackets', () => {
    const text = (rate: string) => `承办12345政务服务便民热线工单5,318件，同比增长8.4%（上年为4,906件），按时办结5,261件，按时办结率${rate}。`;
    expect(kinds(text('98.9%'))).toEqual([]);
    expect(kinds(text('97.9%'))).toEqual([['rate_mismatch', '98.93%', '97.9%']]);
  });

  it('reads a rate whose name turns round the words of its count', () => {
    const text = (rate: string) => `全年随机抽取检查对象326户（含企业214户、个体工商户112户），发现问题29户，问题发现率为${rate}。`;
    expect(kinds(text('8.9%'))).toEqual([]);
    expect(kinds(text('9.8%'))).toEqual([['rate_mismatch', '8.9%', '9.8%']]);
  });

  it('lists the outcomes of what was actually decided in the sentence after it', () => {
    const text = (rate: string) => `加上上年结转的19件，全年应审结案件371件，实际审结340件，结转下年31件。审结案件中，决定维持198件、驳回复议请求41件、确认违法21件、撤销14件、变更3件、责令履行9件，经调解和解后申请人撤回申请终止审理54件；直接纠错（含确认违法、撤销、变更、责令履行）47件，纠错率${rate}。`;
    expect(kinds(text('13.8%'))).toEqual([]);
    expect(kinds(text('12.7%'))).toEqual([['rate_mismatch', '13.82%', '12.7%']]);
  });

  it('reads an application withdrawn before it was decided as part of what was received', () => {
    const text = (n: number) => `全年县政府共收到行政复议申请186件，较上年的143件增长30.1%。经审查，依法受理162件，不予受理15件，申请人在审查期间撤回申请${n}件。`;
    expect(kinds(text(9))).toEqual([]);
    expect(kinds(text(11))).toEqual([['parts_sum_mismatch', '186件', '188件']]);
  });

  it('takes no figure done in time as the whole a later rate is of', () => {
    const text = (rate: string) => `全年受理信访事项86件，较上年的97件下降11.3%，其中来信9件、来访41件、网上信访36件；及时受理85件，及时受理率98.8%；按期办结83件，按期办结率${rate}。`;
    expect(kinds(text('96.5%'))).toEqual([]);
    expect(kinds(text('97.5%'))).toEqual([['rate_mismatch', '96.51%', '97.5%']]);
  });

  it('reads no breakdown by type after a funnel as one of what was screened', () => {
    const text = (other: number) => `全年排查矛盾纠纷468起，调处412起，调解成功398起，调解成功率96.6%。从纠纷类型看，婚姻家庭纠纷96起、邻里纠纷142起、土地纠纷108起、劳资纠纷37起、其他纠纷${other}起。`;
    expect(kinds(text(29))).toEqual([]);
    // (what was settled is no whole: the types are of what was taken up)
    const taken = (other: number) => `全年排查土地类矛盾纠纷153件，受理调处128件，调处成功116件，调处成功率90.6%。从类型看，承包地纠纷57件、林地山界纠纷34件、宅基地纠纷26件、其他土地纠纷${other}件。`;
    expect(kinds(taken(11))).toEqual([]);
    expect(kinds(taken(13)).map(([kind]) => kind)).toEqual(['parts_sum_mismatch']);
  });

  it('takes two figures named only by 已审结 as of the things their paragraph named before them', () => {
    const text = (n: number) => `全年县政府收到行政复议申请87件，其中受理79件、不予受理5件、告知向有权机关申请3件。已审结71件，其中维持38件、驳回10件、确认违法4件、撤销6件、责令履行2件、调解和解后终止11件。全年以县政府及其部门为被告的一审行政诉讼案件64件，法院开庭审理58件，行政机关负责人出庭应诉56件，出庭率96.6%。已审结${n}件，其中败诉3件，败诉率5.8%。`;
    expect(kinds(text(52))).toEqual([]);
  });

  it('keeps an average per month aside from a 其中 list of the whole before it', () => {
    const text = (share: string) => `“青松发布”全年发布信息1,248条，月均104条，其中原创信息763条，占${share}。`;
    expect(kinds(text('61.1%'))).toEqual([]);
    expect(kinds(text('68.1%'))).toEqual([['rate_mismatch', '61.14%', '68.1%']]);
  });

  it('reads a funnel whose middle stage is what was taken in, and no average as a stage', () => {
    const taken = (rate: string) => `全年排查劳资纠纷隐患236起，受理劳资纠纷214起，调解成功198起，调解成功率${rate}。`;
    expect(kinds(taken('92.5%'))).toEqual([]);
    expect(kinds(taken('95.5%'))).toEqual([['rate_mismatch', '92.52%', '95.5%']]);
    expect(kinds('全年共排查矛盾纠纷468起，调处451起，其中村调委会调处372起、镇调委会调处79起，村均调处28.6起；调处成功438起，调处成功率97.1%。')).toEqual([]);
  });

  it('takes a total named in the sentence after a list as the whole of the list, or as unsaid', () => {
    const text = (rate: string) => `全年调处纠纷412起。分层级看，乡调委会直接调处73起，村调委会调处339起。调处总量较上年的375起增长${rate}，主要是网格排查更加细致。`;
    expect(kinds(text('9.9%'))).toEqual([]);
    expect(kinds(text('12.9%'))).toEqual([['rate_mismatch', '9.87%', '12.9%']]);
    expect(kinds('分层级看，乡调委会直接调处73起，村调委会调处339起。调处总量较上年的375起增长9.9%。')).toEqual([]);
  });

  it('counts calls to a hotline, and lists an opening\'s items with a share between commas', () => {
    const text = (n: string) => `12348公共法律服务热线全年呼入26,965通，接听26,480通，接通率98.2%，日均接听72.5通。接听来电中，法律咨询24,137通，占91.2%，转办法律援助申请${n}通，投诉建议及其他1,078通。`;
    expect(kinds(text('1,265'))).toEqual([]);
    expect(kinds(text('1,256'))).toEqual([['parts_sum_mismatch', '26,480通', '26471通']]);
    // (通 of 通过 or 通报 is no unit)
    expect(reviewParagraphs('t', ['全年印发3通报，5通过率。']).figures).toEqual([]);
  });

  it('adds up a trailing 合计 that lists its own parts after it as well', () => {
    const text = (review: number, other: number) => `全年本局作为被申请人的行政复议案件${review}件、作为被告的行政诉讼案件7件，合计19件，其中涉及工伤认定13件、涉及社保待遇${other}件。`;
    expect(kinds(text(12, 6))).toEqual([]);
    expect(kinds(text(14, 6))).toEqual([['parts_sum_mismatch', '19件', '21件']]);
    expect(kinds(text(12, 8))).toEqual([['parts_sum_mismatch', '19件', '21件']]);
  });

  it('shares out over sessions (期均) and reads the rate of finishing and of what was due', () => {
    expect(kinds('举办劳动法律法规培训26期，培训企业人事管理人员1,040人次，期均40人次。')).toEqual([]);
    expect(kinds('举办劳动法律法规培训26期，培训企业人事管理人员1,040人次，期均46人次。')).toEqual([['average_mismatch', '40人次', '46人次']]);
    const closed = (rate: string) => `全年受理劳动人事争议仲裁案件684件，涉及劳动者812人，涉案金额5,862万元；审结661件，仲裁结案率${rate}。`;
    expect(kinds(closed('96.6%'))).toEqual([]);
    expect(kinds(closed('89.6%'))).toEqual([['rate_mismatch', '96.64%', '89.6%']]);
    const due = (rate: string, rest: string) => `应追回基金126.4万元，已追回118.9万元，追回率${rate}，剩余${rest}万元已通过法律途径追缴。`;
    expect(kinds(due('94.1%', '7.5'))).toEqual([]);
    expect(kinds(due('87.1%', '7.5'))).toEqual([['rate_mismatch', '94.07%', '87.1%']]);
    expect(kinds(due('94.1%', '9.5'))).toEqual([['parts_sum_mismatch', '126.4万元', '128.4万元']]);
  });

  it('leaves a 其中 after a semicolon unplaced when a rate of two figures stands before it', () => {
    expect(kinds('全年共立案查处各类违法案件486件，结案462件，结案率95.1%；其中适用一般程序398件、简易程序88件。')).toEqual([]);
    // (one figure before the rate: the 其中 is of it)
    expect(kinds('全年共受理120件，办结率100%；其中婚姻纠纷50件、邻里纠纷80件。')).toEqual([['parts_sum_mismatch', '120件', '130件']]);
  });

  it('reads what a breakdown names, what is left of what was done, and a change past an average', () => {
    // the act the breakdown names: 调处, not the 成功化解 after it
    const mediated = (n: number) => `全年两级调解组织排查矛盾纠纷412起，调处368起，成功化解357起，调解成功率97.0%。从调处主体看，街道人民调解委员会直接调处74起，各社区人民调解委员会调处${n}起。`;
    expect(kinds(mediated(294))).toEqual([]);
    expect(kinds(mediated(296))).toEqual([['parts_sum_mismatch', '368起', '370起']]);
    // a far smaller figure before what was done is no whole of it
    expect(kinds('全年收到法律援助申请27件，经审查受理25件，受理率92.6%，2件因不符合经济困难条件未予受理，已告知其他救济途径；已办结23件，办结率92.0%，其余2件正在办理中。')).toEqual([]);
    // an average between this year's figure and last year's
    const boards = (rate: string) => `各村务公开栏共公开党务、村务、财务信息324期次，平均每村36期次，较上年的288期次增长${rate}。`;
    expect(kinds(boards('12.5%'))).toEqual([]);
    expect(kinds(boards('19.5%'))).toEqual([['rate_mismatch', '12.5%', '19.5%']]);
    // results of the new and the carried over together: a whole left unsaid
    expect(kinds('全年新收政府信息公开申请6件，其中自然人申请5件、商业企业申请1件，另有上年结转申请1件。办理结果为：予以公开3件，部分公开1件，无法提供1件，不予处理1件，结转下年度继续办理1件。')).toEqual([]);
  });

  it('keeps the 约 of 签约 in the name before a figure', () => {
    const text = (rate: string) => `涉及被征收户428户，已签约412户，签约率${rate}，全年未发生强制拆除引发的极端事件。`;
    expect(kinds(text('96.3%'))).toEqual([]);
    expect(kinds(text('89.3%'))).toEqual([['rate_mismatch', '96.26%', '89.3%']]);
  });

  it('reads the outcomes of what was decided, a way of ending being one of them', () => {
    const text = (n: number) => `全年审结行政复议案件${n}件。在审结的案件中，维持150件，驳回复议请求52件，撤销18件，变更6件，确认违法11件，责令履行9件，调解结案36件，终止审理59件（均为双方达成和解后申请人撤回申请）。`;
    expect(kinds(text(341))).toEqual([]);
    expect(kinds(text(343))).toEqual([['parts_sum_mismatch', '343件', '341件']]);
  });

  it('reads a rate of the figure counted among another, an average said as 每村平均, and 人均 over the whole group', () => {
    expect(kinds('普法覆盖全县52家道路运输企业中的49家，覆盖率94.2%。')).toEqual([]);
    expect(kinds('普法覆盖全县52家道路运输企业中的49家，覆盖率87.2%。')).toEqual([['rate_mismatch', '94.23%', '87.2%']]);
    const trained = (avg: number) => `全镇15个行政村。全镇培养“法律明白人”75名，每村平均${avg}名，其中村“两委”干部30名、网格员21名、党员和村民骨干24名。`;
    expect(kinds(trained(5))).toEqual([]);
    expect(kinds(trained(6))).toEqual([['average_mismatch', '5名', '6名']]);
    // (an item of the list named by a village is no whole of "每村平均")
    expect(kinds('全乡共培养法律明白人20名，其中红星村8名、东庄村6名、新丰村6名，每村平均6.7名。')).toEqual([]);
    const hours = (avg: number) => `全局在编执法人员42名，持有行政执法证件40名，持证率95.2%，其余2名为2025年新招录人员。全年组织执法人员业务培训6期，累计2,520学时，人均${avg}学时。`;
    expect(kinds(hours(60))).toEqual([]);
    expect(kinds(hours(66))).toEqual([['average_mismatch', '60学时', '66学时']]);
  });

  it('takes no whole across a semicolon, among, last year or what came over', () => {
    // a semicolon closes the total's clause: the items after it are no list of it
    expect(kinds('全年公开行政许可决定46件，主要为城市道路临时占用和户外广告设施设置许可；行政处罚决定128件、行政强制决定9件，均由街道综合行政执法队作出。')).toEqual([]);
    // a breakdown by the way applications came is of what came in, not of what was finished
    const ways = (n: number) => `全年新收政府信息公开申请34件，上年结转1件，共需办理35件；本年度办结33件，结转下年度继续办理2件。从申请方式看，当面申请9件、网上申请21件、信函申请${n}件。`;
    expect(kinds(ways(4))).toEqual([]);
    expect(kinds(ways(6))).toEqual([['parts_sum_mismatch', '34件', '36件']]);
    // what the items are counted among is none of them
    const villages = (n: number) => `截至年底，全乡8个行政村中已创成省级民主法治示范村1个（东坡村）、市级2个（石门村、竹溪村）、县级3个（桂花村、龙潭村、茶岭村），合计${n}个。`;
    expect(kinds(villages(6))).toEqual([]);
    expect(kinds(villages(7))).toEqual([['parts_sum_mismatch', '7个', '6个']]);
    // what was not done is no done figure another is the rest of
    expect(kinds('受理调处42起，成功化解39起，化解率92.9%。未进入调处程序的4起，经释法说理后引导当事人通过诉讼途径解决；另有3起已受理但尚未化解，仍在持续调处中。')).toEqual([]);
    // last year's figure is no whole of this year's rest
    expect(kinds('认定违法用地61宗；违法用地宗数较上年的83宗下降26.5%。对违法用地依法立案查处58宗，其余3宗符合条件，已依法补办用地手续。')).toEqual([]);
    // what came over is no whole of a 其中 list larger than itself
    expect(kinds('全年新收政府信息公开申请24件，上年结转1件。其中自然人申请19件，占79.2%；法人或其他组织申请5件。')).toEqual([]);
  });

  it('reads the whole named before what was done, the persons a total names, and a cut said of the limit by name', () => {
    const suits = (open: number) => `全年街道作为被申请人的行政复议案件3件、作为被告的行政诉讼案件5件，合计8件。行政复议案件均维持原行政行为；行政诉讼案件已审结4件，均胜诉，尚在审理${open}件。`;
    expect(kinds(suits(1))).toEqual([]);
    expect(kinds(suits(2))).toEqual([['parts_sum_mismatch', '5件', '6件']]);
    const patrols = (avg: string) => `设立县级林长11名、乡级林长96名、村级林长742名，合计849名。建立协作机制，县级林长全年巡林58次，人均${avg}次。`;
    expect(kinds(patrols('5.3'))).toEqual([]);
    expect(kinds(patrols('6.3'))).toEqual([['average_mismatch', '5.27次', '6.3次']]);
    const limit = (rate: string) => `办学许可承诺办理时限为20个工作日，全年平均办理时限为8.5个工作日，较承诺时限压缩${rate}。`;
    expect(kinds(limit('57.5%'))).toEqual([]);
    expect(kinds(limit('52.5%'))).toEqual([['rate_mismatch', '57.5%', '52.5%']]);
  });

  it('leaves unsaid the whole of the levels of an act, the base a share names, a step after review, the rest as a head count', () => {
    // a breakdown by the act's levels is of all the act took up, not of what it settled
    expect(kinds('全年镇村两级共排查矛盾纠纷463件，其中婚姻家庭纠纷97件、邻里纠纷132件、土地承包纠纷118件、劳务报酬纠纷46件、其他纠纷70件。已调处成功451件，调处成功率97.4%。按调处层级分，镇级调处86件，村级调委会就地调处377件，村级调处占81.4%。')).toEqual([]);
    // the base a share names is no whole of the 其中 after it: the figure the share is of is
    const rectified = (n: string) => `违规金额已整改2,874.6万元，占违规金额3,215.4万元的89.4%，其中上缴财政1,106.2万元、归还原资金渠道538.9万元、调整有关账目${n}万元。`;
    expect(kinds(rectified('1,229.5'))).toEqual([]);
    expect(kinds(rectified('1,239.5'))).toEqual([['parts_sum_mismatch', '2,874.6万元', '2884.6万元']]);
    // what was done after a step is no kind of the whole
    expect(kinds('全年召开常务会议12次，研究议题46个，其中涉法议题15个，会前均提交法律顾问进行合法性审查，经审查后提交会议研究15个，合法性审查率100%。')).toEqual([]);
    // (…but a disposition after 经 is one of the list)
    expect(kinds('全年审结281件，其中维持176件，驳回38件，确认违法12件，撤销9件，责令履行6件，经调解和解后终止30件。')).toEqual([['parts_sum_mismatch', '281件', '271件']]);
    // the rest of a list is no head count of an average
    expect(kinds('全局共有一线执法人员118名，其中持有行政执法证件129名，持证率94.9%，其余6名为新招录人员。全局一线执法人员累计培训7,316学时，人均62学时。').map(([kind]) => kind)).toEqual(['subset_exceeds_total', 'rate_mismatch']);
  });

  it('tells a rate said beside a count of another size from one of the same name, and a rate of the 其他 section of its own', () => {
    const rates = (n: number) => ['县司法局审查报送备案的行政规范性文件37件，其中予以备案31件，督促制定机关自行纠正6件，纠错率16.2%。', `行政复议直接纠错案件${n}件，纠错率17.0%，行政诉讼败诉案件7件。`];
    expect(kinds(...rates(24))).toEqual([]);
    expect(kinds(...rates(6))).toEqual([['inconsistent_value', '16.2%', '17.0%']]);
    const other = (said: string) => ['一、主要举措和成效', '共发现各类安全隐患158处，已整改151处，整改率95.6%。', '二、其他需要报告的事项', said];
    const sections = (...p: string[]) => kinds(...p).filter(([kind]) => kind !== 'missing_section');
    expect(sections(...other('对县法治督察反馈的问题5个，已整改5个，整改完成率100%。'))).toEqual([]);
    expect(sections(...other('全年安全隐患整改率100%，全部整改到位。'))).toEqual([['inconsistent_value', '95.6%', '100%']]);
  });

  it('reads no decision count of 表一 in a list of what applications were about', () => {
    const report = (about: string) => ['青田县农业农村局2025年政府信息公开工作年度报告', '一、总体情况', `全年新收政府信息公开申请25件，加上上年结转1件，共需办理26件。${about}`, '二、主动公开政府信息情况', '第二十条第（六）项', '信息内容  本年处理决定数量', '行政处罚  43', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'];
    expect(kinds(...report('申请内容主要涉及惠农补贴发放9件、土地承包经营权流转7件、农资执法和行政处罚5件、其他事项4件。'))).toEqual([]);
    expect(kinds(...report('全年作出行政处罚决定5件。'))).toEqual([['table_mismatch', '43', '5件']]);
  });

  it('holds what the prose says of normative documents to the three cells of 表一', () => {
    const report = (prose: string) => ['明月县教育局2025年政府信息公开工作年度报告', '一、总体情况', prose, '二、主动公开政府信息情况', '第二十条第（一）项', '信息内容  本年制发件数  本年废止件数  现行有效件数', '规章  0  0  0', '行政规范性文件  2  1  9', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'];
    const said = (made: number, repealed: number, valid: number) => `全年本机关制发行政规范性文件${made}件、废止${repealed}件，现行有效行政规范性文件${valid}件，均已在门户网站集中公开。`;
    expect(kinds(...report(said(2, 1, 9)))).toEqual([]);
    expect(kinds(...report(said(2, 3, 9)))).toEqual([['table_mismatch', '1', '3件']]);
    expect(findings(...report(said(2, 1, 11))).map((f) => f.message)).toEqual(['正文写“现行有效行政规范性文件”11件，而表一“行政规范性文件”的现行有效件数为9，两处不一致。']);
    // documents others made, reviewed or filed are none of the office's own
    expect(kinds(...report('全年审查各乡镇报送备案的行政规范性文件14件，纠正1件。'))).toEqual([]);
  });

  it('holds a result the prose says of the applications to its row of 表三, a reason with 等 summing them all', () => {
    const table = ['三、收到和处理政府信息公开申请情况', '申请人情况：自然人  法人或其他组织（商业企业  科研机构  社会公益组织  法律服务机构  其他）  总计', '一、本年新收政府信息公开申请数量  31  2  0  0  2  0  35', '（一）予以公开  13  1  0  0  1  0  15', '（四）无法提供  7  1  0  0  0  0  8', '1.本机关不掌握相关政府信息  6  1  0  0  0  0  7', '2.没有现成信息需要另行制作  1  0  0  0  0  0  1', '3.补正后申请内容仍不明确  0  0  0  0  0  0  0'];
    const report = (prose: string) => ['红山区司法局2025年政府信息公开工作年度报告', '一、总体情况', '二、主动公开政府信息情况', ...table, prose, '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'];
    const said = (n: number) => `办结的34件中，予以公开15件，占44.1%；因本机关不掌握相关信息等原因无法提供${n}件，均告知了获取途径。`;
    expect(kinds(...report(said(8)))).toEqual([]);
    expect(findings(...report(said(9))).map((f) => f.message)).toEqual(['正文写“因本机关不掌握相关信息等原因无法提供”9件，而表三“无法提供”的总计为8，两处不一致。']);
    // a reason without 等 names one item of the row
    expect(kinds(...report('办结的34件中，因本机关不掌握相关信息无法提供7件。'))).toEqual([]);
    // the documents an office issued are no applications: "制发公文216件，其中主动公开84件、依申请公开12件、不予公开120件"
    expect(kinds(...report('办结的34件中，予以公开15件。全年制发公文216件，其中主动公开84件、依申请公开12件、不予公开120件。'))).toEqual([]);
  });

  it('reads an outcome named by a part of the whole before it as of that part', () => {
    const complaints = (rate: string) => `全年共受理投诉举报咨询9,846件，其中投诉4,215件、举报1,032件、咨询4,599件。投诉办结4,178件，办结率${rate}。`;
    expect(kinds(complaints('99.1%'))).toEqual([]);
    expect(kinds(complaints('98.1%'))).toEqual([['rate_mismatch', '99.12%', '98.1%']]);
  });

  it('reads a rate named 比例 or 占比, one naming the whole then the part, a share naming an item after its list, and an average per training', () => {
    const corrected = (rate: string) => `公示期间接到群众对补贴对象和金额的反映46件，经核实后更正17件，更正比例为${rate}，其余均已当面或电话解释说明。`;
    expect(kinds(corrected('37.0%'))).toEqual([]);
    expect(kinds(corrected('31.5%'))).toEqual([['rate_mismatch', '36.96%', '31.5%']]);
    const model = (rate: string) => `全县沿街商户签订“门前三包”责任书4,260户，评选“门前三包”示范户385户，示范户占比为${rate}。`;
    expect(kinds(model('9.0%'))).toEqual([]);
    expect(kinds(model('8.6%'))).toEqual([['rate_mismatch', '9.04%', '8.6%']]);
    const files = (rate: string) => `抽查案卷40卷，评定优良36卷，案卷优良率达${rate}。`;
    expect(kinds(files('90%'))).toEqual([]);
    expect(kinds(files('92.5%'))).toEqual([['rate_mismatch', '90%', '92.5%']]);
    const calls = (rate: string) => `全年接听政务公开咨询电话和接待现场咨询共计238人次，其中电话咨询164人次、现场咨询74人次，电话咨询占咨询总量的${rate}。`;
    expect(kinds(calls('68.9%'))).toEqual([]);
    expect(kinds(calls('71.6%'))).toEqual([['rate_mismatch', '68.91%', '71.6%']]);
    const trainings = (avg: number) => `全年开展政务公开培训2次，参训人员68人次，平均每次培训${avg}人次，培训对象覆盖乡直各站所。`;
    expect(kinds(trainings(34))).toEqual([]);
    expect(kinds(trainings(32))).toEqual([['average_mismatch', '34人次', '32人次']]);
  });

  it('reads a loss rate over what was decided, items by the act before an outcome, and the whole a finished figure names', () => {
    const suits = (rate: string) => `作为被告的行政诉讼案件7件，其中已审结5件（胜诉4件、败诉1件），尚未审结2件，已审结案件败诉率${rate}。`;
    expect(kinds(suits('20.0%'))).toEqual([]);
    expect(kinds(suits('25.0%'))).toEqual([['rate_mismatch', '20%', '25.0%']]);
    const mediation = (n: number) => `全年17个人民调解委员会共受理矛盾纠纷414件，调解成功400件，调解成功率96.6%，其中村级受理280件、社区受理${n}件，主要为邻里纠纷。`;
    expect(kinds(mediation(134))).toEqual([]);
    expect(kinds(mediation(144))).toEqual([['parts_sum_mismatch', '414件', '424件']]);
    // (a noun shared is no act: the types are of what was taken up)
    expect(kinds('全年共排查矛盾纠纷241件，受理调处226件。其中草场边界纠纷52件、土地承包经营纠纷47件、婚姻家庭纠纷44件、邻里纠纷38件、其他纠纷45件。')).toEqual([]);
    const cases = (open: number) => `全年街道作为被申请人的行政复议案件2件、作为被告的行政诉讼案件3件，合计5件，均涉及房屋征收。复议案件经区人民政府审理，均维持原行政行为；诉讼案件已审结2件，均判决驳回原告诉讼请求，${open}件尚在审理中。`;
    expect(kinds(cases(1))).toEqual([]);
    expect(kinds(cases(2))).toEqual([['parts_sum_mismatch', '3件', '4件']]);
    const appeals = (n: number) => `全年收到行政复议申请97件，较上年的64件增长51.6%；其中依法受理86件，不予受理7件，申请人在受理前撤回申请4件。加上上年结转的6件，全年审结行政复议案件84件，结转下年${n}件。`;
    expect(kinds(appeals(8))).toEqual([]);
    expect(kinds(appeals(9)).map(([kind]) => kind)).toEqual(['parts_sum_mismatch']);
    // what a clean-up changed leaves out what it kept, unless it says that too
    expect(kinds('组织对存量政策措施开展清理，共清理文件138件，废止3件、修订5件。')).toEqual([]);
    expect(kinds('共清理文件138件，保留120件、废止3件、修订5件。')).toEqual([['parts_sum_mismatch', '138件', '128件']]);
  });

  it('reads a rate naming the whole then the part across sentences, and the shares of a table over its 合计 row', () => {
    const plan = (done: number) => `年初计划安排审计项目42个，年中增加4个，调整后全年计划项目46个。截至年底已完成${done}个，计划完成率97.8%。`;
    expect(kinds(plan(45))).toEqual([]);
    expect(kinds(plan(44))).toEqual([['rate_mismatch', '95.65%', '97.8%']]);
    // (the whole named by its act is no whole of another act: "拆除整改率" is of both acts over what was found)
    expect(kinds('排查违法建设52处，已拆除41处，补办手续整改8处，正在依法处置3处，拆除整改率为94.2%。')).toEqual([]);
    const table = (first: string, share: string) => ['已完成项目按类型分布如下：', '项目类型  完成个数  占比', `预算执行审计  ${first}  ${share}`, '经济责任审计  14  31.1%', '政府投资项目审计  11  24.4%', '专项审计调查  7  15.6%', '自然资源资产离任审计  4  8.9%', '合计  45  100%'];
    expect(kinds(...table('9', '20.0%'))).toEqual([]);
    expect(kinds(...table('9', '27.0%'))).toEqual([['rate_mismatch', '20.00%', '27.0%']]);
    expect(kinds(...table('11', '20.0%')).map(([kind]) => kind)).toEqual(['rate_mismatch', 'table_mismatch']);
  });

  it('joins a 表四 row a PDF broke after twelve figures', () => {
    const report = (last: string) => ['青田县农业农村局2025年政府信息公开工作年度报告', '一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '行政复议 行政诉讼', '结果维持 结果纠正 其他结果 尚未审结 总计 未经复议直接起诉（结果维持 结果纠正 其他结果 尚未审结 总计） 复议后起诉（结果维持 结果纠正 其他结果 尚未审结 总计）', '0 0 0 0 0 1 0 0 1 2 0 0', last, '五、存在的主要问题及改进情况', '六、其他需要报告的事项'];
    expect(kinds(...report('0 0 0'))).toEqual([]);
    expect(kinds(...report('0 0 2')).map(([kind]) => kind)).toEqual(['table_mismatch']);
  });

  it('balances what was newly received, and reads a loss rate of the decided cases a sentence before', () => {
    const suits = (decided: number, lost: number) => `全年全县新收行政诉讼一审案件73件，较上年的81件下降9.9%，加上上年结转12件，法院审结${decided}件，结转下年17件。审结案件中行政机关败诉${lost}件，败诉率7.4%，主要集中在征收补偿领域。`;
    expect(kinds(suits(68, 5))).toEqual([]);
    expect(kinds(suits(68, 7))).toEqual([['rate_mismatch', '10.29%', '7.4%']]);
    expect(kinds(suits(78, 5)).map(([kind]) => kind)).toContain('parts_sum_mismatch');
    // (lost cases not said to be of those decided may be of all the cases)
    expect(kinds('全年作为被告的一审行政诉讼案件196件，较上年的171件增加25件；已审结158件，尚未审结38件。败诉9件，较上年的16件减少7件，败诉率4.6%。')).toEqual([]);
  });

  it('reads outcomes of the decided cases a sentence before, a cut to a time, and what is to be settled with the carried over', () => {
    const decided = (n: number) => `加上上年结转的6件，全年审结行政复议案件84件，结转下年8件。审结案件中，决定维持41件、驳回复议请求9件、撤销6件、变更2件、确认违法4件、责令履行3件，经调解和解后终止审理${n}件。`;
    expect(kinds(decided(19))).toEqual([]);
    expect(kinds(decided(21))).toEqual([['parts_sum_mismatch', '84件', '86件']]);
    const cut = (rate: string) => `建筑工程施工许可法定办理时限为15个工作日，我局通过并联审批、告知承诺等方式压缩至3个工作日，压缩${rate}，全部许可事项按期办结率100%。`;
    expect(kinds(cut('80.0%'))).toEqual([]);
    expect(kinds(cut('70.0%'))).toEqual([['rate_mismatch', '80%', '70.0%']]);
    // what is to be settled holds what came over; last year's figure compared with is no whole; what failed after a
    // semicolon is no part of what succeeded
    expect(kinds('全年共排查各类土地和林地纠纷57起，加上上年结转的5起，全年需化解62起。与上年排查的68起相比，新发纠纷下降16.2%。全年调解成功53起，调解成功率85.5%；对事实复杂、争议较大的3起，引导当事人通过诉讼途径解决；其余6起结转至2026年继续调处。')).toEqual([]);
  });

  it('finds the whole behind a comparison said far from it, an average of the figure it names, and no item in the base of a share', () => {
    const waived = (n: number) => `全年对1,326户次纳税人的首次轻微税收违法行为不予行政处罚，较上年的1,145户次增长15.8%，其中未按期办理纳税申报1,108户次、未按规定设置保管账簿137户次、其他${n}户次，涉及罚款金额66.3万元，户均500元。`;
    expect(kinds(waived(81))).toEqual([]);
    expect(kinds(waived(91))).toEqual([['parts_sum_mismatch', '1,326户次', '1336户次']]);
    const audits = (avg: string) => `全年立案检查58户，结案54户，结案率93.1%。查补税款3,462.8万元、加收滞纳金618.5万元、罚款927.3万元，合计5,008.6万元，其中查补税款较上年的2,915.6万元增长18.8%，结案户户均查补税款${avg}万元。`;
    expect(kinds(audits('64.1'))).toEqual([]);
    expect(kinds(audits('68.1'))).toEqual([['average_mismatch', '64.13万元', '68.1万元']]);
    expect(kinds('全年新收政府信息公开申请14件，上年结转1件。全年办结13件，结转下年度继续办理2件。办结的申请中，予以公开6件，占本年新收申请14件的42.9%，所有申请均在法定期限内答复。')).toEqual([]);
  });

  it('reads outcomes right after who decided them, and leaves averages and open figures out of wholes', () => {
    const appeals = (n: number) => `全年以本局为被申请人的行政复议案件4件，经县人民政府审理维持3件、确认违法${n}件；以本局为被告的行政诉讼案件2件。`;
    expect(kinds(appeals(1))).toEqual([]);
    expect(kinds(appeals(2))).toEqual([['parts_sum_mismatch', '4件', '5件']]);
    const events = (rate: string, other: number) => `网格员全年巡查发现并上报各类事件5,326件，按网格员总数计算人均上报15.7件；已办结5,281件，办结率${rate}，未办结的45件均为设施维修类事项。按事件类型分，环境卫生类1,842件、安全隐患类1,136件、矛盾纠纷线索603件、市政设施类977件、其他类${other}件。`;
    expect(kinds(events('99.2%', 768))).toEqual([]);
    expect(kinds(events('92.2%', 768))).toEqual([['rate_mismatch', '99.16%', '92.2%']]);
    expect(kinds(events('99.2%', 868))).toEqual([['parts_sum_mismatch', '5,326件', '5426件']]);
  });

  it('reads the rest of a named whole, a rest that lists what it holds, and stays silent on an average of other figures', () => {
    const dangers = (open: number) => `共发现各类事故隐患4,352条，其中重大事故隐患38条；已整改4,297条，整改率98.7%。重大事故隐患已整改销号36条，其余${open}条实行挂牌督办。`;
    expect(kinds(dangers(2))).toEqual([]);
    expect(kinds(dangers(3)).map(([kind]) => kind)).toEqual(['parts_sum_mismatch']);
    const fields = (n: number) => `全县共办理行政处罚案件3,462件，较上年的3,118件增长11.0%。从执法领域看，综合行政执法905件，占26.1%；市场监管812件，占23.5%；交通运输736件，占21.3%；自然资源418件，占12.1%；生态环境267件，占7.7%；应急管理、文化旅游、农业农村等其他领域合计${n}件，占9.4%。`;
    expect(kinds(fields(324))).toEqual([]);
    expect(kinds(fields(334)).map(([kind]) => kind)).toEqual(['parts_sum_mismatch', 'rate_mismatch']);
    expect(kinds('全年各级林长开展巡林186次，其中乡级林长38次、村级林长148次；聘用生态护林员42名，护林员日常巡护累计9,828人次，人均巡护234次。')).toEqual([]);
  });

  it('reads what is carried to next year as such, though the clause says when it was received', () => {
    const report = (said: string) => ['玉泉镇人民政府2025年政府信息公开工作年度报告', '一、总体情况', `本年度新收申请10件，办结9件，结转下年度1件。${said}`, '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '申请人情况：自然人  法人或其他组织（商业企业  科研机构  社会公益组织  法律服务机构  其他）  总计', '一、本年新收政府信息公开申请数量  8  1  0  0  1  0  10', '四、结转下年度继续办理  1  0  0  0  0  0  1', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'];
    expect(kinds(...report('结转下年度的1件系12月下旬收到的申请，仍在法定答复期限内。'))).toEqual([]);
    expect(kinds(...report('结转下年度的2件系12月下旬收到的申请，仍在法定答复期限内。')).map(([kind]) => kind)).toContain('table_mismatch');
  });

  it('reads a breakdown named by one part of the whole before it as of that part, and what was finished of that part as of it', () => {
    const complaints = (other: number, done: string) => `全年受理旅游投诉及咨询163件，其中投诉128件、咨询35件。按被投诉对象分，涉及旅行社的52件、A级旅游景区的41件、住宿餐饮的26件、其他${other}件。投诉已办结${done}，其余2件正在与外地部门协调处理。`;
    expect(kinds(complaints(9, '126件，办结率98.4%'))).toEqual([]);
    expect(kinds(complaints(11, '126件，办结率98.4%'))).toEqual([['parts_sum_mismatch', '128件', '130件']]);
    expect(kinds(complaints(9, '126件，办结率97.4%'))).toEqual([['rate_mismatch', '98.44%', '97.4%']]);
    expect(kinds(complaints(9, '125件'))).toEqual([['parts_sum_mismatch', '128件', '127件']]);
    // a part named by the whole's own noun ("法人或其他组织申请5件" read as 申请) names no breakdown of it
    const channels = (rate: string) => `本年度新收政府信息公开申请24件。从申请主体看，自然人申请19件，法人或其他组织申请5件；从申请渠道看，网上申请15件，占${rate}，信函申请6件，当面申请3件。`;
    expect(kinds(channels('62.5%'))).toEqual([]);
    expect(kinds(channels('57.7%'))).toEqual([['rate_mismatch', '62.5%', '57.7%']]);
  });

  it('reads a rate named by the two words of its count turned round with words between, and one of a figure counted among another', () => {
    const found = (rate: string) => `开展小微权力运行专项检查，抽查村级事项156件，发现程序不规范问题12件，问题发现率为${rate}，已全部督促整改。`;
    expect(kinds(found('7.7%'))).toEqual([]);
    expect(kinds(found('8.3%'))).toEqual([['rate_mismatch', '7.69%', '8.3%']]);
    const among = (rate: string) => `全面推行工资专用账户制度，全县126个在建项目中已有121个开立农民工工资专用账户，开户率为${rate}。`;
    expect(kinds(among('96.0%'))).toEqual([]);
    expect(kinds(among('97.6%'))).toEqual([['rate_mismatch', '96.03%', '97.6%']]);
    // (the figure counted among is named without what it is counted among)
    expect(findings(among('97.6%'))[0]?.message).toContain('÷在建项目126个');
  });

  it('takes no failed count as the numerator of a pass rate, no item of a sentence as a restatement, and no settled stage as the whole of a breakdown', () => {
    // the act a rate names, negated ("检出不合格"), is no numerator of it: 1,157 of 1,186 passed
    expect(kinds('全年完成监督抽检1,186批次，其中食品962批次、食品相关产品224批次，检出不合格29批次，总体合格率97.6%。')).toEqual([]);
    // figures of the items of a breakdown under the whole's words restate nothing
    const fines = (total: string) => `全年立案查处各类违法案件468件，罚没款${total}万元。分领域看：食品领域186件，罚没款112.35万元；药品领域74件，罚没款68.20万元；其他领域208件，罚没款205.87万元。`;
    expect(kinds(`全年罚没款386.42万元。`, fines('386.42'))).toEqual([]);
    expect(kinds(`全年罚没款368.42万元。`, fines('386.42')).map((k) => k[0])).toEqual(['inconsistent_value']);
    // a short result (检出不合格) said of two different checks is two figures
    expect(kinds('全年完成监督抽检1,186批次，检出不合格29批次，均已依法核查处置。在14个农贸市场设立快检室，全年快检食用农产品4,860批次，检出不合格53批次，均当场下架销毁。')).toEqual([]);
    // what a funnel settled is no whole of a breakdown that does not name its stage
    const funnel = (n: number) => `全年排查土地承包纠纷218件，调处209件，化解197件，调解成功率94.3%。分镇（乡）看，凤鸣镇36件、岐阳镇31件、雍城镇33件、柳泉镇27件、石桥乡22件、南塬乡24件、河湾镇25件、三岔镇${n}件。`;
    expect(kinds(funnel(20))).toEqual([]);
    // …but what was taken up before the settling is: "受理调处128件，调处成功116件。从类型看，…"
    const taken = (n: number) => `全年排查土地类矛盾纠纷153件，受理调处128件，调处成功116件，调处成功率90.6%。从类型看，承包地纠纷57件、林地山界纠纷34件、宅基地纠纷26件、其他土地纠纷${n}件。`;
    expect(kinds(taken(11))).toEqual([]);
    expect(kinds(taken(13))).toEqual([['parts_sum_mismatch', '128件', '130件']]);
    // what there is besides ("另有上年结转申请2件") is no item of a 其中 list that makes up its whole
    const applications = (n: number) => `本局新收政府信息公开申请39件，其中自然人申请36件，法人或其他组织申请${n}件，另有上年结转申请2件。`;
    expect(kinds(applications(3))).toEqual([]);
    expect(kinds(applications(4))).toEqual([['parts_sum_mismatch', '39件', '40件']]);
  });

  it('takes a total naming two things joined by 和, each holding one of its parts, for no restatement of one of them', () => {
    const report = (cases: number, lawsuits: number) => [
      '一、2025年推进法治政府建设的主要举措和成效',
      `带头出庭应诉，乡政府作为被告的行政诉讼案件${lawsuits}件，乡长出庭应诉${lawsuits}件，行政机关负责人出庭应诉率100%。`,
      '五、其他需要报告的事项',
      `2025年，乡政府作为被申请人的行政复议案件和作为被告的行政诉讼案件共${cases}件，其中行政复议2件、行政诉讼1件。`,
    ];
    expect(kinds(...report(3, 1))).toEqual([]);
    // (its parts are still checked)
    expect(kinds(...report(4, 1))).toEqual([['parts_sum_mismatch', '4件', '3件']]);
    expect(findings(...report(4, 1))[0]?.message).toContain('“行政复议案件和行政诉讼案件”共4件');
  });

  it('checks a list telling each item in two figures against both wholes, and finds a base named by the act opening its clause', () => {
    const projects = (count: number, money: string) => `全年实施乡村振兴衔接资金项目共${count}个，总投资${money}万元，其中产业发展类项目14个、投资1,212万元，基础设施类项目9个、投资634万元，重点实施了高山茶园提质等项目。`;
    expect(kinds(projects(23, '1,846'))).toEqual([]);
    expect(kinds(projects(25, '1,846'))).toEqual([['parts_sum_mismatch', '25个', '23个']]);
    expect(kinds(projects(23, '1,864'))).toEqual([['parts_sum_mismatch', '1,864万元', '1846万元']]);
    expect(findings(projects(23, '1,864'))[0]?.message).toContain('产业发展类项目投资1,212万元');
    // "发现条款不全、期限过长等不规范合同31份": what was found opens the clause before a list of its kinds
    const contracts = (rate: string) => `开展村集体经济合同专项清理，清理合同156份，发现条款不全、期限过长、价格明显偏低等不规范合同31份，已整改28份，整改率${rate}，追回集体资产承包费18.6万元。`;
    expect(kinds(contracts('90.3%'))).toEqual([]);
    expect(kinds(contracts('95.3%'))).toEqual([['rate_mismatch', '90.32%', '95.3%']]);
    // "持证率仅45.8%": 仅 is no part of the rate's name
    expect(findings('乡机关在编干部48名，持有行政执法证件的22名，持证率仅55.8%。').map((f) => f.message)).toEqual(['“持证率”写为55.8%，但按文中数字计算，持有行政执法证件的22名÷乡机关在编干部48名≈45.83%。']);
  });

  it('leaves a rate alone that may restate either of two rates stated before under its name and a shorter one', () => {
    const report = (later: string) => [
      '一、2025年推进法治政府建设的主要举措和成效',
      '组织听证会、座谈会等公众参与活动21场次，收集意见建议386条，采纳143条，采纳率37.0%。',
      '对拟出台的各类事项开展合法性审查共312件，提出审查意见527条，被采纳509条，意见采纳率96.6%。',
      '二、存在的不足和原因',
      `部分决策事项征求意见时间偏短，全年意见采纳率仅为${later}，部分决策目录编制仍不规范。`,
    ];
    expect(kinds(...report('37.0%'))).toEqual([]);
    expect(kinds(...report('42.0%'))).toEqual([]);
  });

  it('holds a total after its items to their sum, and reads "调解的纠纷中" as what was mediated, not what succeeded', () => {
    // a 合计 says the items before it are all there is, however far the sum is from it
    const court = (n: number) => `带头出庭应诉，全年局长出庭3件次、分管副局长出庭2件次，合计${n}件次。`;
    expect(kinds(court(5))).toEqual([]);
    expect(findings(court(7)).map((f) => f.message)).toEqual(['所列各项（局长出庭3件次、分管副局长出庭2件次）相加为5件次，而合计写为7件次，相差2件次。']);
    const mediated = (n: number) => `全年排查矛盾纠纷682件，进入调解程序645件，调解成功631件，调解成功率97.8%。调解的纠纷中，邻里纠纷203件、婚姻家庭纠纷178件、土地承包和宅基地纠纷96件、征地拆迁补偿纠纷61件、其他纠纷${n}件。`;
    expect(kinds(mediated(107))).toEqual([]);
    expect(kinds(mediated(127))).toEqual([['parts_sum_mismatch', '645件', '665件']]);
  });

  it('reads a stage and the next joined by 、 as the base and numerator of the rate named by the next', () => {
    const labour = (rate: string) => `主要负责人定期听取劳资纠纷化解情况汇报，全年受理劳资纠纷128件、调处成功121件，调处成功率${rate}，有效维护了劳动者合法权益。`;
    expect(kinds(labour('94.5%'))).toEqual([]);
    expect(kinds(labour('96.5%'))).toEqual([['rate_mismatch', '94.53%', '96.5%']]);
  });

  it('reads what was decided over what was accepted, and what is still pending beside what was decided', () => {
    // "收到申请412件，其中依法受理371件、不予受理26件…。全年审结348件，审结率93.8%，其余23件…"
    const review = (rate: string, rest: number) => `全年区政府收到行政复议申请412件，其中依法受理371件、不予受理26件、告知向其他有权机关提出15件。全年审结348件，审结率${rate}，其余${rest}件因尚在法定审理期限内结转2026年继续办理。`;
    expect(kinds(review('93.8%', 23))).toEqual([]);
    expect(kinds(review('95.8%', 23))).toEqual([['rate_mismatch', '93.8%', '95.8%']]);
    expect(kinds(review('93.8%', 25)).map((k) => k[0])).toEqual(['parts_sum_mismatch']);
    // "已审结4件，审结案件中，胜诉3件、原告撤诉1件，另有1件尚在审理": the pending one is of all the cases
    const suits = (all: number) => `全年发生行政复议案件3件，均维持原行政行为；发生行政诉讼案件${all}件，已审结4件，审结案件中，胜诉3件、原告撤诉1件，另有1件尚在审理，无败诉案件。`;
    expect(kinds(suits(5))).toEqual([]);
    expect(kinds(suits(6))).toEqual([['parts_sum_mismatch', '6件', '5件']]);
    const won = (all: number) => `发生行政诉讼案件${all}件，已审结3件，审结案件中，胜诉3件，另有1件尚在审理。`;
    expect(kinds(won(4))).toEqual([]);
    expect(kinds(won(5))).toEqual([['parts_sum_mismatch', '5件', '4件']]);
  });

  it('finds the whole an opening names by its act, and a list that ends on what it achieved', () => {
    const disputes = (n: number) => `全年排查矛盾纠纷1,246件，调处1,218件，化解1,187件，调解成功率97.5%。排查的纠纷包括物业纠纷468件、邻里纠纷397件、婚姻家庭纠纷152件和其他纠纷${n}件，物业纠纷占排查总数的37.6%。`;
    expect(kinds(disputes(229))).toEqual([]);
    expect(kinds(disputes(299))).toEqual([['parts_sum_mismatch', '1,246件', '1316件']]);
    const events = (n: string) => `全年通过“锦绣e格”平台上报各类网格事件14,628件，较上年的13,540件增长8.0%。上报事件中，城市管理类6,215件、矛盾纠纷类2,873件、安全隐患类3,408件、民生服务类${n}件。`;
    expect(kinds(events('2,132'))).toEqual([]);
    expect(kinds(events('2,232'))).toEqual([['parts_sum_mismatch', '14,628件', '14728件']]);
    const sites = (n: number) => `建成法治文化阵地${n}个，包括锦江法治文化公园1个、法治广场2个、社区法治长廊12个、“法治书屋”6个，实现12个社区全覆盖。`;
    expect(kinds(sites(21))).toEqual([]);
    expect(kinds(sites(23))).toEqual([['parts_sum_mismatch', '23个', '21个']]);
    const exam = (rate: string) => `组织镇村干部参加年度学法用法考试，应考138人，实考136人，参考率${rate}。`;
    expect(kinds(exam('98.6%'))).toEqual([]);
    expect(kinds(exam('99.6%'))).toEqual([['rate_mismatch', '98.55%', '99.6%']]);
  });

  it('compares a figure restated in another part however its sentence goes on, vehicles counted too', () => {
    const fines = (later: string) => ['一、2025年推进法治政府建设的主要举措和成效', '全年罚没款486.32万元，其中罚款402.15万元、没收违法所得84.17万元。', '三、党政主要负责人履行推进法治建设第一责任人职责情况', `对罚没款较大的案件亲自参加集体讨论，全年罚没款${later}万元全部及时足额上缴国库。`];
    expect(kinds(...fines('486.32'))).toEqual([]);
    expect(kinds(...fines('468.32')).map((k) => k[0])).toEqual(['inconsistent_value']);
    const trucks = (later: string) => ['一、2025年推进法治政府建设的主要举措和成效', '全年检测货车48,620辆次，查处超限超载车辆1,326辆，超限率为2.73%。', '三、党政主要负责人履行推进法治建设第一责任人职责情况', `亲自部署治超工作，全年查处超限超载车辆${later}辆，推动治超形势持续好转。`];
    expect(kinds(...trucks('1,326'))).toEqual([]);
    expect(kinds(...trucks('1,362')).map((k) => k[0])).toEqual(['inconsistent_value']);
    // a change told in the next sentence is of the whole its act names, not of that whole's last part
    const change = (rate: string) => `全年检测货运车辆86,420辆次，查处超限超载车辆1,036辆，其中固定检测站查处687辆、流动治超查处349辆。查处量较上年的1,259辆下降${rate}。`;
    expect(kinds(change('17.7%'))).toEqual([]);
    expect(kinds(change('19.7%'))).toEqual([['rate_mismatch', '17.71%', '19.7%']]);
  });

  it('reads a change naming what it is of after last year\'s figure, and a 调处成功率 over what was mediated alone', () => {
    const disputes = (rate: string) => `全年县医调委受理医疗纠纷97件，上年为112件，受理量同比下降${rate}；受理的纠纷中，二级以上医院61件、基层医疗卫生机构30件、民营医疗机构6件。`;
    expect(kinds(disputes('13.4%'))).toEqual([]);
    expect(kinds(disputes('15.5%'))).toEqual([['rate_mismatch', '13.39%', '15.5%']]);
    const mediated = (rate: string) => `全年排查物业矛盾纠纷286件，调处271件，成功化解258件，调处成功率${rate}。`;
    expect(kinds(mediated('95.2%'))).toEqual([]);
    // (90.2% is 258 ÷ 286, over what was screened)
    expect(kinds(mediated('90.2%'))).toEqual([['rate_mismatch', '95.2%', '90.2%']]);
  });

  it('checks a change told by last year\'s figure and the difference alone, this year\'s figure unsaid', () => {
    const bullying = (rate: string) => `认定的欺凌事件较上年的14起减少5起，下降${rate}。`;
    expect(kinds(bullying('35.7%'))).toEqual([]);
    // (64.3% is 9 ÷ 14: this year's share of last year's)
    expect(findings(bullying('64.3%')).map((f) => f.message)).toEqual(['文中写较上年的14起减少5起、下降64.3%，但5起÷14起≈35.71%。']);
    const petitions = (rate: string) => `全年受理信访事项96件。较上年的71件增加25件，增幅为${rate}。`;
    expect(kinds(petitions('35.2%'))).toEqual([]);
    expect(kinds(petitions('26.0%'))).toEqual([['rate_mismatch', '35.21%', '26.0%']]);
  });

  it('computes a pass rate over those who sat the exam', () => {
    const exam = (passed: number) => `组织全乡在编干部参加年度网上学法考试，应考52人、实考52人，合格${passed}人，合格率98.1%。`;
    expect(kinds(exam(51))).toEqual([]);
    expect(kinds(exam(59))).toEqual([['rate_mismatch', '113.46%', '98.1%']]);
  });

  it('reads a sentence that opens with what the last one counted as a list of it', () => {
    expect(kinds('审结76件。审结案件中，维持48件、驳回9件、撤销11件、确认违法5件、终止3件。')).toEqual([]);
    expect(kinds('审结76件。审结案件中，维持55件、驳回9件、撤销11件、确认违法5件、终止3件。')).toEqual([['parts_sum_mismatch', '76件', '83件']]);
  });

  it('reads "在…N件…中，" as a total listed after the comma', () => {
    expect(kinds('在调处的96件矛盾纠纷中，婚姻家庭类31件、邻里类28件、土地山林类19件、其他类18件。')).toEqual([]);
    expect(kinds('在调处的96件矛盾纠纷中，婚姻家庭类36件、邻里类28件、土地山林类19件、其他类18件。')).toEqual([['parts_sum_mismatch', '96件', '101件']]);
  });

  it('reaches a 其中 in the next sentence back to the figure named like its parts', () => {
    expect(kinds('立案查处违法案件312件，结案298件，结案率95.5%，罚没款186.4万元。其中，食品安全案件104件、特种设备案件23件、价格及广告案件41件、其他案件144件。')).toEqual([]);
    expect(kinds('立案查处违法案件312件，结案298件，结案率95.5%，罚没款186.4万元。其中，食品安全案件120件、特种设备案件23件、价格及广告案件41件、其他案件144件。')).toEqual([
      ['parts_sum_mismatch', '312件', '328件'],
    ]);
  });

  it('reads a list right after a total whose items share its head noun', () => {
    const [finding] = findings('梳理权责事项300项，许可事项120项、处罚事项190项。');
    expect(finding).toMatchObject({ kind: 'parts_sum_mismatch', expected: '300项', actual: '310项' });
    expect(finding?.figures.map((f) => f.raw)).toEqual(['300项', '120项', '190项']);
    expect(finding?.arithmetic).toBe('120 + 190 = 310 > 300');
    expect(kinds('梳理权责事项300项，许可事项120项、处罚事项180项。')).toEqual([]);
    // items that are not kinds of the total are no list of it
    expect(kinds('办理案件300件，发放资料120份、张贴标语190条。')).toEqual([]);
  });

  it('reads a list of dispositions after a total as a partition of it', () => {
    expect(kinds('共清理312件，保留268件、修改21件、废止23件，清理结果向社会公布。')).toEqual([]);
    expect(kinds('共清理312件，保留268件、修改24件、废止23件，清理结果向社会公布。')).toEqual([['parts_sum_mismatch', '312件', '315件']]);
    // outcomes that overlap are no partition
    expect(kinds('共受理120件，办结115件、调解成功98件。')).toEqual([]);
  });

  it('reads 包括 lists, exhaustive unless they end in 等', () => {
    expect(kinds('权责清单共4126项，包括行政许可412项、行政处罚3105项、行政强制168项、行政检查451项。')).toEqual([
      ['parts_sum_mismatch', '4126项', '4136项'],
    ]);
    expect(kinds('权责清单共4126项，包括行政许可412项、行政处罚3105项等。')).toEqual([]);
  });

  it('reads 含 in brackets as a part that cannot exceed its whole', () => {
    expect(kinds('受理40件（含上年结转50件）。')).toEqual([['subset_exceeds_total', '不超过40件', '50件']]);
    expect(kinds('受理40件（含上年结转2件）。')).toEqual([]);
    // two or more parts after 含 list the whole
    expect(kinds('承接执法事项179项（含行政处罚事项138项、行政检查事项18项）。')).toEqual([['parts_sum_mismatch', '179项', '156项']]);
  });

  it('checks the stages of one piece of work: 排查 ≥ 调处 ≥ 化解', () => {
    const [finding] = findings('排查矛盾纠纷80件，调处90件，化解70件。');
    expect(finding).toMatchObject({ kind: 'sequence_violation', actual: '90件' });
    expect(finding?.relation).toContain('排查 ≥ 调处');
    expect(kinds('排查矛盾纠纷80件，调处75件，化解70件。')).toEqual([]);
    expect(kinds('排查化解矛盾纠纷80件，调处90件。')).toEqual([]);
  });

  it('checks a 占 share against the total it names earlier in the paragraph', () => {
    expect(kinds('全年立案查处违法案件1250件，罚没款512万元。简易程序案件875件，占违法案件总数的60%。')).toEqual([
      ['rate_mismatch', '70%', '60%'],
    ]);
    expect(kinds('全年立案查处违法案件1250件。简易程序案件875件，占违法案件总数的70%。')).toEqual([]);
  });

  it('reaches a 其中 back over a figure of another kind in the same sentence', () => {
    expect(kinds('办理行政处罚案件142件，罚没款38.6万元，其中简易程序案件96件，占60%。')).toEqual([['rate_mismatch', '67.6%', '60%']]);
  });

  it('computes a change when both years are stated', () => {
    expect(kinds('2024年共办理行政处罚案件156件，较2023年的128件增长21.9%。')).toEqual([]);
    expect(kinds('2024年共办理行政处罚案件156件，较2023年的128件增长25.9%。')).toEqual([['rate_mismatch', '21.88%', '25.9%']]);
    expect(kinds('全年受理信访事项90件，比上年（120件）下降25%。')).toEqual([]);
    expect(kinds('全年受理信访事项90件，比上年（120件）下降20%。')).toEqual([['rate_mismatch', '25%', '20%']]);
    // a change with one figure only is not computed
    expect(kinds('全年受理信访事项90件，同比下降20%。')).toEqual([]);
  });

  it('balances what was finished and what is carried over against the total', () => {
    expect(kinds('新收复议案件203件，加上上年结转17件，共计220件；已审结198件，结转下年22件。')).toEqual([]);
    expect(kinds('新收复议案件203件，加上上年结转17件，共计220件；已审结198件，结转下年25件。')).toEqual([['parts_sum_mismatch', '220件', '223件']]);
  });

  it('flags the same figure stated twice with different values', () => {
    expect(kinds('全年办理法律援助案件312件。', '局长督办法律援助工作，全年办理法律援助案件321件。')).toEqual([
      ['inconsistent_value', '312件', '321件'],
    ]);
  });

  it('computes 败诉率 as 败诉 ÷ 审结, as the platform’s own report does, and is silent without 审结', () => {
    expect(kinds('行政诉讼案件10件，审结8件，败诉2件，败诉率20%。')).toEqual([['rate_mismatch', '25%', '20%']]);
    expect(kinds('行政诉讼案件10件，审结8件，败诉2件，败诉率25%。')).toEqual([]);
    expect(kinds('行政诉讼案件10件，败诉2件，败诉率25%。')).toEqual([]);
    expect(findings('行政诉讼案件10件，审结8件，败诉2件，败诉率20%。')[0]?.relation).toContain('审结');
  });

  it('checks a stock: 年初 + 新接收 − 解除 = 年末, only when all four are stated', () => {
    const stock = (closing: number) => `年初在册社区矫正对象25名，全年新接收11名、解除矫正9名，年末在册${closing}名。`;
    expect(kinds(stock(27))).toEqual([]);
    const [wrong] = findings(stock(29));
    expect(wrong).toMatchObject({ kind: 'parts_sum_mismatch', relation: '年初数 + 本年新增 − 本年减少 = 年末数', arithmetic: '25 + 11 − 9 = 27 ≠ 29' });
    expect(kinds('年初全市在册社区矫正对象1248人，全年新接收836人，解除矫正902人，年末在册1182人。')).toEqual([]);
    // without the removals (or of another thing at the end) the year's movement is not stated
    expect(kinds('年初在册社区矫正对象25名，全年新接收11名，年末在册29名。')).toEqual([]);
    expect(kinds('年初在册社区矫正对象25名，全年新接收11名、解除矫正9名，年末安置帮教对象29名。')).toEqual([]);
    expect(kinds('年初在册社区矫正对象25名，全年新增安置帮教对象11名、解除矫正9名，年末在册29名。')).toEqual([]);
    // across the sentences of one paragraph, with other words for the movements
    expect(kinds('年初社区矫正对象25人。全年新入矫11人，解矫9人。年末27人。')).toEqual([]);
    expect(kinds('年初社区矫正对象25人。全年新入矫11人，解矫9人。年末28人。')).toEqual([['parts_sum_mismatch', '27人', '28人']]);
  });

  it('reads an intake split without 其中: received = accepted + refused (+ referred)', () => {
    const split = (refused: number) => `区政府全年收到行政复议申请268件，依法受理241件，对不符合受理条件的${refused}件作出不予受理决定或告知申请人向有权机关提出。`;
    expect(kinds(split(27))).toEqual([]);
    const [wrong] = findings(split(29));
    expect(wrong).toMatchObject({ kind: 'parts_sum_mismatch', relation: '“受理、不予受理”所列各项之和不应超过总数', arithmetic: '241 + 29 = 270 > 268' });
    expect(kinds('收到行政复议申请196件，依法受理158件，不予受理18件；审结148件。')).toEqual([['parts_sum_mismatch', '196件', '176件']]);
    expect(kinds('收到申请50件，受理45件，不予受理3件，告知2件。')).toEqual([]);
    expect(kinds('收到申请50件，受理45件，不予受理3件，告知4件。').map((k) => k[0])).toEqual(['parts_sum_mismatch']);
    // "另有" after the split is its rest; a part left open without it makes no split
    expect(kinds('收到申请50件，受理45件，不予受理3件，另有2件正在补正。')).toEqual([]);
    expect(kinds('收到申请50件，受理45件，不予受理3件，另有4件正在补正。').map((k) => k[0])).toEqual(['parts_sum_mismatch']);
    expect(kinds('收到申请50件，受理45件，不予受理3件，2件正在补正。')).toEqual([]);
    // without a refusal the accepted figure is a part, not a split
    expect(kinds('收到申请50件，受理45件，审结40件。')).toEqual([]);
  });

  it('checks a second breakdown of one whole: "从案件类型看，…；从办案程序看，…" each add up to it', () => {
    const text = (simple: number) => `全年办理行政处罚案件31件。从案件类型看，违法占地建房14件、违规焚烧秸秆8件、占道经营6件、乱倒建筑垃圾3件；从办案程序看，简易程序${simple}件、普通程序19件。`;
    expect(kinds(text(12))).toEqual([]);
    const [wrong] = findings(text(15));
    expect(wrong).toMatchObject({ kind: 'parts_sum_mismatch', relation: '“从办案程序看”所列各项之和不应超过总数', arithmetic: '15 + 19 = 34 > 31' });
    expect(wrong?.text).toBe('全年办理行政处罚案件31件。 …… 从案件类型看，违法占地建房14件、违规焚烧秸秆8件、占道经营6件、乱倒建筑垃圾3件；从办案程序看，简易程序15件、普通程序19件。');
  });

  it('computes a rate whose bracket includes another category over the sum of both: "合格率（含优秀）"', () => {
    expect(kinds('参考52人，优秀20人，合格31人，合格率（含优秀）98.1%。')).toEqual([]);
    const [wrong] = findings('参考52人，优秀20人，合格31人，合格率（含优秀）91.1%。');
    expect(wrong).toMatchObject({ kind: 'rate_mismatch', relation: '“合格率” = (合格 + 优秀) ÷ 参考', arithmetic: '(31 + 20) ÷ 52 × 100% ≈ 98.08% ≠ 91.1%' });
    expect(kinds('共评查案卷420卷，其中评为优秀的96卷、合格的311卷、不合格的13卷，合格率（含优秀）为96.9%。')).toEqual([]);
    expect(kinds('共评查案卷420卷，其中评为优秀的96卷、合格的311卷、不合格的13卷，合格率（含优秀）为89.9%。').map((k) => k[0])).toEqual(['rate_mismatch']);
    expect(kinds('考试参考60人，优秀20人，良好25人，合格13人，合格率（含优秀、良好）96.7%。')).toEqual([]);
    expect(kinds('考试参考60人，优秀20人，良好25人，合格13人，合格率（含优秀、良好）86.7%。').map((k) => k[0])).toEqual(['rate_mismatch']);
    // without the bracket a pass rate counts the better grades listed with it, as reports write it; a rate of 合格
    // alone that holds is left alone
    expect(kinds('参考86人，其中成绩优秀61人、合格25人，合格率100%，优秀率70.9%。')).toEqual([]);
    expect(kinds('参考52人，优秀20人，合格31人，合格率98.1%。')).toEqual([]);
    expect(kinds('参考52人，优秀20人，合格31人，合格率59.6%。')).toEqual([]);
    expect(kinds('参考52人，优秀20人，合格31人，合格率91.1%。')).toEqual([['rate_mismatch', '98.08%', '91.1%']]);
  });

  it('reads the outcomes listed after a clause naming who decided them: "复议4件，经县人民政府审理，维持2件…"', () => {
    const text = (kept: number) => `全年镇政府被申请行政复议4件，经县人民政府审理，维持${kept}件、确认违法1件，申请人撤回申请1件。`;
    expect(kinds(text(2))).toEqual([]);
    const [wrong] = findings(text(3));
    expect(wrong).toMatchObject({ kind: 'parts_sum_mismatch', relation: '“经县人民政府审理”所列各项之和不应超过总数', arithmetic: '3 + 1 + 1 = 5 > 4' });
    expect(kinds('全年街道被申请行政复议2件，经区政府审理，维持1件，因申请人撤回申请终止1件；被提起行政诉讼1件。')).toEqual([]);
    expect(kinds('全年街道被申请行政复议3件，经区政府审理，维持1件，因申请人撤回申请终止1件；被提起行政诉讼1件。')).toEqual([['parts_sum_mismatch', '3件', '2件']]);
    expect(kinds('被提起行政诉讼5件，经法院审理，胜诉3件、败诉1件，原告撤诉1件。')).toEqual([]);
    expect(kinds('被提起行政诉讼5件，经法院审理，胜诉3件、败诉2件，原告撤诉1件。')).toEqual([['parts_sum_mismatch', '5件', '6件']]);
    // what is still pending after the outcomes is their rest, not an error
    expect(kinds('被申请行政复议5件，经审理，维持2件、撤销1件，其余2件尚在审理中。')).toEqual([]);
    // one outcome said of all ("均维持") is as many as the whole
    expect(kinds('全年镇政府被申请行政复议（2件），经县政府审理均维持原行政行为（2件）。')).toEqual([]);
    const [all] = findings('全年镇政府被申请行政复议（7件），经县政府审理均维持原行政行为（2件）。');
    expect(all).toMatchObject({ kind: 'parts_sum_mismatch', relation: '“均”所说的结果应与整体数量相等', arithmetic: '2 ≠ 7' });
    // a clause that names no decision opens no list of outcomes
    expect(kinds('被申请行政复议5件，均依法按期答复，维持2件、撤销1件。')).toEqual([]);
  });
});

describe('no false alarms', () => {
  it('does not take categories that each 占 a share for one figure', () => {
    expect(kinds('受理诉求中，城市管理类占32%、物业纠纷类占27%、劳动保障类占18%、其他类占23%。', '化解纠纷中，婚姻家庭类占31%、邻里纠纷类占24%、其他类占45%。')).toEqual([]);
  });

  it('does not compare 同比 changes of different things', () => {
    expect(kinds('行政处罚案件数同比下降12%，普法活动场次同比增长15%。', '信访总量同比下降18.2%，越级上访同比下降35%。')).toEqual([]);
  });

  it('builds no rate from two unrelated counts', () => {
    expect(kinds('发布普法短视频200条，转发普法信息10条，群众满意率95%。')).toEqual([]);
    expect(kinds('发布普法视频200条，推送普法文章10篇，转发率95%。')).toEqual([]);
  });

  it('does not guess the base of a rate among three counts', () => {
    expect(kinds('收到复议申请218件，受理196件，审结182件，直接纠错21件，纠错率11.5%。')).toEqual([]);
  });

  it('reads a 其中 list far short of its total as a selection, not the whole', () => {
    expect(kinds('主动公开政府信息1326条，其中政策文件86条、政策解读52条。')).toEqual([]);
    expect(kinds('全年开展普法活动120场次，受众2.4万人次，其中进校园30场次、进社区45场次。')).toEqual([]);
    // a catch-all 其他 claims the whole
    expect(kinds('调处纠纷120件，其中婚姻纠纷30件、邻里纠纷45件、其他纠纷20件。')).toEqual([['parts_sum_mismatch', '120件', '95件']]);
  });

  it('ends a 其中 list at an outcome after a comma', () => {
    expect(kinds('共排查各类矛盾纠纷326件，其中婚姻家庭纠纷86件、邻里纠纷112件，调处成功318件。')).toEqual([]);
  });
});

describe('cleaning keeps the report’s own text', () => {
  it('keeps 阅读量 and 点击量 of a 普法 paragraph, drops the page’s own counter', async () => {
    const html = '<html><body><div>阅读量：1824</div><p>公众号推送普法内容320条，阅读量达86万余次，点击量同比增长26%。</p></body></html>';
    const { paragraphs } = await readReport(new TextEncoder().encode(html));
    expect(paragraphs).toEqual(['公众号推送普法内容320条，阅读量达86万余次，点击量同比增长26%。']);
  });

  it('quotes figures verbatim, without ellipses', () => {
    const long = `${'围绕中心工作，'.repeat(20)}全年共处理群众投诉967宗，其中来信来访70宗、上级交办32宗、网络问政15宗、12345热线904宗。`;
    const [finding] = findings(long);
    for (const figure of finding?.figures ?? []) expect(long).toContain(figure.quote);
    expect(finding?.text.includes('…')).toBe(false);
  });
});

describe('tables', () => {
  it('keeps an HTML cell whose number stands in a <p> as a cell of its row', () => {
    const lines = htmlToLines('<table><tr><td><p>（一）予以公开</p></td><td><p>3</p></td><td><p>0</p></td></tr></table>');
    expect(lines.filter((l) => l.trim() !== '')).toEqual(['（一）予以公开\t3\t0']);
  });

  it('reads the rows of a Word table as rows', async () => {
    const { paragraphs } = await readReport(await buildDocx([['表格'], { cells: ['（七）总计', '12', '3'] }]));
    expect(paragraphs).toEqual(['表格', '（七）总计\t12\t3']);
  });

  it('does not take a table row for a part heading, nor its ordinal words for figures', () => {
    const map = mapSections(['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、结转下年度继续办理 0 0 0 0 0 0 0']);
    expect(map.type).toBe('disclosure');
    expect(map.headings).toHaveLength(3);
    expect(reviewParagraphs('x', ['5.属于三类内部事务信息 0 0 0 0 0 0 0']).figures).toEqual([]);
  });

  it('does not take a 法治 report that mentions the disclosure report for one', () => {
    const review = reviewParagraphs('x', ['某镇2024年法治政府建设工作报告', '全年按时发布政府信息公开工作年度报告，主动公开信息326条。']);
    expect(review.reportType).toBe('ruleOfLaw');
  });

  it('checks a disclosure report against its own six parts, not the 法治 report’s five', () => {
    const review = reviewParagraphs('x', ['某县2024年政府信息公开工作年度报告', '一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况']);
    expect(review.reportType).toBe('disclosure');
    expect(review.findings.map((f) => f.expected)).toEqual(['其他需要报告的事项']);
  });

  it('flags a 表四 total that contradicts its parts, per block', async () => {
    const text = ['某镇2024年政府信息公开工作年度报告', '四、政府信息公开行政复议、行政诉讼情况', '1 0 0 0 2 0 1 0 0 1 0 0 0 0 0'].join('\n');
    const review = await reviewBuffer('x.txt', new TextEncoder().encode(text));
    const tables = review.findings.filter((f) => f.kind === 'table_mismatch');
    expect(tables).toHaveLength(1);
    expect(tables[0]).toMatchObject({ expected: '1', actual: '2', arithmetic: '1 + 0 + 0 + 0 = 1 ≠ 2 = 2' });
    expect(tables[0]?.relation).toContain('行政复议');
  });

  it('reads 表四 broken into three lines of five, and quotes each cell from its own line', () => {
    const review = reviewParagraphs('x', ['某镇2024年政府信息公开工作年度报告', '1 0 0 0 2', '0 1 0 0 1', '0 0 0 0 0']);
    const [finding] = review.findings.filter((f) => f.kind === 'table_mismatch');
    expect(finding).toMatchObject({ arithmetic: '1 + 0 + 0 + 0 = 1 ≠ 2 = 2' });
    expect(new Set(finding?.figures.map((f) => f.quote))).toEqual(new Set(['1 0 0 0 2']));
  });

  it('places the items under a group name that stands on its own line', () => {
    const rows = (denied: number) => [
      '某街道2024年政府信息公开工作年度报告',
      '一、本年新收政府信息公开申请数量 6',
      '二、上年结转政府信息公开申请数量 0',
      '（一）予以公开 3',
      '（二）部分公开 1',
      '（三）不予公开',
      `1.属于国家秘密 ${denied}`,
      '2.其他法律行政法规禁止公开 0',
      '（四）无法提供',
      '1.本机关不掌握相关政府信息 0',
      '（五）不予处理',
      '1.信访举报投诉类申请 0',
      '（六）其他处理',
      '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 0',
      '（七）总计 6',
      '四、结转下年度继续办理 0',
    ];
    expect(reviewParagraphs('x', rows(2)).findings.filter((f) => f.kind === 'table_mismatch')).toEqual([]);
    const found = reviewParagraphs('x', rows(3)).findings.filter((f) => f.kind === 'table_mismatch');
    expect(found.map((f) => f.relation)).toEqual(['表三：办理结果“总计”等于各项办理结果之和']);
  });

  it('checks what the prose says of the applications against 表三', () => {
    const report = (said: number) => [
      '某街道2024年政府信息公开工作年度报告',
      `2024年，共收到政府信息公开申请${said}件；上年结转1件。`,
      '一、本年新收政府信息公开申请数量 6',
      '二、上年结转政府信息公开申请数量 1',
    ];
    expect(reviewParagraphs('x', report(6)).findings.filter((f) => f.kind === 'table_mismatch')).toEqual([]);
    const [finding] = reviewParagraphs('x', report(8)).findings.filter((f) => f.kind === 'table_mismatch');
    expect(finding).toMatchObject({ expected: '6', actual: '8件', arithmetic: '8 ≠ 6' });
    expect(finding?.figures.map((f) => f.quote)).toEqual(['2024年，共收到政府信息公开申请8件；上年结转1件。', '一、本年新收政府信息公开申请数量 6']);
  });

  it('checks what the prose says of 复议 and 诉讼 against 表四', () => {
    const report = (said: number) => ['某镇2024年政府信息公开工作年度报告', `本年度，因政府信息公开被申请行政复议${said}件，结果维持1件。`, '1 0 0 0 1 0 0 0 0 0 0 0 0 0 0'];
    expect(reviewParagraphs('x', report(1)).findings).toEqual([]);
    expect(reviewParagraphs('x', report(3)).findings.map((f) => [f.kind, f.arithmetic])).toEqual([['table_mismatch', '3 ≠ 1']]);
  });

  it('checks the decisions the prose tells of against 表一, and leaves the part on problems alone', () => {
    const report = (said: number, problem = '') => [
      '某县卫生健康局2025年政府信息公开工作年度报告',
      '行政许可\t1286',
      '行政处罚\t157',
      `本年度作出行政许可决定1286件；作出行政处罚决定${said}件，主要涉及公共场所卫生。`,
      '五、存在的主要问题及改进情况',
      `部分答复说理不充分，由此引发行政复议1件${problem}。`,
      '1 0 0 1 2 0 0 0 0 0 0 0 0 0 0',
    ];
    expect(reviewParagraphs('x', report(157)).findings.filter((f) => f.kind === 'table_mismatch')).toEqual([]);
    // applications about such decisions are no decisions
    const asked = [...report(157).slice(0, 3), '从申请内容看，涉及取水许可、河道采砂行政处罚的11件，行政处罚相关信息7件，其他3件。', ...report(157).slice(3)];
    expect(reviewParagraphs('x', asked).findings.filter((f) => f.kind === 'table_mismatch')).toEqual([]);
    expect(reviewParagraphs('x', report(175)).findings.filter((f) => f.kind === 'table_mismatch').map((f) => [f.expected, f.actual])).toEqual([['157', '175件']]);
  });

  it('checks 表三: new + carried = results + carried over, results = their rows, 总计 = the applicant columns', () => {
    const rows = (carryOut: number) => [
      '某街道2024年政府信息公开工作年度报告',
      '一、本年新收政府信息公开申请数量 6',
      '二、上年结转政府信息公开申请数量 1',
      '三、本年度办理结果 （一）予以公开 3',
      '（二）部分公开（区分处理的，只计这一情形，不计其他情形） 1',
      '（三）不予公开 1.属于国家秘密 0',
      '2.其他法律行政法规禁止公开 0',
      '（四）无法提供 1.本机关不掌握相关政府信息 2',
      '（七）总计 6',
      `四、结转下年度继续办理 ${carryOut}`,
    ];
    expect(reviewParagraphs('x', rows(1)).findings.filter((f) => f.kind === 'table_mismatch')).toEqual([]);
    const [finding] = reviewParagraphs('x', rows(2)).findings.filter((f) => f.kind === 'table_mismatch');
    expect(finding).toMatchObject({ expected: '7', actual: '8', arithmetic: '6 + 1 = 7 ≠ 6 + 2 = 8' });
    expect(finding?.figures.map((f) => [f.label, f.raw])).toEqual([
      ['本年新收申请', '6'], ['上年结转申请', '1'], ['办理结果总计', '6'], ['结转下年度继续办理', '2'],
    ]);
  });
});

describe('labels', () => {
  const labels = (...paragraphs: string[]) => reviewParagraphs('x', paragraphs).figures.map((f) => `${f.label}=${f.raw}`);

  it('keeps a name a little over the limit whole instead of cutting inside it', () => {
    expect(labels('乡党委理论学习中心组开展习近平法治思想专题学习4次。')).toEqual(['习近平法治思想专题学习=4次']);
  });

  it('drops the words that only link or qualify a figure', () => {
    expect(labels('力争全年开展普法活动不少于40场次。')).toEqual(['普法活动=40场次']);
    expect(labels('权责清单共4126项，包括行政许可412项、行政处罚3714项。')).toEqual(['权责清单=4126项', '行政许可=412项', '行政处罚案件=3714项']);
    expect(labels('受理40件（含上年结转2件）。')[1]).toBe('上年结转=2件');
  });

  it('names both figures of a change and the share of a part', () => {
    expect(labels('共办理行政处罚案件64件，较上年的52件增长23.1%。')).toEqual(['行政处罚案件=64件', '行政处罚案件（上年）=52件', '行政处罚案件增幅=23.1%']);
    expect(labels('受理案件200件，其中行政处罚120件，占60%。')[2]).toBe('行政处罚案件占比=60%');
  });
});
