import { saveBlob } from './ledger/download-file.ts';

/** saves text as a file; CSV gets a BOM so Excel opens the Chinese correctly */
export function downloadText(filename: string, text: string, type = 'text/csv;charset=utf-8'): void {
  saveBlob(new Blob([type.startsWith('text/csv') ? '\uFEFF' : '', text], { type }), filename);
}
