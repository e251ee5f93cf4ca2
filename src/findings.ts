/** The doctor's findings: the tools, the credentials or the sandbox, the region's zones and the quota headroom; both front ends show them. */
import type { TutorConfig } from './config.js';
import { explainAwsError } from './aws/errors.js';
import { toolFindings, type Finding } from './preflight.js';
import { text } from './text.js';

export async function findings(config: TutorConfig): Promise<Finding[]> {
  const out: Finding[] = [];
  const node = process.versions.node;
  out.push({
    ok: Number(node.split('.')[0]) >= 20,
    label: 'Node.js',
    detail: text(`v${node} (20 or newer needed)`, `v${node}(20 以上が必要)`),
  });
  out.push(...(await toolFindings(config.kubernetesVersion)));

  if (config.mode === 'dry-run') return out;
  const { openSession } = await import('./session.js');
  let session;
  try {
    session = await openSession(config, { lock: false, identify: true });
  } catch (error) {
    out.push({
      ok: false,
      label: config.lang === 'ja' ? '認証情報' : 'Credentials',
      detail: explainAwsError(error).text,
    });
    return out;
  }
  try {
    const { ec2 } = session.engine.clients;
    if (session.sandbox)
      out.push({ ok: true, label: 'Sandbox', detail: text(`moto at ${session.sandbox.motoUrl}`, `moto: ${session.sandbox.motoUrl}`) });
    else
      out.push({
        ok: true,
        label: config.lang === 'ja' ? '認証情報' : 'Credentials',
        detail: text(
          `account ${session.identity?.account} as ${session.identity?.arn}`,
          `アカウント ${session.identity?.account}(${session.identity?.arn})`,
        ),
      });
    // The EC2 client's commands load here, never on the way to the welcome screen's checks.
    const { ec2HeadroomFindings, ec2PermissionFindings, regionFinding } = await import('./preflight-ec2.js');
    out.push(await regionFinding(ec2, session.config));
    out.push(...(await ec2HeadroomFindings(ec2, session.config)));
    if (!session.sandbox) out.push(...(await ec2PermissionFindings(ec2, session.config, session.identity?.arn)));
  } finally {
    await session.close();
  }
  return out;
}
