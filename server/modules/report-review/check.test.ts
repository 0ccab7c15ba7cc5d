import { describe, expect, it } from 'vitest';
import { reviewParagraphs } from './review.service.ts';

const findings = (...paragraphs: string[]) => reviewParagraphs('测试.txt', paragraphs).findings;

describe('parts and totals', () => {
  it('flags parts that exceed their total', () => {
    const sentence = '全年共处理群众投诉967宗，其中来信来访70宗、上级交办32宗、网络问政15宗、12345热线904宗。';
    expect(findings(sentence)).toMatchObject([
      {
        kind: 'parts_sum_mismatch',
        message: '“群众投诉”共967宗，但其中所列各项（来信来访70宗、上级交办32宗、网络问政15宗、12345热线904宗）合计1021宗，比总数多54宗。',
        text: sentence,
        expected: '967宗',
        actual: '1021宗',
      },
    ]);
  });

  it('flags exhaustive parts that fall short of their total', () => {
    expect(findings('调处各类矛盾纠纷46宗，其中劳动争议35宗、合同纠纷4宗、其他5宗。')).toMatchObject([
      { kind: 'parts_sum_mismatch', expected: '46宗', actual: '44宗' },
    ]);
  });

  it('flags a nested list that does not add up', () => {
    expect(findings('录入案件516宗，其中行政处罚案件18宗（11宗已办结，6宗正在办理）、行政检查案件498宗。')).toMatchObject([
      { kind: 'parts_sum_mismatch', expected: '18宗', actual: '17宗' },
    ]);
  });

  it('flags a 合计 that differs from the parts before it', () => {
    expect(findings('来信来访70宗、上级交办32宗，合计100宗。')).toMatchObject([
      { kind: 'parts_sum_mismatch', expected: '100宗', actual: '102宗' },
    ]);
  });

  it('flags a subset larger than its set', () => {
    expect(findings('赋权执法事项54项（其中自选赋权执法事项60项）。')).toMatchObject([
      {
        kind: 'subset_exceeds_total',
        message: '“自选赋权执法事项”60项大于它所属的“赋权执法事项”54项，部分不应多于整体。',
        text: '赋权执法事项54项（其中自选赋权执法事项60项）。',
        expected: '不超过54项',
        actual: '60项',
      },
    ]);
  });

  it('tolerates lists that are not meant to be complete or that give estimates', () => {
    expect(findings('受理信访事项80件，其中土地纠纷30件、邻里纠纷20件等。')).toEqual([]);
    expect(findings('化解矛盾纠纷50余件，其中婚姻家庭纠纷30件、邻里纠纷25件。')).toEqual([]);
    expect(findings('开展普法活动20余次，其中进村12次、进校5次。')).toEqual([]);
  });

  it('still flags estimated parts that exceed an exact total', () => {
    expect(findings('开展普法活动20次，其中进村12余次、进校10余次。')).toMatchObject([{ kind: 'parts_sum_mismatch' }]);
  });
});

describe('rates', () => {
  it('flags a rate that does not match its counts', () => {
    expect(findings('收到调解申请582宗，成功调处553宗，调解成功率90%。')).toMatchObject([
      {
        kind: 'rate_mismatch',
        message: '“调解成功率”写为90%，但按文中数字计算，成功调处553宗÷调解申请582宗≈95%。',
        text: '收到调解申请582宗，成功调处553宗，调解成功率90%。',
        expected: '95%',
        actual: '90%',
      },
    ]);
  });

  it('allows rounding and truncation to the stated precision', () => {
    expect(findings('收到调解申请582宗，成功调处553宗，调解成功率95%。')).toEqual([]);
    expect(findings('收到调解申请582宗，成功调处553宗，调解成功率95.0%。')).toEqual([]);
    expect(findings('受理纠纷3件，调解成功2件，调解成功率66.7%。')).toEqual([]);
    expect(findings('受理纠纷3件，调解成功2件，调解成功率66%。')).toEqual([]);
    expect(findings('受理纠纷3件，调解成功2件，调解成功率66.5%。')).toMatchObject([{ kind: 'rate_mismatch', expected: '66.67%' }]);
  });

  it('allows approximate counts', () => {
    expect(findings('排查矛盾纠纷120余件，化解115件，化解率95%。')).toEqual([]);
  });

  it('flags a percentage over 100', () => {
    expect(findings('全年矛盾纠纷调解成功率105%。')).toMatchObject([
      {
        kind: 'percent_over_100',
        message: '“调解成功率”为105%，超过100%；除增长幅度外，比率不应超过100%。',
        text: '全年矛盾纠纷调解成功率105%。',
        expected: '不超过100%',
        actual: '105%',
      },
    ]);
  });

  it('accepts growth rates over 100', () => {
    expect(findings('受理量同比增长120%，完成年度任务的130%，较上年提高150%。')).toEqual([]);
  });
});

