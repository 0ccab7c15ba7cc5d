import { describe, expect, it } from 'vitest';
import { buildOrgTree, orgTreeOptions, subtreeCodes } from './org-tree.ts';

const orgs = [
  { code: '999001000000', name: '演示县', parentCode: null },
  { code: '999001001000', name: '城关镇', parentCode: '999001000000' },
  { code: '999001001000-02', name: '城关镇司法所', parentCode: '999001001000' },
  { code: '999001002000', name: '清溪镇', parentCode: '999001000000' },
];

describe('buildOrgTree', () => {
  it('nests each organisation under its parent', () => {
    const [county] = buildOrgTree(orgs);
    expect(county?.name).toBe('演示县');
    expect(county?.children?.map((c) => c.name)).toEqual(['城关镇', '清溪镇']);
    expect(county?.children?.[0]?.children?.map((c) => c.name)).toEqual(['城关镇司法所']);
  });

  it('makes an organisation whose parent is out of view a root', () => {
    expect(buildOrgTree(orgs.slice(1)).map((o) => o.name)).toEqual(['城关镇', '清溪镇']);
  });
});

describe('subtreeCodes', () => {
  it('holds the code and everything below it, not its siblings', () => {
    expect([...subtreeCodes(orgs, '999001001000')].sort()).toEqual(['999001001000', '999001001000-02']);
  });
});

describe('orgTreeOptions', () => {
  it('leaves out children on leaves so TreeSelect shows no expander', () => {
    const [county] = orgTreeOptions(orgs);
    expect(county?.children?.[1]).toEqual({ value: '999001002000', title: '清溪镇' });
  });
});
