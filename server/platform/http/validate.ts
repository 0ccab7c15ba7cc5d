import { z } from 'zod';
import { AppError, type FieldError } from './errors.ts';

z.config(z.locales.zhCN());
// a missing field reads better as 必填 than as a type mismatch against undefined
z.config({ customError: (issue) => (issue.code === 'invalid_type' && issue.input === undefined ? '必填' : undefined) });

/** parses input with a zod schema; on failure lists every bad field, with its Chinese label where given */
export function parse<T extends z.ZodType>(schema: T, input: unknown, labels: Record<string, string> = {}): z.output<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw validationError(result.error, labels);
}

export function validationError(error: z.ZodError, labels: Record<string, string> = {}): AppError {
  const errors: FieldError[] = error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    const label = labels[path] ?? labels[String(issue.path[0] ?? '')];
    const message = issue.message;
    return label ? { path, label, message: `${label}：${message}` } : { path, message };
  });
  const names = errors.map((e) => e.label ?? e.path).filter(Boolean);
  return new AppError('validation_failed', names.length ? `以下字段有误：${[...new Set(names)].join('、')}` : '输入有误', errors);
}
