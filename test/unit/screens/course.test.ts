import { describe, expect, it } from 'vitest';
import { expectedRunMs } from '../../../src/screens/state/course.js';
import { roughDuration } from '../../../src/screens/format.js';
import type { StepNumber } from '../../../src/aws/types.js';

const STEPS: StepNumber[] = [1, 2, 3, 4, 5];

describe('how long a step’s run usually takes', () => {
  it('is the slowest wait of what the step makes: the NAT gateway, the control plane, the node group', () => {
    const real = { nat: 'single', mode: 'real' as const, timeScale: 1 };
    expect(STEPS.map((step) => roughDuration(expectedRunMs(step, real)).en)).toEqual(['~10 s', '~2 min', '~9 min', '~5 s', '~4 min']);
  });

  it('is the requests alone for a VPC without a NAT gateway', () => {
    expect(roughDuration(expectedRunMs(2, { nat: 'none', mode: 'real', timeScale: 1 })).en).toBe('~15 s');
  });

  it('runs at the sandbox’s pace in the sandbox', () => {
    expect(expectedRunMs(3, { nat: 'single', mode: 'sandbox', timeScale: 0.01 })).toBe(
      expectedRunMs(3, { nat: 'single', mode: 'real', timeScale: 0.01 }) * 0.01,
    );
  });
});
