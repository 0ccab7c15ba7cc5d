/** 居民身份证号码 (GB 11643-1999): 18 characters, ISO 7064 MOD 11-2 check digit, a real birth date */
export function isIdNumber(value: string): boolean {
  const v = value.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(v)) return false;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((acc, w, i) => acc + w * Number(v[i]), 0);
  const check = '10X98765432'[sum % 11];
  if (check !== v[17]) return false;
  const y = Number(v.slice(6, 10));
  const m = Number(v.slice(10, 12));
  const d = Number(v.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  return y >= 1900 && date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character set, MOD 31 check character */
export function isUscc(value: string): boolean {
  const v = value.trim().toUpperCase();
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(v)) return false;
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const sum = weights.reduce((acc, w, i) => acc + w * USCC_CHARS.indexOf(v[i] ?? ''), 0);
  const check = USCC_CHARS[(31 - (sum % 31)) % 31];
  return check === v[17];
}

/** mainland mobile numbers, or landlines with an area code */
export function isPhone(value: string): boolean {
  const v = value.trim().replace(/[\s-]/g, '');
  return /^1[3-9]\d{9}$/.test(v) || /^0\d{2,3}\d{7,8}$/.test(v);
}

/** makes a valid ID number for demo data from a region, birth date and sequence */
export function makeIdNumber(region: string, birth: string, seq: number): string {
  const body = `${region}${birth.replaceAll('-', '')}${String(seq % 1000).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((acc, w, i) => acc + w * Number(body[i]), 0);
  return body + '10X98765432'[sum % 11];
}

/** makes a valid unified social credit code for demo data */
export function makeUscc(region: string, seq: number): string {
  const body = `91${region}${String(seq).padStart(9, '0').replace(/\d/g, (d) => d)}`.slice(0, 17);
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const sum = weights.reduce((acc, w, i) => acc + w * USCC_CHARS.indexOf(body[i] ?? ''), 0);
  return body + USCC_CHARS[(31 - (sum % 31)) % 31];
}
