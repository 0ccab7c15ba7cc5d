/** a multipart/form-data request body for inject(), the parts in the order given (fields before the file, as browsers send them) */
export function multipart(parts: Array<{ name: string; value: string | Buffer; filename?: string }>): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----fazhitest';
  const chunks = parts.flatMap((p) => [
    Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${p.name}"${p.filename !== undefined ? `; filename="${p.filename}"` : ''}\r\n${p.filename !== undefined ? 'content-type: application/octet-stream\r\n' : ''}\r\n`),
    typeof p.value === 'string' ? Buffer.from(p.value) : p.value,
    Buffer.from('\r\n'),
  ]);
  return { payload: Buffer.concat([...chunks, Buffer.from(`--${boundary}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
