import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { TutorConfig } from '../config.js';
import { text } from '../text.js';
import type { Printer } from '../cli/print.js';

/** `sandbox status`: where the sandbox runs, what it holds, and which ledgers use it. */
export async function sandboxStatus(config: TutorConfig, printer: Printer): Promise<number> {
  const { findSandbox } = await import('./daemon-client.js');
  const { holdings, sandboxLedgers } = await import('./daemon-holds.js');
  const { FILES, sandboxDir } = await import('./persist.js');
  const dir = sandboxDir(config.stateDir);
  const record = await findSandbox(config.stateDir);
  const ledgers = await sandboxLedgers(config.stateDir);
  if (!record) {
    const kept = await stat(join(dir, FILES.recording)).then(
      (s) => s.size > 0,
      () => false,
    );
    printer.say(
      kept
        ? text(
            `The sandbox is not running. What it held is kept in ${dir} and comes back with the next command that needs it.`,
            `サンドボックスは動いていません。中身は ${dir} に残っていて、次に必要になったコマンドで戻ります。`,
          )
        : text(`The sandbox is not running and holds nothing yet (${dir}).`, `サンドボックスは動いておらず、まだ何もありません(${dir})。`),
    );
  } else {
    printer.say(
      text(
        `The sandbox is running (pid ${record.pid}, since ${record.startedAt}, time scale ${record.timeScale}).`,
        `サンドボックスは動いています(pid ${record.pid}、${record.startedAt} から、時間の倍率 ${record.timeScale})。`,
      ),
    );
    printer.say(
      text(
        `AWS endpoint: ${record.endpointUrl} (moto_server: ${record.motoUrl})`,
        `AWS エンドポイント: ${record.endpointUrl}(moto_server: ${record.motoUrl})`,
      ),
    );
    printer.say(text(`Files and log: ${dir}`, `ファイルとログ: ${dir}`));
    const regions = [...new Set([record.region, config.region || record.region, ...ledgers.map((l) => l.region)].filter(Boolean))];
    for (const region of regions) {
      const held = await holdings(record.endpointUrl, region);
      if (held.clusters.length === 0 && held.vpcs.length === 0 && region !== record.region) continue;
      printer.say(
        text(
          `${region}: clusters ${held.clusters.join(', ') || '(none)'}; VPCs ${held.vpcs.map((v) => `${v.id} (${v.cidr})`).join(', ') || '(none)'}`,
          `${region}: クラスター ${held.clusters.join('、') || '(なし)'}、VPC ${held.vpcs.map((v) => `${v.id} (${v.cidr})`).join('、') || '(なし)'}`,
        ),
      );
    }
  }
  for (const ledger of ledgers) {
    const live = ledger.live.length;
    const elsewhere = record && ledger.endpoint && ledger.endpoint !== record.endpointUrl ? ledger.endpoint : undefined;
    printer.say(
      text(
        `Ledger ${ledger.clusterName}: ${live} resource${live === 1 ? '' : 's'} recorded (${ledger.path})${elsewhere ? `; made with the sandbox at ${elsewhere}, checked against this one at the next up or down` : ''}`,
        `台帳 ${ledger.clusterName}: 記録されたリソース ${live} 個(${ledger.path})${elsewhere ? `。${elsewhere} のサンドボックスで作成したもので、次の up か down でこのサンドボックスと照合します` : ''}`,
      ),
    );
  }
  return 0;
}
