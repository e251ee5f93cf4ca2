// Bundles the tutor into one minified ESM file, dist/cli.js, with no runtime dependencies.
import { build } from 'esbuild';
import { chmod, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));

/** ink imports react-devtools-core only when DEV is set; neither it nor Ink's bridge to it is shipped. */
const noDevtools = {
  name: 'no-react-devtools',
  setup(b) {
    b.onResolve({ filter: /^react-devtools-core$/ }, () => ({ path: 'react-devtools-core', namespace: 'stub' }));
    // Ink loads its devtools bridge (and with it a WebSocket library) only when DEV=true.
    b.onResolve({ filter: /^\.\/devtools\.js$/ }, (args) => (/[\\/]ink[\\/]build[\\/]/.test(args.importer) ? { path: 'ink-devtools', namespace: 'stub' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({ contents: 'export default { initialize() {}, connectToDevTools() {} };', loader: 'js' }));
  },
};

/**
 * The AWS clients, reduced to what the tutor uses. The engine is loaded with
 * `import()`, and esbuild keeps every export of a package reached through a
 * lazily loaded module: all 700 EC2 operations and their schemas, 1.1 MB that
 * Node would compile at every start. So the names the sources import from
 * `@aws-sdk/client-*` are bundled first, on their own, where esbuild drops the
 * rest; the tutor's build then takes the clients from that file. A name missing
 * here fails the build ("No matching export"), it is never silently absent.
 */
async function sdkFacade() {
  const names = new Map();
  const files = (await readdir('src', { recursive: true })).filter((f) => /\.tsx?$/.test(f));
  for (const file of files) {
    const source = await readFile(join('src', file), 'utf8');
    for (const m of source.matchAll(/import\s+(type\s+)?\{([^}]*)\}\s+from\s+'(@aws-sdk\/client-[\w-]+)'/g)) {
      if (m[1]) continue;
      const used = names.get(m[3]) ?? new Set();
      for (const part of m[2].split(',').map((p) => p.trim())) if (part && !part.startsWith('type ')) used.add(part.split(/\s+as\s+/)[0]);
      names.set(m[3], used);
    }
  }
  const contents = [...names].map(([pkg, used]) => `export { ${[...used].sort().join(', ')} } from '${pkg}';`).join('\n');
  await mkdir('.build', { recursive: true });
  await build({
    stdin: { contents, resolveDir: process.cwd(), loader: 'js', sourcefile: 'aws-sdk-facade.js' },
    outfile: '.build/aws-sdk.js',
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    mainFields: ['module', 'main'],
    plugins: [schemaStaticKeys],
    logLevel: 'warning',
  });
  return new Set(names.keys());
}

/**
 * The SDK's generated schemas write their trait keys as computed keys of
 * constant strings (`{ [_xN]: _TSa }` with `const _xN = "xmlName"`); esbuild
 * cannot prove those side-effect free and so keeps every schema, used or not.
 * Writing the constant in place (`{ "xmlName": _TSa }`) changes nothing at run
 * time and lets the unused ones go.
 */
const schemaStaticKeys = {
  name: 'aws-schema-static-keys',
  setup(b) {
    b.onLoad({ filter: /@aws-sdk[\\/]client-[^\\/]+[\\/]dist-es[\\/]schemas[\\/]schemas_\d+\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const constants = new Map();
      for (const m of source.matchAll(/^const (_\w+) = ("[^"\\]*");$/gm)) constants.set(m[1], m[2]);
      return { contents: source.replace(/\[(_\w+)\]:/g, (all, name) => (constants.has(name) ? `${constants.get(name)}:` : all)), loader: 'js' };
    });
  },
};

/**
 * yoga-layout (Ink's layout engine) is built for browsers: it gets its embedded
 * WebAssembly from a data: URL with `fetch` whenever `fetch` exists, and in
 * Node the first touch of `fetch` loads undici, about 70 ms before the first
 * frame. Taking its own synchronous base64 path instead gives the same bytes.
 */
const yogaWithoutFetch = {
  name: 'yoga-without-fetch',
  setup(b) {
    b.onLoad({ filter: /yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const test = '"function"!=typeof fetch';
      const count = source.split(test).length - 1;
      if (count !== 2) throw new Error(`yoga-layout changed: expected 2 fetch tests in ${args.path}, found ${count}`);
      return { contents: source.replaceAll(test, '!0'), loader: 'js' };
    });
  },
};

/**
 * wrap-ansi asks for string-width 7, Ink and its other helpers for 8: two copies
 * would each build their Unicode tables before the first frame, and measure a
 * few emoji differently from each other. The bundle keeps the one Ink uses.
 */
const oneStringWidth = {
  name: 'one-string-width',
  setup(b) {
    b.onResolve({ filter: /^string-width$/ }, (args) =>
      /[\\/]node_modules[\\/]wrap-ansi[\\/]/.test(args.importer) ? b.resolve('string-width', { resolveDir: join(process.cwd(), 'node_modules', 'ink'), kind: args.kind }) : undefined,
    );
  },
};

const clients = await sdkFacade();
const fromFacade = {
  name: 'aws-sdk-facade',
  setup(b) {
    b.onResolve({ filter: /^@aws-sdk\/client-[\w-]+$/ }, (args) => (clients.has(args.path) ? { path: join(process.cwd(), '.build', 'aws-sdk.js') } : undefined));
  },
};

const result = await build({
  entryPoints: ['src/cli.ts'],
  metafile: true,
  outfile: 'dist/cli.js',
  bundle: true,
  splitting: false,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: true,
  legalComments: 'none',
  mainFields: ['module', 'main'],
  jsx: 'automatic',
  define: {
    'process.env.NODE_ENV': '"production"',
    __TUTOR_VERSION__: JSON.stringify(pkg.version),
  },
  banner: {
    js: [
      '#!/usr/bin/env node',
      "import { createRequire as __createRequire } from 'node:module';",
      "import { fileURLToPath as __fileURLToPath } from 'node:url';",
      "import { dirname as __pathDirname } from 'node:path';",
      'const require = __createRequire(import.meta.url);',
      'const __filename = __fileURLToPath(import.meta.url);',
      'const __dirname = __pathDirname(__filename);',
    ].join('\n'),
  },
  plugins: [noDevtools, fromFacade, yogaWithoutFetch, oneStringWidth],
  logLevel: 'warning',
});
await writeFile('.build/meta.json', JSON.stringify(result.metafile));
await chmod('dist/cli.js', 0o755);
