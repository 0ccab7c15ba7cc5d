import { useQuery } from '@tanstack/react-query';
import { Empty, Select, Skeleton, Tag } from 'antd';
import { useSearchParams } from 'react-router';
import { api } from '../../platform/api.ts';
import { formatDate } from '../../platform/format.ts';
import { LoadFailed } from '../../platform/LoadFailed.tsx';
import { PublicLayout } from '../../public/PublicLayout.tsx';
import './public-publicity.css';

interface PublicActivity {
  id: number;
  heldOn: string;
  title: string;
  node: string;
  form: string;
  village: string | null;
  participants: number;
}

interface PublicDuty {
  id: number;
  orgCode: string;
  orgName: string;
  unit: string;
  year: number;
  issuedOn: string;
  laws: string[];
  audiences: string[];
  nodes: string[];
  tasks: string;
  frequency: string;
  plannedTimes: number;
  doneTimes: number;
  openingTimes: number | null;
  openingSource: string | null;
  completed: boolean;
  activities: PublicActivity[];
}

/** “谁执法谁普法”普法责任清单: each government's list by year, each unit's duties and the activities it has held */
export function PublicDutiesPage() {
  const [params, setParams] = useSearchParams();
  const year = params.get('year') ?? '';
  const data = useQuery({
    queryKey: ['public', 'publicity-duties', year],
    queryFn: ({ signal }) => api.get<{ year: number; years: number[]; items: PublicDuty[] }>('/api/public/publicity/duties', year ? { year } : undefined, signal),
    placeholderData: (prev) => prev,
  });
  const items = data.data?.items ?? [];
  const orgs = [...new Map(items.map((d) => [d.orgCode, d.orgName])).entries()];
  return (
    <PublicLayout>
      <div className="fz-public-crumb">当前位置：首页 &gt; 政务公开 &gt; 普法责任清单</div>
      <section className="fz-public-box">
        <h2>“谁执法谁普法”普法责任清单</h2>
        <p className="fz-ppd-meta" style={{ marginTop: 0 }}>
          按照“谁执法谁普法”普法责任制的要求，公布各责任单位的年度普法任务及其已开展的普法活动。已开展次数由普法活动记录逐条统计，点开可查看每次活动。
        </p>
        <div className="fz-ppd-tools">
          <Select
            aria-label="责任年度"
            style={{ width: 140 }}
            value={String(data.data?.year ?? year)}
            onChange={(v: string) => setParams({ year: v }, { replace: true })}
            options={(data.data?.years ?? []).map((y) => ({ value: String(y), label: `${y}年度` }))}
          />
        </div>
        {data.isError ? (
          <LoadFailed error={data.error} onRetry={() => void data.refetch()} />
        ) : data.isLoading ? (
          <Skeleton active />
        ) : items.length === 0 ? (
          <Empty description="该年度尚未公布普法责任清单" />
        ) : (
          <div data-testid="public-duties">
            {orgs.map(([code, name]) => {
              const duties = items.filter((d) => d.orgCode === code);
              const done = duties.filter((d) => d.completed).length;
              return (
                <div key={code}>
                  <h3 className="fz-ppd-org">
                    {name}（责任单位{duties.length}个，已完成{done}个）
                  </h3>
                  {duties.map((d) => (
                    <div key={d.id} className="fz-ppd-duty" data-testid="public-duty">
                      <div className="fz-ppd-head">
                        <span className="fz-ppd-unit">{d.unit}</span>
                        <span className="fz-ppd-figure">
                          计划{d.plannedTimes}次 · 已开展{d.doneTimes}次{d.openingTimes ? ` · 期初数${d.openingTimes}次` : ''} <Tag color={d.completed ? 'green' : 'orange'}>{d.completed ? '已完成' : '未完成'}</Tag>
                        </span>
                      </div>
                      <div className="fz-ppd-meta">
                        重点宣传：{d.laws.join('、')}
                        <br />
                        普法对象：{d.audiences.join('、')} · 开展频次：{d.frequency} · 清单印发：{formatDate(d.issuedOn)}
                        <br />
                        普法任务：{d.tasks}
                        {d.openingTimes ? (
                          <>
                            <br />
                            期初数来源：{d.openingSource}
                          </>
                        ) : null}
                      </div>
                      {d.activities.length ? (
                        <details className="fz-ppd-acts">
                          <summary>已开展的普法活动（{d.activities.length}次）</summary>
                          <ol>
                            {d.activities.map((a) => (
                              <li key={a.id}>
                                <span className="fz-ppd-date">{formatDate(a.heldOn)}</span>
                                {a.title}（{a.form}
                                {a.village ? `，${a.village}` : ''}，{a.participants}人次）
                              </li>
                            ))}
                          </ol>
                        </details>
                      ) : (
                        <div className="fz-ppd-meta">尚无已开展的普法活动记录</div>
                      )}
                    </div>
                  ))}
                </div>
              );
            })}
          </div>
        )}
      </section>
    </PublicLayout>
  );
}
