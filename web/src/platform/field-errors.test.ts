import { describe, expect, it } from 'vitest';
import { fieldMessage, toNamePath } from './field-errors.ts';

describe('toNamePath', () => {
  it('turns a JSON path into an antd name path with numeric indexes', () => {
    expect(toNamePath('items.0.name')).toEqual(['items', 0, 'name']);
    expect(toNamePath('username')).toEqual(['username']);
  });
});

describe('fieldMessage', () => {
  it('drops the label the server puts in front, since the field shows it already', () => {
    expect(fieldMessage({ path: 'username', label: '用户名', message: '用户名：clerk 已被使用' })).toBe('clerk 已被使用');
  });

  it('keeps a message that does not start with the label', () => {
    expect(fieldMessage({ path: 'roles', label: '角色', message: '三员须分立' })).toBe('三员须分立');
    expect(fieldMessage({ path: 'x', message: '必填' })).toBe('必填');
  });
});
