import { isAbsolute, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { builtinCliCommands } from './cli-builtins.ts';
import { calendarCliCommands } from './platform/calendar/calendar.cli.ts';
import type { CliEnv } from './platform/cli/cli-env.ts';
import { withoutGlobalOptions } from './platform/cli/cli-env.ts';
import type { ModuleDefinition } from './platform/module.ts';
import { workflowCliCommands } from './platform/workflow/workflow.cli.ts';
import { indicatorCliCommands } from './platform/indicators/indicator.cli.ts';

/** a subcommand of the platform or contributed by a platform part or a module (deadline, calendar load, review, report…) */
export interface CliCommand {
  name: string;
  sub?: string;
  usage: string;
  /**
   * safe to run beside a running server: while `fazhi serve` owns the embedded directory the CLI hands the
   * command to it over the control socket and the server runs it on its own platform
   */
  forward?: boolean;
  /** options naming a file the command reads or writes: made absolute before the server sees them */
  pathOptions?: string[];
  /** the positional argument (counted after the command name) naming such a file */
  pathPositional?: number;
  run(args: string[], env: CliEnv): Promise<number>;
}

export const cliCommands: CliCommand[] = [];

// the modules are loaded when a command runs: the platform's commands do not import them
const modules = async (): Promise<ModuleDefinition[]> => (await import('./modules/index.ts')).modules;

cliCommands.push(
  ...builtinCliCommands(modules),
  {
    name: 'review',
    usage: 'review FILE... [--format json|text]   审查年度报告中的数字（DOCX、PDF、HTML、TXT）',
    run: async (args, { out }) => (await import('./modules/report-review/review.cli.ts')).runReviewCli(args, out),
  },
  {
    name: 'report',
    usage: 'report annual|disclosure|enforcement-stats|reconcile --org CODE --year YYYY --format json|html|docx|pdf [--out FILE]   生成法治政府建设年度报告、政府信息公开工作年度报告、行政执法统计年报，或三报对账（json）',
    forward: true,
    pathOptions: ['out'],
    run: async (args, env) => {
      const all = await modules();
      if (args[0] === 'enforcement-stats' || args[0] === 'reconcile') return (await import('./modules/annual-report/stats.cli.ts')).runStatsCli(args, env, all);
      if (args[0] === 'disclosure') return (await import('./modules/disclosure/disclosure.cli.ts')).runDisclosureReportCli(args, env, all);
      return (await import('./modules/annual-report/report.cli.ts')).runReportCli(args, env, all);
    },
  },
  {
    name: 'evaluation',
    usage: 'evaluation ranking (--round ID | --year YYYY) [--format json|text]   考核排名：各单位总分、名次和一级指标得分',
    forward: true,
    run: async (args, env) => (await import('./modules/evaluation/evaluation.cli.ts')).runEvaluationCli(args, env, modules),
  },
  ...calendarCliCommands(modules),
  ...workflowCliCommands(modules),
  ...indicatorCliCommands(modules),
);

/** the command `argv` names (`audit verify`, `report …`), or undefined */
export function findCliCommand(argv: readonly string[]): CliCommand | undefined {
  const [name, ...rest] = argv;
  const sub = withoutGlobalOptions(rest)[0];
  return cliCommands.find((c) => c.name === name && (!c.sub || c.sub === sub));
}

/** the arguments with every file the command names made absolute against `cwd` (the server runs elsewhere) */
export function withAbsolutePaths(command: CliCommand, args: readonly string[], cwd: string): string[] {
  const options = command.pathOptions ?? [];
  const { tokens } = parseArgs({ args: [...args], strict: false, allowPositionals: true, tokens: true, options: Object.fromEntries(options.map((o) => [o, { type: 'string' as const }])) });
  const result = [...args];
  const abs = (p: string): string => (isAbsolute(p) ? p : resolve(cwd, p));
  let positional = 0;
  for (const t of tokens) {
    if (t.kind === 'option' && options.includes(t.name) && t.value !== undefined) {
      if (t.inlineValue) result[t.index] = `${t.rawName}=${abs(t.value)}`;
      else result[t.index + 1] = abs(t.value);
    } else if (t.kind === 'positional') {
      if (positional === command.pathPositional) result[t.index] = abs(t.value);
      positional++;
    }
  }
  return result;
}
