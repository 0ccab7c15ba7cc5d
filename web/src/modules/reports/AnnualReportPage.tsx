import { useParams } from 'react-router';
import { LoadFailed } from '../../platform/LoadFailed.tsx';
import { PageHeader } from '../../platform/PageHeader.tsx';
import { ReportLookup } from './ReportLookup.tsx';
import { ReportWorkspace } from './ReportWorkspace.tsx';

/** 年度报告: pick a year and a unit; the report opens if it exists, and 新建年度报告 drafts it (looking never creates one) */
export function AnnualReportPage() {
  return (
    <ReportLookup
      title="法治政府建设年度报告"
      description="文中蓝色数字取自台账实时数据，点击可查看对应记录；提交前请处理检查结果中的错误。"
      endpoint="/api/reports/annual"
      noun="年度报告"
      missing="年度报告尚未新建"
      createHint={(title) => `新建后按报告模板生成草稿《${title}》，文中数字取自台账实时数据。`}
      testId="report-not-created"
      workspace={(id) => <ReportWorkspace key={id} id={id} />}
    />
  );
}

/** a report opened by its id, e.g. from 下级报送情况: read-only */
export function ReportViewPage() {
  const { id } = useParams();
  const n = Number(id);
  return (
    <>
      <PageHeader title="查看年度报告" description="下级单位报送的报告（只读）" />
      {Number.isInteger(n) && n > 0 ? <ReportWorkspace id={n} forceReadOnly /> : <LoadFailed error={new Error('报告编号有误')} />}
    </>
  );
}
