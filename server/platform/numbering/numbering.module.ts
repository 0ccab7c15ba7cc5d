import { z } from 'zod';
import { inScope } from '../http/context.ts';
import { notFound } from '../http/errors.ts';
import { listSeries, previewFormat, saveFormat } from '../ledger/ledger.numbering.ts';
import { defineModule } from '../module.ts';
import { orgCodeSchema } from '../orgs/org.service.ts';

const tags = ['编号规则'];
const seriesSchema = z.string().trim().min(1, '请选择编号规则').max(80, '不能超过80个字').regex(/^[a-z][a-z0-9_.]*$/, '编号规则名称有误');
const formatSchema = z.string().max(200, '不能超过200个字');

/**
 * 编号规则: the formats of the numbers the system gives out (案号, 登记号, 文号), per organisation, set by the county
 * administrator. Business configuration, not a 三员 duty: the system administrator does not hold it
 */
export const numberingModule = defineModule({
  name: 'numbering',
  label: '编号规则',
  permissions: [{ code: 'numbering.manage', label: '管理编号规则（案号、登记号、文号格式）', roles: ['county_admin'] }],
  nav: [{ path: '/admin/numbering', label: '编号规则', permission: 'numbering.manage', group: '业务设置', icon: 'tags', order: 899 }],
  routes: (api, platform) => {
    const ledgers = () => platform.ledgers.all();
    const orgIn = (ctx: Parameters<typeof inScope>[0], code: string): string => {
      if (!inScope(ctx, code)) throw notFound('单位');
      return code;
    };
    api.route({ method: 'GET', url: '/api/numbering', access: 'numbering.manage', summary: '编号规则：各编号序列在各单位的格式与下一个编号', tags, handler: (ctx) => listSeries(ctx, ledgers()) });
    api.route({
      method: 'GET',
      url: '/api/numbering/preview',
      access: 'numbering.manage',
      summary: '预览编号格式（不保存、不占号）',
      tags,
      query: z.object({ series: seriesSchema, org: orgCodeSchema, format: formatSchema }),
      labels: { series: '编号规则', org: '单位', format: '编号格式' },
      handler: (ctx, { query }) => previewFormat(ctx, ledgers(), query.series, orgIn(ctx, query.org), query.format),
    });
    api.route({
      method: 'PUT',
      url: '/api/numbering/format',
      access: 'numbering.manage',
      write: true,
      summary: '修改某单位的编号格式（只影响此后新给出的编号；留空恢复全国默认格式）',
      tags,
      body: z.object({ series: seriesSchema, orgCode: orgCodeSchema, format: formatSchema.nullable() }),
      labels: { series: '编号规则', orgCode: '单位', format: '编号格式' },
      handler: (ctx, { body }) => saveFormat(ctx, ledgers(), body.series, orgIn(ctx, body.orgCode), body.format),
    });
  },
});
