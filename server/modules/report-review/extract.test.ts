import { describe, expect, it } from 'vitest';
import { extractFacts } from './extract.ts';

const figures = (...paragraphs: string[]) =>
  extractFacts(paragraphs).map((f) => ({
    label: f.label,
    raw: f.quantity.raw,
    parts: f.parts.map((p) => `${p.label}${p.quantity.raw}`),
    complete: f.partsComplete,
    ratio: f.numerator && f.denominator ? `${f.numerator.quantity.raw}/${f.denominator.quantity.raw}` : undefined,
  }));

const find = (rows: ReturnType<typeof figures>, raw: string) => rows.find((r) => r.raw === raw);

describe('totals with parts', () => {
  it('links a 其中 list to its total and does not read the hotline number as a figure', () => {
    const rows = figures('全年共处理群众投诉967宗，其中来信来访70宗、上级交办32宗、网络问政15宗、12345热线904宗。');
    expect(rows.map((r) => r.raw)).toEqual(['967宗', '70宗', '32宗', '15宗', '904宗']);
    expect(find(rows, '967宗')).toMatchObject({
      label: '群众投诉',
      parts: ['来信来访70宗', '上级交办32宗', '网络问政15宗', '12345热线904宗'],
      complete: true,
    });
  });

  it('keeps nested lists apart', () => {
    const rows = figures('录入案件516宗，其中行政处罚案件18宗（11宗已办结，7宗正在办理）、行政检查案件498宗。');
    expect(find(rows, '516宗')?.parts).toEqual(['行政处罚案件18宗', '行政检查案件498宗']);
    expect(find(rows, '18宗')?.parts).toEqual(['办结11宗', '正在办理7宗']);
  });

  it('ends the list at a figure of another unit', () => {
    const rows = figures('调处各类矛盾纠纷46宗，其中劳动争议35宗、合同纠纷4宗、其他7宗，协议涉及金额1140余万元。');
    expect(find(rows, '46宗')).toMatchObject({ label: '矛盾纠纷', parts: ['劳动争议35宗', '合同纠纷4宗', '其他7宗'], complete: true });
    expect(find(rows, '1140余万元')).toMatchObject({ label: '金额', parts: [] });
  });

  it('reads a bracketed 其中 as a subset', () => {
    const rows = figures('法定执法事项27项、赋权执法事项54项（其中自选赋权执法事项39项）、可委托执法事项50项。');
    expect(rows.map((r) => [r.label, r.raw, r.parts])).toEqual([
      ['法定执法事项', '27项', []],
      ['赋权执法事项', '54项', ['自选赋权执法事项39项']],
      ['自选赋权执法事项', '39项', []],
      ['可委托执法事项', '50项', []],
    ]);
    expect(find(rows, '54项')?.complete).toBe(false);
  });

  it('links parts given before their 合计', () => {
    const rows = figures('来信来访70宗、上级交办32宗，合计102宗。');
    expect(find(rows, '102宗')).toMatchObject({ label: '合计', parts: ['来信来访70宗', '上级交办32宗'], complete: true });
  });

  it('treats a list ending in 等 as not exhaustive', () => {
    const rows = figures('受理信访事项80件，其中土地纠纷30件、邻里纠纷20件等。');
    expect(find(rows, '80件')).toMatchObject({ parts: ['土地纠纷30件', '邻里纠纷20件'], complete: false });
  });

  it('lets a second 其中 open a list of its own', () => {
    const rows = figures('受理案件50件，其中行政处罚案件30件，其中简易程序10件。');
    expect(find(rows, '50件')).toMatchObject({ parts: ['行政处罚案件30件'], complete: false });
    expect(find(rows, '30件')).toMatchObject({ parts: ['简易程序10件'], complete: false });
  });

  it('finds the total of a 其中 that opens the next sentence', () => {
    const rows = figures('全年共办理案件50件。其中，行政处罚30件、行政检查20件。');
    expect(find(rows, '50件')?.parts).toEqual(['行政处罚案件30件', '行政检查案件20件']);
  });

  it('does not link a 其中 to a number that does not stand right before it', () => {
    const rows = figures('调处纠纷3次，构建新模式。其中“三重塑机制”典型经验做法获主流媒体宣传报道7次。');
    expect(rows.every((r) => r.parts.length === 0)).toBe(true);
  });
});

describe('rates', () => {
  it('finds the counts a rate is computed from', () => {
    expect(find(figures('收到调解申请582宗，成功调处553宗，调解成功率95%。'), '95%')).toMatchObject({
      label: '调解成功率',
      ratio: '553宗/582宗',
    });
    expect(find(figures('受理案件20件，其中办结18件，办结率90%。'), '90%')?.ratio).toBe('18件/20件');
  });

  it('leaves a rate alone when no count shares its words', () => {
    expect(find(figures('检查企业30家，发现问题企业3家，整改率100%。'), '100%')?.ratio).toBeUndefined();
    expect(find(figures('涉及行政诉讼案件6宗，负责人出庭应诉率100%。'), '100%')?.ratio).toBeUndefined();
  });

  it('reads a share of a part', () => {
    expect(find(figures('受理案件40件，其中劳动争议30件，占75%。'), '75%')?.ratio).toBe('30件/40件');
  });

  it('gives two rates that share one value a figure each', () => {
    const rows = figures('申请公开政府信息的答复率和答复及时率均达100%。');
    expect(rows.map((r) => [r.label, r.raw])).toEqual([
      ['答复率', '100%'],
      ['答复及时率', '100%'],
    ]);
  });
});

describe('labels and scripts', () => {
  it('normalises labels with the synonym dictionary', () => {
    const rows = figures('开展法治宣传活动12场，查处行政处罚案件8件，选聘专(兼)职人民调解员160名，规范建设人民调解委员会24个。');
    expect(rows.map((r) => r.label)).toEqual(['普法活动', '行政处罚案件', '人民调解员', '人民调解委员会']);
  });

  it('names a count written before its noun', () => {
    const rows = figures('召开13次理论学习中心组专题学习研讨，17个行政村设立了便民服务站，组织两千余人参加培训。');
    expect(rows.map((r) => [r.label, r.raw])).toEqual([
      ['理论学习中心组', '13次'],
      ['行政村', '17个'],
      ['参加培训', '两千余人'],
    ]);
  });

  it('matches traditional Chinese and full-width digits but quotes the original', () => {
    const facts = extractFacts(['化解矛盾糾紛３１件，其中婚姻家庭糾紛１２件、鄰里糾紛１９件。']);
    expect(facts[0]).toMatchObject({ label: '矛盾纠纷', quote: '化解矛盾糾紛３１件，其中婚姻家庭糾紛１２件、鄰里糾紛１９件。' });
    expect(facts[0]?.quantity).toMatchObject({ raw: '３１件', value: 31, unit: '件' });
    expect(facts[0]?.parts.map((p) => p.label)).toEqual(['婚姻家庭纠纷', '邻里纠纷']);
  });
});
