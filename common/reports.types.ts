// the shapes of the annual report's content (server/modules/annual-report), shared by the server and the web app
// type-only: no runtime code here

/** a report's content: its five mandated parts, each a list of sub-headings and paragraphs with live fields */
export interface ReportItem {
  type: 'heading' | 'para';
  text: string;
}

export interface ReportSection {
  key: string;
  title: string;
  required: boolean;
  items: ReportItem[];
}

export interface ReportContent {
  title: string;
  /** the opening paragraph(s) before part one */
  preamble: string[];
  sections: ReportSection[];
}
