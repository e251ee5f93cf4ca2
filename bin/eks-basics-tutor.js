#!/usr/bin/env node
// The published executable. Node 22.1 and newer keep the compiled bundle in a
// cache on disk (in the system's temp dir, or NODE_COMPILE_CACHE), so every
// start after the first skips compiling it; older releases have no such call.
import module from 'node:module';
import { PerformanceObserver } from 'node:perf_hooks';
import v8 from 'node:v8';

// V8's young generation (two semi-spaces) doubles each time a scavenge finds
// many objects still alive, which start-up does until it reaches 2 × 16 MB, and
// stays that size while anything allocates steadily (the TUI's frames during a
// wait of minutes). It stops growing at 2 × 8 MB: 16 MB less memory, a scavenge
// every few frames instead of every few more. A smaller one (2 × 4 MB) promotes
// each frame's objects to the old generation, which then grows instead, and costs
// more to collect. V8 reads the growth factor at each growth (the size limits
// only at start), so it is set once the young generation has reached 2 × 8 MB.
const YOUNG_MAX = 2 * 8 * 1024 * 1024;
const young = new PerformanceObserver(() => {
  const space = v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
  if (space && space.space_size < YOUNG_MAX) return;
  v8.setFlagsFromString('--semi-space-growth-factor=1');
  young.disconnect();
});
young.observe({ entryTypes: ['gc'] });

module.enableCompileCache?.();
await import('../dist/cli.js');
