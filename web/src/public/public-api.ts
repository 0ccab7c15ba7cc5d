export interface PublicReportSummary {
  id: number;
  orgCode: string;
  orgName: string;
  year: number;
  /** the place among the report's published versions: 1 is the first publication, 2 and later are corrections */
  edition: number;
  current: boolean;
  title: string;
  publishedAt: string;
  correctionNote: string | null;
}

export interface PublicReport {
  id: number;
  orgName: string;
  year: number;
  /** the place among the report's published versions: 1 is the first publication, 2 and later are corrections */
  edition: number;
  current: boolean;
  title: string;
  publishedAt: string;
  correctionNote: string | null;
  preamble: string[];
  sections: Array<{ title: string; paragraphs: string[] }>;
}

export const publicDownloadUrl = (id: number, format: 'docx' | 'pdf'): string => `/api/public/reports/${id}/download?format=${format}`;
