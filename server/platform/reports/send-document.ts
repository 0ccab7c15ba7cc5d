import type { FastifyReply } from 'fastify';
import type { DocumentSpec } from './blocks.ts';
import { renderDocx } from './docx.renderer.ts';
import { renderHtml } from './html.renderer.ts';
import { renderPdf } from './pdf.renderer.ts';

const disposition = (name: string): string => `attachment; filename*=UTF-8''${encodeURIComponent(name)}`;

/** a document as a download: DOCX (GB/T 9704), HTML, or PDF (the DOCX through LibreOffice, else the HTML printed) */
export async function sendDocument(reply: FastifyReply, doc: DocumentSpec, format: 'docx' | 'html' | 'pdf', title: string): Promise<FastifyReply> {
  const html = renderHtml(doc);
  if (format === 'html') return reply.header('content-type', 'text/html; charset=utf-8').send(html);
  const docx = await renderDocx(doc);
  if (format === 'pdf') return reply.header('content-type', 'application/pdf').header('content-disposition', disposition(`${title}.pdf`)).send(await renderPdf(docx, html));
  return reply.header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document').header('content-disposition', disposition(`${title}.docx`)).send(docx);
}
