// the shapes of /api/disclosure/report and /api/public/disclosure/* (server/modules/disclosure)

import type { DisclosureReport } from '../../../../common/disclosure.types.ts';
export type { ApplicantRequests, Cell, FeeCount, DisclosureReport, IdentityCheck, ReportSection, ReportTable, TableCellSpec, TableRow } from '../../../../common/disclosure.types.ts';

export type DraftStatus = 'draft' | 'final' | 'published';

export interface ReportView {
  draft: { id: number; org_code: string; year: number; status: DraftStatus; version: number } | null;
  report: DisclosureReport;
}

export const STATUS_LABEL: Record<DraftStatus, string> = { draft: '草稿', final: '已定稿', published: '已公开发布' };

export interface PublicItem {
  id: number;
  orgCode: string;
  orgName: string;
  title: string;
  category: string;
  /** the town category it is filed under (政府信息公开条例 art. 21, or one the county added) */
  townCategory: string | null;
  docNo: string | null;
  publishedOn: string;
  /** the day the item was last corrected (“于…更正”), null when never */
  correctedOn: string | null;
  summary: string | null;
  url: string | null;
}

export interface PublicItemDetail extends PublicItem {
  content: string | null;
  issuingUnit: string | null;
}

export interface PublicItemList {
  items: PublicItem[];
  total: number;
  page: number;
  pageSize: number;
  categories: Array<{ category: string; count: number }>;
  /** every town category on the county's list, with its published items (none: 0) */
  townCategories: Array<{ category: string; count: number }>;
}

export interface PublicDisclosureReportSummary {
  id: number;
  orgCode: string;
  orgName: string;
  year: number;
  title: string;
  publishedAt: string;
}

export const EXPORT_FORMATS = [
  { key: 'docx', label: 'Word 文档（DOCX，公文格式）' },
  { key: 'pdf', label: 'PDF' },
  { key: 'html', label: '网页（HTML）' },
] as const;

export type ExportFormat = (typeof EXPORT_FORMATS)[number]['key'];

export const exportUrl = (org: string, year: number, format: ExportFormat): string => `/api/disclosure/report/export?org=${encodeURIComponent(org)}&year=${year}&format=${format}`;
export const publicReportUrl = (id: number, format: ExportFormat): string => `/api/public/disclosure/reports/${id}?format=${format}`;

/** GET /api/disclosure/items/:id/redaction-preview: what the public site will mask in the item's texts */
export interface RedactionPreview {
  fields: Array<{
    field: string;
    label: string;
    redacted: string;
    spans: Array<{ start: number; end: number; kind: string; label: string; text: string; replacement: string }>;
  }>;
  found: number;
  confirmed: boolean;
}

