const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** the words of a text, as Intl.Segmenter splits Chinese; lowercased, punctuation dropped */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const s of segmenter.segment(text.normalize('NFKC'))) {
    if (s.isWordLike) out.push(s.segment.toLowerCase());
  }
  return out;
}

/**
 * what goes into the tsvector: each word, and for words of three or more characters also their
 * two-character pieces, so a query segmented differently from the stored text still matches
 */
export function searchText(parts: Array<string | null | undefined>): string {
  const set = new Set<string>();
  for (const p of parts) {
    if (!p) continue;
    for (const w of words(p)) {
      set.add(w);
      const chars = [...w];
      if (chars.length >= 3 && /\p{Script=Han}/u.test(w)) for (let i = 0; i + 1 < chars.length; i++) set.add(chars.slice(i, i + 2).join(''));
    }
  }
  return [...set].join(' ');
}

/** the query side: every word must occur (tsquery with &); words longer than two Han characters match by their pieces */
export function queryTerms(q: string): string[] {
  const set = new Set<string>();
  for (const w of words(q)) {
    const chars = [...w];
    if (chars.length >= 3 && /\p{Script=Han}/u.test(w)) for (let i = 0; i + 1 < chars.length; i++) set.add(chars.slice(i, i + 2).join(''));
    else set.add(w);
  }
  return [...set].map((t) => t.replace(/[&|!():*'\\<>]/g, '')).filter(Boolean);
}
