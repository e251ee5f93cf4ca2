import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Seconds each file took in a whole run on a two-core machine, for a clone
 * without vitest's cache (node_modules/.vite/vitest/results.json). A file not
 * in it gets its tier's guess below; the cache, once there, wins.
 */
const RECORDED = JSON.parse(readFileSync(new URL('./file-seconds.json', import.meta.url), 'utf8')) as Record<string, number>;
const GUESS: Record<string, number> = { e2e: 60, engine: 20, unit: 1 };

/**
 * The longest files start first, so the last file to finish is a short one and
 * the workers end together: with the e2e files taking minutes and the unit files
 * a second or two, a long file started last would run on alone.
 */
export default class LongestFirst extends BaseSequencer {
  override sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const root = this.ctx.config.root;
    const seconds = (spec: TestSpecification): number => {
      const path = relative(root, spec.moduleId);
      const cached = this.ctx.cache.getFileTestResults(`${spec.project.name}:${path}`)?.duration;
      if (cached) return cached / 1000;
      return RECORDED[path] ?? GUESS[spec.project.name] ?? 0;
    };
    const weight = new Map(files.map((spec) => [spec, seconds(spec)]));
    return Promise.resolve([...files].sort((a, b) => weight.get(b)! - weight.get(a)!));
  }
}
