import type { TestApp } from './harness.ts';
import { listLedger } from './ledger-client.ts';

/** two officers of a town's 执法检查人员名录库, as a case names them (行政处罚法 art. 42) */
export async function registryOfficers(t: TestApp, cookie: string, town: string): Promise<Record<string, string>> {
  const [a, b] = (await listLedger(t, cookie, 'enforcement.inspector', `org=${town}&pageSize=2`)).items;
  return { officer1_name: String(a?.values['name']), officer1_cert: String(a?.values['cert_no']), officer2_name: String(b?.values['name']), officer2_cert: String(b?.values['cert_no']) };
}
