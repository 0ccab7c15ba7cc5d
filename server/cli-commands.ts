import type { ConfigOverrides } from './platform/config/config.ts';
import { calendarCliCommands } from './platform/calendar/calendar.cli.ts';
import type { ModuleDefinition } from './platform/module.ts';
import { workflowCliCommands } from './platform/workflow/workflow.cli.ts';
import { indicatorCliCommands } from './platform/indicators/indicator.cli.ts';

/** a subcommand contributed by a platform part or a module (deadline, calendar load, review, report…) */
export interface CliCommand {
  name: string;
  sub?: string;
  usage: string;
  run(args: string[], env: { overrides: ConfigOverrides; out: (line: string) => void }): Promise<number>;
}

export const cliCommands: CliCommand[] = [
  {
    name: 'review',
    usage: 'review FILE... [--format json|text]   审查年度报告中的数字（DOCX、PDF、HTML、TXT）',
    run: async (args, { out }) => (await import('./modules/report-review/review.cli.ts')).runReviewCli(args, out),
  },
  {
    name: 'report',
    usage: 'report annual|disclosure --org CODE --year YYYY --format json|html|docx|pdf [--out FILE]   生成法治政府建设年度报告或政府信息公开工作年度报告',
    run: async (args, env) => {
      const { modules } = await import('./modules/index.ts');
      if (args[0] === 'disclosure') return (await import('./modules/disclosure/disclosure.cli.ts')).runDisclosureReportCli(args, env, modules);
      return (await import('./modules/annual-report/report.cli.ts')).runReportCli(args, env, modules);
    },
  },
];

// the modules are loaded when a command runs: the platform's commands do not import them
const modules = async (): Promise<ModuleDefinition[]> => (await import('./modules/index.ts')).modules;
cliCommands.push(...calendarCliCommands(modules), ...workflowCliCommands(modules), ...indicatorCliCommands(modules));
