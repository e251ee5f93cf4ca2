#!/usr/bin/env node
// The published executable. Node 22.1 and newer keep the compiled bundle in a
// cache on disk (in the system's temp dir, or NODE_COMPILE_CACHE), so every
// start after the first skips compiling it; older releases have no such call.
import module from 'node:module';

module.enableCompileCache?.();
await import('../dist/cli.js');
