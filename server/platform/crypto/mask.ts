/** masking rules for personal data shown to roles that may not see it in full */
export type PersonalKind = 'id_number' | 'phone' | 'address' | 'name' | 'generic';

export function mask(value: string, kind: PersonalKind): string {
  if (!value) return value;
  const chars = [...value];
  switch (kind) {
    case 'id_number':
      return chars.length <= 8 ? '*'.repeat(chars.length) : `${chars.slice(0, 4).join('')}${'*'.repeat(chars.length - 8)}${chars.slice(-4).join('')}`;
    case 'phone':
      return chars.length < 7 ? '*'.repeat(chars.length) : `${chars.slice(0, 3).join('')}****${chars.slice(-4).join('')}`;
    case 'address':
      return chars.length <= 6 ? `${chars.slice(0, 2).join('')}****` : `${chars.slice(0, 6).join('')}****`;
    case 'name':
      return chars.length <= 1 ? '*' : `${chars[0]}${'*'.repeat(chars.length - 1)}`;
    case 'generic':
      return chars.length <= 2 ? '**' : `${chars[0]}${'*'.repeat(chars.length - 2)}${chars.at(-1)}`;
  }
}
