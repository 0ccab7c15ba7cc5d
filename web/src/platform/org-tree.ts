export interface OrgLike {
  code: string;
  name: string;
  parentCode: string | null;
}

export type OrgNode<T extends OrgLike> = T & { children?: Array<OrgNode<T>> };

/** flat organisations → a tree; an org whose parent is not in the list becomes a root */
export function buildOrgTree<T extends OrgLike>(orgs: readonly T[]): Array<OrgNode<T>> {
  const nodes = new Map<string, OrgNode<T>>(orgs.map((o) => [o.code, { ...o }]));
  const roots: Array<OrgNode<T>> = [];
  for (const o of orgs) {
    const node = nodes.get(o.code);
    if (!node) continue;
    const parent = o.parentCode ? nodes.get(o.parentCode) : undefined;
    if (parent) (parent.children ??= []).push(node);
    else roots.push(node);
  }
  return roots;
}

/** the code and every code below it */
export function subtreeCodes(orgs: readonly OrgLike[], code: string): Set<string> {
  const out = new Set<string>([code]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const o of orgs) {
      if (o.parentCode && out.has(o.parentCode) && !out.has(o.code)) {
        out.add(o.code);
        grew = true;
      }
    }
  }
  return out;
}

export interface OrgTreeOption {
  value: string;
  title: string;
  children?: OrgTreeOption[];
}

/** options for an antd TreeSelect */
export function orgTreeOptions(orgs: readonly OrgLike[]): OrgTreeOption[] {
  const walk = (n: OrgNode<OrgLike>): OrgTreeOption => ({ value: n.code, title: n.name, ...(n.children?.length ? { children: n.children.map(walk) } : {}) });
  return buildOrgTree(orgs).map(walk);
}
