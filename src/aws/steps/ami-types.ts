/**
 * The AL2023 AMI type a managed node group needs for an instance type: the
 * processor (x86-64 or Arm/Graviton) and the accelerator (NVIDIA, Neuron) of
 * its family. AL2 AMIs ended on 2025-11-26 and exist for no current version.
 */
import { text, type Text } from '../../text.js';

export type AmiType =
  'AL2023_x86_64_STANDARD' | 'AL2023_ARM_64_STANDARD' | 'AL2023_x86_64_NVIDIA' | 'AL2023_ARM_64_NVIDIA' | 'AL2023_x86_64_NEURON';

/** x86-64 general, compute, memory, storage and HPC families (Intel and AMD). */
const X86 = new Set(['t', 'm', 'c', 'r', 'x', 'z', 'i', 'd', 'h', 'u', 'hpc', 'im', 'is']);
/** NVIDIA GPU families. */
const NVIDIA = new Set(['g', 'gr', 'p']);
const NEURON = new Set(['inf', 'trn']);

export type AmiChoice = { ok: true; amiType: AmiType } | { ok: false; why: Text };

export function amiTypeFor(instanceType: string): AmiChoice {
  const family = instanceType.split('.')[0] ?? '';
  const parts = /^([a-z]+)(\d+)([a-z-]*)$/.exec(family);
  if (family === 'a1') return { ok: true, amiType: 'AL2023_ARM_64_STANDARD' };
  if (!parts)
    return {
      ok: false,
      why: text(`${instanceType} is not an instance type the tutor knows`, `${instanceType} はチューターが知らないインスタンスタイプです`),
    };
  const [, letters = '', , suffix = ''] = parts;
  // Graviton families carry a `g` after the generation: c6g, m7gd, t4g, r8g, im4gn, is4gen, g5g.
  const arm = suffix.includes('g');
  if (NVIDIA.has(letters)) {
    if (suffix.includes('a') && !arm) {
      return {
        ok: false,
        why: text(
          `${instanceType} has an AMD GPU, for which EKS has no AL2023 node AMI`,
          `${instanceType} は AMD GPU を持ち、EKS にはそのための AL2023 ノード AMI がありません`,
        ),
      };
    }
    return { ok: true, amiType: arm ? 'AL2023_ARM_64_NVIDIA' : 'AL2023_x86_64_NVIDIA' };
  }
  if (NEURON.has(letters)) return { ok: true, amiType: 'AL2023_x86_64_NEURON' };
  if (X86.has(letters)) return { ok: true, amiType: arm ? 'AL2023_ARM_64_STANDARD' : 'AL2023_x86_64_STANDARD' };
  return {
    ok: false,
    why: text(
      `${instanceType} belongs to the ${letters} family, which EKS managed node groups do not run (Mac, FPGA and media instances)`,
      `${instanceType} は ${letters} ファミリーで、EKS のマネージドノードグループでは使えません(Mac・FPGA・メディア用インスタンス)`,
    ),
  };
}
