import { Command, CommanderError, Option } from 'commander';
import type { TutorConfig } from './config.js';
import { TutorError } from './errors.js';
import { resolveConfig, type RawOptions } from './options.js';
import { detectLang, text, type Lang } from './text.js';
import type { StepNumber } from './aws/types.js';

declare const __TUTOR_VERSION__: string | undefined;
const VERSION = typeof __TUTOR_VERSION__ === 'string' ? __TUTOR_VERSION__ : '0.0.0-dev';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

function withCommonOptions(command: Command): Command {
  return command
    .option('--region <region>', 'AWS region (else AWS_REGION or your profile)')
    .option('--profile <name>', 'AWS profile from your shared config')
    .option('--endpoint-url <url>', 'send every AWS call here (a moto server, for instance)')
    .option('--dry-run', 'show the exact requests; send nothing')
    .option('--sandbox', 'run against a local AWS-compatible server and Kubernetes API: no account, no cost')
    .option('--cluster-name <name>', 'name of the cluster and prefix of everything the tutor makes', 'eks-basics-tutor')
    .option('--kubernetes-version <version>', 'Kubernetes minor version (default: newest in standard support)')
    .option('--vpc-cidr <cidr>', 'the VPC range, a private /16 to /24', '192.168.0.0/16')
    .option('--azs <n>', 'availability zones: 2 or 3', '2')
    .addOption(new Option('--nat <mode>', 'NAT gateways: single, ha (one per AZ) or none').default('single'))
    .option('--nodes <n>', 'nodes in the node group, 1 to 100', '2')
    .option('--instance-type <type>', 'EC2 instance type of the nodes', 't3.medium')
    .option('--registry-policy <policy>', 'pullonly (AmazonEC2ContainerRegistryPullOnly) or readonly', 'pullonly')
    .option('--logging', 'turn on all control-plane log types')
    .option('--state-dir <dir>', 'where the ledger is kept (else EKS_BASICS_TUTOR_STATE_DIR)')
    .option('--yes', 'do not ask for confirmation')
    .option('--lang <lang>', 'en or ja (else from LANG)')
    .option('--time-scale <n>', 'sandbox: multiplies AWS’s real durations, 0 to 1 (default 1/60)')
    .option('--no-kubectl', 'skip the kubectl checks of steps 4 and 5')
    .option('--presenter', 'mask account ids, access keys and public IPs; large headings')
    .option('--plain', 'for screen readers: numbered menus, no box drawing, nothing animated (also INK_SCREEN_READER=true)')
    .option('--debug', 'show the underlying error details');
}

function stepNumber(value: string | undefined, option: string, fallback: StepNumber): StepNumber {
  if (value === undefined) return fallback;
  if (!/^[1-5]$/.test(value)) {
    throw new TutorError(
      'BAD_INPUT',
      text(
        `${option} "${value}" is not allowed: use a step number from 1 to 5.`,
        `${option} に「${value}」は指定できません。1 から 5 までのステップ番号を指定してください。`,
      ),
    );
  }
  return Number(value) as StepNumber;
}

/** Edits (insert, delete, replace, swap of neighbours) from one word to another. */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

function unknownCommand(word: string, commands: string[]): TutorError {
  const near = commands
    .filter((c) => distance(word.toLowerCase(), c) <= Math.max(1, Math.floor(c.length / 3)))
    .sort((x, y) => distance(word, x) - distance(word, y))[0];
  const list = commands.join(', ');
  return new TutorError(
    'BAD_INPUT',
    near
      ? text(
          `unknown command '${word}' — did you mean ${near}? (commands: ${list})`,
          `不明なコマンド「${word}」です。${near} のことですか?(コマンド: ${list})`,
        )
      : text(
          `unknown command '${word}': use one of ${list} (see --help).`,
          `不明なコマンド「${word}」です。${list} のいずれかを使ってください(--help を参照)。`,
        ),
  );
}

function config(options: Record<string, unknown>): TutorConfig {
  const { through: _through, json: _json, step: _step, ...raw } = options;
  return resolveConfig(raw as RawOptions);
}