describe('consistency', () => {
  it('flags the same item given two different values', () => {
    expect(findings('全年化解矛盾纠纷331件。', '（四）社会治理。全年化解矛盾纠纷340件，群众满意。')).toMatchObject([
      {
        kind: 'inconsistent_value',
        message: '“矛盾纠纷”在报告中前后数字不一致：先写331件，后写340件。',
        text: '全年化解矛盾纠纷331件。 …… 全年化解矛盾纠纷340件，群众满意。',
        expected: '331件',
        actual: '340件',
      },
    ]);
  });

  it('does not compare figures of different scope, period or precision', () => {
    expect(findings('排查矛盾纠纷120件，调处矛盾纠纷100件。')).toEqual([]);
    expect(findings('化解矛盾纠纷331件。', '2023年化解矛盾纠纷300件。')).toEqual([]);
    expect(findings('2024年，共受理矛盾纠纷30起。', '2023年，共受理矛盾纠纷25起。')).toEqual([]);
    expect(findings('化解矛盾纠纷331件，同比上年化解矛盾纠纷300件增长10%。', '化解矛盾纠纷331件。')).toEqual([]);
    expect(findings('化解矛盾纠纷331余件。', '化解矛盾纠纷340件。')).toEqual([]);
    expect(findings('其中婚姻纠纷10件。', '受理案件20件，其中婚姻纠纷12件。')).toEqual([]);
  });

  it('does not compare this year with the next year’s targets', () => {
    const report = ['一、主要举措和成效', '调解成功率95%。', '二、存在的不足和原因', '三、第一责任人履职情况', '四、下一步工作计划', '调解成功率98%。'];
    expect(findings(...report)).toEqual([]);
    const sameSection = findings(...report.slice(0, 4), '调解成功率98%。').filter((f) => f.kind === 'inconsistent_value');
    expect(sameSection).toMatchObject([{ expected: '95%', actual: '98%' }]);
  });
});

describe('mandated sections', () => {
  const complete = [
    '一、2024年法治政府建设情况',
    '二、2024年党政主要负责人履行推进法治建设第一责任人职责,加强法治政府建设的有关情况。',
    '三、存在的不足和原因分析。',
    '四、2025年推进法治政府建设的工作思路和目标举措。',
  ];

  it('accepts the headings towns actually use', () => {
    expect(findings(...complete)).toEqual([]);
    expect(findings('一、党政主要负责人严格履行推进法治政府建设第一责任人职责', '二、主要举措和成效', '三、存在的不足和原因', '四、下一步工作计划')).toEqual([]);
  });

  it('accepts one heading that covers two parts', () => {
    expect(findings('一、工作开展情况', '二、党政主要负责人履行第一责任人职责情况', '三、存在的问题及下一步工作打算')).toEqual([]);
  });

  it('flags a missing section with its statutory title', () => {
    expect(findings(complete[0] ?? '', complete[1] ?? '', '三、2025年工作打算')).toMatchObject([
      {
        kind: 'missing_section',
        message: '报告缺少规定的“存在的不足和原因”部分，未找到与之对应的标题或内容。',
        text: '一、2024年法治政府建设情况 / 二、2024年党政主要负责人履行推进法治建设第一责任人职责,加强法治政府建设的有关情况 / 三、2025年工作打算',
        expected: '存在的不足和原因',
        actual: '未找到',
      },
    ]);
  });

  it('finds the first-responsibility content in the body when it has no heading of its own', () => {
    expect(findings('一、工作情况', '主要负责人切实履行推进法治建设第一责任人职责。', '二、存在问题', '三、下一步打算')).toEqual([]);
  });

  it('does not look for sections in a text without numbered parts', () => {
    expect(findings('全年化解矛盾纠纷331件。')).toEqual([]);
  });
});

describe('no false alarms', () => {
  it.each([
    '录入案件516宗，其中行政处罚案件18宗（11宗已办结，7宗正在办理）、行政检查案件498宗。',
    '主动公开政府信息156条，其中领导分工1条、机构职能1条、办事指南1条、政府工作报告1条、财政预决算3条、通知公告74条、工作动态75条。',
    '调处各类矛盾纠纷46宗，其中劳动争议35宗、合同纠纷4宗、其他7宗，协议涉及金额1140余万元。',
    '法定执法事项27项、赋权执法事项54项（其中自选39项）、可委托执法事项50项。',
    '收到调解申请582宗，成功调处553宗，调解成功率95%。',
    '一年来，我镇共受理矛盾纠纷30起，调解30起，调解率100%。',
    '涉及行政诉讼案件6宗，负责人出庭应诉率100%。',
    '审查合同约900件，开展普法活动20余次，惠及群众5万人次，培训1500人次。',
    '继续有效189件，废止42件。',
    '“跟踪式”监督4次，“体验式”监督11次，“专家问诊式”案卷评查14次。',
  ])('%s', (sentence) => {
    expect(findings(sentence)).toEqual([]);
  });
});

describe('lists closed by a semicolon', () => {
  it('does not take the clause after a semicolon as one more part', () => {
    const r = reviewParagraphs('t', ['全年排查化解各类矛盾纠纷30件，其中婚姻家庭纠纷19件、邻里纠纷11件；调解成功28件，调解成功率93.3%。']);
    expect(r.findings.filter((f) => f.kind === 'parts_sum_mismatch')).toEqual([]);
    const bad = reviewParagraphs('t', ['全年排查化解各类矛盾纠纷30件，其中婚姻家庭纠纷19件、邻里纠纷12件；调解成功28件。']);
    expect(bad.findings.map((f) => f.kind)).toContain('parts_sum_mismatch');
  });
});
