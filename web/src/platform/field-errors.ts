import type { FieldProblem } from './api.ts';

export type NamePath = Array<string | number>;

/** "items.0.name" → ['items', 0, 'name'] */
export function toNamePath(path: string): NamePath {
  return path.split('.').filter(Boolean).map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** the server prefixes messages with the field label ("用户名：已被使用"); beside the field the label is redundant */
export function fieldMessage(e: FieldProblem): string {
  const prefix = e.label ? `${e.label}：` : '';
  return prefix && e.message.startsWith(prefix) ? e.message.slice(prefix.length) : e.message;
}