async function main(argv: string[]): Promise<number> {
  let exitCode = 0;
  const program = new Command('eks-basics-tutor')
    .description('Build an Amazon EKS cluster by hand, step by step, and learn what eksctl hides.')
    .version(VERSION, '-v, --version')
    .exitOverride()
    .configureOutput({ outputError: () => undefined })
    .showSuggestionAfterError(false)
    .enablePositionalOptions();
  withCommonOptions(program)
    .option('--step <n>', 'open the tutor at step N (earlier steps adopted from the ledger)')
    .argument('[command]')
    .action(async (command: string | undefined, options: Record<string, unknown>) => {
      if (command !== undefined)
        throw unknownCommand(
          command,
          program.commands.map((c) => c.name()),
        );
      const cfg = config(options);
      const step = options.step === undefined ? undefined : stepNumber(String(options.step), '--step', 1);
      if (process.stdin.isTTY !== true || process.stdout.isTTY !== true) {
        process.stdout.write(
          `${text('The interactive tutor needs a terminal. Without one, use `eks-basics-tutor up` (see `eks-basics-tutor --help`).', '対話式のチューターには端末が必要です。端末なしでは `eks-basics-tutor up` を使ってください(`eks-basics-tutor --help` を参照)。')[cfg.lang]}\n`,
        );
        exitCode = 2;
        return;
      }
      const { runTui } = await import('./screens/run.js');
      exitCode = await runTui(cfg, step === undefined ? {} : { step });
    });
  withCommonOptions(program.command('up').description('run steps 1..N without the interactive screens'))
    .option('--through <n>', 'the last step to run, 1 to 5', '5')
    .action(async (options: Record<string, unknown>) => {
      const through = stepNumber(String(options.through ?? '5'), '--through', 5);
      const { up } = await import('./cli/up.js');
      exitCode = await up(config(options), through);
    });
  withCommonOptions(program.command('down').description('delete everything the tutor made for the cluster name')).action(
    async (options: Record<string, unknown>) => {
      const { down } = await import('./cli/down.js');
      exitCode = await down(config(options));
    },
  );
  withCommonOptions(program.command('status').description('what the ledger holds, whether it still exists, and its cost so far'))
    .option('--json', 'print JSON')
    .action(async (options: Record<string, unknown>) => {
      const { status } = await import('./cli/status.js');
      exitCode = await status(config(options), options.json === true);
    });
  withCommonOptions(program.command('doctor').description('check tools, credentials, region and quotas'))
    .option('--policy', 'print the least-privilege IAM policy (JSON) for the calls the tutor makes')
    .action(async (options: Record<string, unknown>) => {
      const { doctor } = await import('./cli/doctor.js');
      const { policy, ...rest } = options;
      exitCode = await doctor(config(rest), { policy: policy === true });
    });
  withCommonOptions(
    program
      .command('sandbox')
      .description('the background sandbox: start (default), stop, status or reset')
      .argument('[action]', 'start, stop, status or reset'),
  ).action(async (action: string | undefined, options: Record<string, unknown>) => {
    const { sandboxCommand } = await import('./cli/sandbox.js');
    exitCode = await sandboxCommand(resolveConfig({ ...(options as RawOptions), sandbox: true }), action);
  });
  withCommonOptions(
    program.command('export').description('print what you built as eksctl YAML or aws CLI commands').argument('<format>', 'eksctl or cli'),
  )
    .option('--teardown', 'cli: the script that takes the build down')
    .option('--existing-vpc', "eksctl: a second cluster in this build's VPC and subnets")
    .action(async (format: string, options: Record<string, unknown>) => {
      const { teardown, existingVpc, ...rest } = options;
      const { exportBuild } = await import('./cli/export.js');
      exitCode = await exportBuild(config(rest), format, { teardown: teardown === true, existingVpc: existingVpc === true });
    });
  withCommonOptions(
    program
      .command('day-two')
      .description('after step 5: add-ons, a first workload and the seven questions of real projects, run with the calls shown and checked')
      .argument('[action]', 'addons, workload, upgrade, access, second-cluster, other-vpc, no-nat, accounts or third-az'),
  )
    .option('--without-elb-tag', 'workload: also show a Service staying pending without kubernetes.io/role/elb (the tag is put back)')
    .action(async (action: string | undefined, options: Record<string, unknown>) => {
      const { withoutElbTag, ...rest } = options;
      const { dayTwo } = await import('./cli/day-two.js');
      exitCode = await dayTwo(config(rest), action, { withoutElbTag: withoutElbTag === true });
    });
  await program.parseAsync(argv);
  return exitCode;
}

function langOf(argv: string[]): Lang {
  const index = argv.indexOf('--lang');
  const value = index >= 0 ? argv[index + 1] : argv.find((a) => a.startsWith('--lang='))?.slice(7);
  return value === 'ja' || value === 'en' ? value : detectLang();
}

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  async (error: unknown) => {
    const lang = langOf(process.argv);
    const debug = process.argv.includes('--debug');
    // Errors name ARNs and principals: in presenter mode they are masked like every other output.
    const mask = process.argv.includes('--presenter') ? (await import('./mask.js')).mask : (line: string) => line;
    const stderr = { write: (value: string) => process.stderr.write(mask(value)) };
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') {
        process.exitCode = 0;
        return;
      }
      const message = error.message.replace(/^error: /, '');
      stderr.write(`${lang === 'ja' ? `入力エラー: ${message}(--help を参照)` : `Error: ${message} (see --help)`}\n`);
      process.exitCode = 2;
      return;
    }
    if (error instanceof TutorError) {
      stderr.write(`${error.text[lang]}\n`);
      if (debug && error.cause) stderr.write(`${String((error.cause as Error).stack ?? error.cause)}\n`);
      process.exitCode = error.exitCode;
      return;
    }
    import('./aws/errors.js').then(
      ({ explainAwsError }) => {
        const explained = explainAwsError(error);
        stderr.write(`${explained.text[lang]}\n`);
        if (debug) stderr.write(`${String((error as Error).stack ?? error)}\n`);
        process.exitCode = explained.exitCode;
      },
      () => {
        stderr.write(`${String((error as Error).message ?? error)}\n`);
        process.exitCode = 1;
      },
    );
  },
);
