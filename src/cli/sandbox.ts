import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { TutorConfig } from '../config.js';
import { badInput } from '../errors.js';
import { text } from '../text.js';
import { confirm } from './confirm.js';
import { Printer } from './print.js';

export const SANDBOX_ACTIONS = ['start', 'stop', 'status', 'reset'] as const;

/**
 * `sandbox [start|stop|status|reset]`: the background sandbox of the state
 * directory (src/sandbox/daemon*.ts). `serve` (not listed) is the background
 * process itself. With --endpoint-url the sandbox runs in the foreground over
 * that moto, as it holds its own contents.
 */
export async function sandboxCommand(config: TutorConfig, action: string | undefined): Promise<number> {
  const chosen = action ?? 'start';
  if (chosen === 'serve') {
    const { serveSandbox } = await import('../sandbox/daemon.js');
    return serveSandbox({ stateDir: config.stateDir, region: config.region || 'us-east-1', timeScale: config.timeScale });
  }
  if (!(SANDBOX_ACTIONS as readonly string[]).includes(chosen)) {
    throw badInput(
      text(
        `"sandbox ${chosen}" is not a sandbox command: use start, stop, status or reset.`,
        `「sandbox ${chosen}」というコマンドはありません。start、stop、status、reset のどれかを指定してください。`,
      ),
    );
  }
  const printer = new Printer(config);
  if (config.endpointUrl) {
    if (chosen !== 'start')
      throw badInput(text('--endpoint-url works only with `sandbox start`.', '--endpoint-url は `sandbox start` でのみ使えます。'));
    return sandboxForeground(config, printer);
  }
  if (chosen === 'start') return start(config, printer);
  if (chosen === 'stop') return stop(config, printer);
  if (chosen === 'status') return (await import('../sandbox/daemon-status.js')).sandboxStatus(config, printer);
  return reset(config, printer);
}

async function start(config: TutorConfig, printer: Printer): Promise<number> {
  const { attachSandbox, timeScaleNote } = await import('../sandbox/daemon-client.js');
  const { sandboxEnvLines } = await import('../sandbox/sandbox-env.js');
  const { sandboxDir } = await import('../sandbox/persist.js');
  const region = config.region || 'us-east-1';
  const sandbox = await attachSandbox({ stateDir: config.stateDir, region, timeScale: config.timeScale });
  printer.say(
    sandbox.startedHere
      ? text(
          `Sandbox started in the background (pid ${sandbox.record.pid}).`,
          `サンドボックスをバックグラウンドで起動しました(pid ${sandbox.record.pid})。`,
        )
      : text(
          `The sandbox is already running (pid ${sandbox.record.pid}).`,
          `サンドボックスはすでに動いています(pid ${sandbox.record.pid})。`,
        ),
  );
  if (sandbox.startedHere && sandbox.replayed > 0) {
    printer.say(text('What it held when it last stopped is back.', '前回停止したときの中身を復元しました。'));
  }
  const note = timeScaleNote(sandbox.record, config.timeScale);
  if (note) printer.say(note);
  for (const line of sandboxEnvLines(sandbox, config.lang)) printer.line(line);
  printer.line('');
  printer.say(
    text(
      `Its files (contents, certificate, log) are in ${sandboxDir(config.stateDir)}. It keeps running after this command; \`eks-basics-tutor sandbox stop\` ends it and keeps what it holds, \`eks-basics-tutor sandbox reset\` throws that away.`,
      `ファイル(中身・証明書・ログ)は ${sandboxDir(config.stateDir)} にあります。このコマンドの後も動き続けます。\`eks-basics-tutor sandbox stop\` で停止し(中身は残ります)、\`eks-basics-tutor sandbox reset\` で中身を捨てます。`,
    ),
  );
  return 0;
}

async function stop(config: TutorConfig, printer: Printer): Promise<number> {
  const { stopBackgroundSandbox } = await import('../sandbox/daemon-client.js');
  const stopped = await stopBackgroundSandbox(config.stateDir);
  printer.say(
    stopped
      ? text(
          'Sandbox stopped. What it holds is kept and comes back when it starts again.',
          'サンドボックスを停止しました。中身は残り、次に起動したときに戻ります。',
        )
      : text(`No sandbox is running for ${config.stateDir}.`, `${config.stateDir} のサンドボックスは動いていません。`),
  );
  return 0;
}

async function reset(config: TutorConfig, printer: Printer): Promise<number> {
  const { stopBackgroundSandbox } = await import('../sandbox/daemon-client.js');
  const { sandboxLedgers } = await import('../sandbox/daemon-holds.js');
  const { FILES, sandboxDir } = await import('../sandbox/persist.js');
  const ledgers = (await sandboxLedgers(config.stateDir)).filter((ledger) => ledger.live.length > 0);
  const names = ledgers.map((ledger) => ledger.clusterName).join(', ');
  const question = text(
    `Throw away everything the sandbox holds${names ? ` (the builds ${names} with it)` : ''}? This cannot be undone.`,
    `サンドボックスの中身をすべて捨てますか${names ? `(構築 ${names} も含みます)` : ''}?元に戻せません。`,
  );
  if (!(await confirm(question[config.lang], config.lang, config.yes))) {
    printer.say(text('Nothing was changed.', '何も変更していません。'));
    return 0;
  }
  await stopBackgroundSandbox(config.stateDir);
  const dir = sandboxDir(config.stateDir);
  for (const name of [FILES.recording, FILES.memory, FILES.state]) await rm(join(dir, name), { force: true });
  // The sandbox is stopped and its contents are gone: its builds' ledgers and kubeconfig entries go with them.
  const { removeTutorKubeconfig } = await import('../aws/teardown.js');
  for (const ledger of ledgers) {
    await removeTutorKubeconfig(ledger).catch(() => undefined);
    await ledger.clear();
  }
  printer.say(
    text(
      `The sandbox is empty now${names ? `; the ledgers of ${names} were cleared and their kubeconfig entries removed` : ''}. It starts fresh with the next command.`,
      `サンドボックスを空にしました${names ? `。${names} の台帳を消去し、kubeconfig のエントリーを削除しました` : ''}。次のコマンドで新しく起動します。`,
    ),
  );
  return 0;
}

/** `sandbox --endpoint-url URL`: over a moto the learner runs, in the foreground until Ctrl-C. */
async function sandboxForeground(config: TutorConfig, printer: Printer): Promise<number> {
  const { startSandbox } = await import('../sandbox/index.js');
  const { sandboxEnvLines } = await import('../sandbox/sandbox-env.js');
  const sandbox = await startSandbox({
    timeScale: config.timeScale,
    region: config.region || 'us-east-1',
    ...(config.endpointUrl ? { motoUrl: config.endpointUrl } : {}),
  });
  for (const line of sandboxEnvLines(sandbox, config.lang)) printer.line(line);
  printer.say(text('Press Ctrl-C to stop the sandbox.', 'Ctrl-C でサンドボックスを停止します。'));
  await new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  await sandbox.stop();
  printer.say(text('Sandbox stopped.', 'サンドボックスを停止しました。'));
  return 0;
}
