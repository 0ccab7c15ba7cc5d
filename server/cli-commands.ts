import type { ConfigOverrides } from './platform/config/config.ts';

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
];
