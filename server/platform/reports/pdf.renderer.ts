import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { AppError } from '../http/errors.ts';

const run = promisify(execFile);

export function libreOfficePath(): string | null {
  for (const p of ['/usr/bin/soffice', '/usr/bin/libreoffice', '/usr/lib/libreoffice/program/soffice']) if (existsSync(p)) return p;
  return null;
}

export function chromiumPath(): string | null {
  const p = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
  return existsSync(p) ? p : null;
}

/**
 * PDF for publication: the DOCX converted by LibreOffice when installed (the same pages users print),
 * else the HTML printed by Chromium; refuses clearly when neither is available
 */
export async function renderPdf(docx: Buffer, html: string): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), 'fazhi-pdf-'));
  try {
    const soffice = libreOfficePath();
    if (soffice) {
      await writeFile(join(dir, 'report.docx'), docx);
      await run(soffice, ['--headless', '--norestore', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, join(dir, 'report.docx')], { timeout: 120_000 });
      return await readFile(join(dir, 'report.pdf'));
    }
    const chromium = chromiumPath();
    if (chromium) {
      const { chromium: pw } = await import('playwright-core');
      const browser = await pw.launch({ executablePath: chromium, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'] });
      try {
        const page = await browser.newPage();
        await page.setContent(html, { waitUntil: 'load' });
        // the page numbers come from the page's own @page :right/:left margin boxes (html.renderer.ts): "— n —",
        // odd pages at the right, even pages at the left, as in the DOCX; Chromium's footer template cannot alternate
        return Buffer.from(await page.pdf({ format: 'A4', preferCSSPageSize: true, displayHeaderFooter: false }));
      } finally {
        await browser.close();
      }
    }
    throw new AppError('conflict', '本机未安装 LibreOffice 或 Chromium，无法生成 PDF；请下载 DOCX 后自行转换，或由管理员安装 LibreOffice');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
