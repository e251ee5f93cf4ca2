// Bundles the tutor into dist/: dist/cli.js, the entry (bin/eks-basics-tutor.js
// imports it), and the chunks it loads with import() when they are first needed.
// No runtime dependencies.
import { build } from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';

// --profile: the same bundle, not minified (readable names in a CPU profile), in .build/profile/.
const profile = process.argv.includes('--profile');
const OUT = profile ? '.build/profile' : 'dist';
const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));
const require = createRequire(import.meta.url);

/**
 * The one patch that stays, pinned to the versions it was checked on. A newer
 * version fails the build here, with the upstream issue to look at: when the fix
 * has shipped, the patch goes; otherwise check it against the new files and
 * move the pin.
 *
 * The AWS SDK's generated schemas write their trait keys as computed keys of
 * constant strings (`{ [_e]: _c }` with `const _e = "error"`); esbuild cannot
 * prove those free of side effects and keeps every schema of a client, used or
 * not (all 700 EC2 operations: 675 KB instead of 6 KB). Writing the constant in
 * place (`{ "error": _c }`) changes nothing at run time.
 * Upstream: aws/aws-sdk-js-v3#7607, fix in smithy-lang/smithy-typescript#1889.
 */
const SCHEMA_KEYS_CHECKED = {
  '@aws-sdk/client-ec2': '3.1169.0',
  '@aws-sdk/client-eks': '3.1175.0',
  '@aws-sdk/client-elastic-load-balancing': '3.1075.0',
  '@aws-sdk/client-elastic-load-balancing-v2': '3.1142.0',
  '@aws-sdk/client-iam': '3.1169.0',
  '@aws-sdk/client-sts': '3.1174.0',
};

function installedVersion(name) {
  return JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')).version;
}

for (const [name, checked] of Object.entries(SCHEMA_KEYS_CHECKED)) {
  const installed = installedVersion(name);
  if (installed !== checked) {
    throw new Error(
      `${name} is ${installed}; scripts/build.mjs writes its schema keys in place and was checked on ${checked} only. ` +
        'See aws/aws-sdk-js-v3#7607 (smithy-lang/smithy-typescript#1889): if the release has the fix, remove the schema-keys plugin; ' +
        `otherwise check that schemas_*.js still has \`const _x = "..."\` constants used as \`[_x]:\` keys, and set ${name} to ${installed} in SCHEMA_KEYS_CHECKED.`,
    );
  }
}

const schemaStaticKeys = {
  name: 'aws-schema-static-keys',
  setup(b) {
    b.onLoad({ filter: /@aws-sdk[\\/]client-[^\\/]+[\\/]dist-es[\\/]schemas[\\/]schemas_\d+\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const constants = new Map();
      for (const m of source.matchAll(/^const (_\w+) = ("[^"\\]*");$/gm)) constants.set(m[1], m[2]);
      if (constants.size === 0)
        throw new Error(
          `${args.path}: no string constants found; the schema-keys plugin does not fit this SDK release (aws/aws-sdk-js-v3#7607)`,
        );
      return {
        contents: source.replace(/\[(_\w+)\]:/g, (all, name) => (constants.has(name) ? `${constants.get(name)}:` : all)),
        loader: 'js',
      };
    });
  },
};

/**
 * `const { X } = await import('@aws-sdk/client-ec2')` would keep every export of
 * the client (esbuild keeps a whole namespace that is reached with import()):
 * such an import is given a module that re-exports only the names it takes.
 * Any other form of import() of a client fails the build: import the client
 * statically in a module that is itself loaded with import().
 */
const narrowSdkImports = {
  name: 'narrow-sdk-imports',
  setup(b) {
    b.onResolve({ filter: /^@aws-sdk\/client-[\w-]+$/ }, async (args) => {
      if (args.kind !== 'dynamic-import' || args.namespace !== 'file') return undefined;
      const source = await readFile(args.importer, 'utf8');
      const quoted = args.path.replace(/[/\\-]/g, '\\$&');
      const forms = [...source.matchAll(new RegExp(`import\\(\\s*(['"])${quoted}\\1\\s*\\)`, 'g'))].length;
      const taking = [
        ...source.matchAll(new RegExp(`const\\s*\\{([^}]*)\\}\\s*=\\s*await\\s+import\\(\\s*(['"])${quoted}\\2\\s*\\)`, 'g')),
      ];
      const names = taking.flatMap((m) =>
        m[1]
          .split(',')
          .map((n) => n.trim())
          .filter(Boolean),
      );
      if (taking.length !== forms || names.some((n) => !/^\w+$/.test(n))) {
        return {
          errors: [
            {
              text: `${args.importer}: import('${args.path}') must be \`const { Name, ... } = await import('${args.path}')\`, or a static import in a lazily loaded module`,
            },
          ],
        };
      }
      return { path: `${args.path}?${[...new Set(names)].sort().join(',')}`, namespace: 'sdk-names' };
    });
    b.onLoad({ filter: /.*/, namespace: 'sdk-names' }, (args) => {
      const [pkgName, names] = args.path.split('?');
      return { contents: `export { ${names.split(',').join(', ')} } from '${pkgName}';`, resolveDir: process.cwd(), loader: 'js' };
    });
  },
};

/**
 * `src/options.ts` checks a region against the SDK's partition data. Through the
 * `@aws-sdk/core/client` barrel that import would load every module the barrel
 * re-exports (about 145 KB, before anything, `--version` included); it is given
 * the barrel's own partition module instead, the same one the clients reach.
 */
const partitionOnly = {
  name: 'partition-only',
  setup(b) {
    const file = join(
      dirname(require.resolve('@aws-sdk/core/package.json')),
      'dist-es/submodules/client/util-endpoints/lib/aws/partition.js',
    );
    b.onResolve({ filter: /^@aws-sdk\/core\/client$/ }, (args) => {
      if (!/[\\/]src[\\/]options\.ts$/.test(args.importer)) return undefined;
      if (!existsSync(file)) return { errors: [{ text: `${file} is missing: see partitionOnly in scripts/build.mjs` }] };
      return { path: file };
    });
  },
};

/** Ink imports react-devtools-core (and its own bridge to it, with a WebSocket library) only when DEV=true; neither is shipped. */
const noDevtools = {
  name: 'no-react-devtools',
  setup(b) {
    b.onResolve({ filter: /^react-devtools-core$/ }, () => ({ path: 'react-devtools-core', namespace: 'stub' }));
    b.onResolve({ filter: /^\.\/devtools\.js$/ }, (args) =>
      /[\\/]ink[\\/]build[\\/]/.test(args.importer) ? { path: 'ink-devtools', namespace: 'stub' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({
      contents: 'export default { initialize() {}, connectToDevTools() {} };',
      loader: 'js',
    }));
  },
};

// A second string-width (wrap-ansi asks for 7, Ink for 8) would build its own Unicode tables before the
// first frame; package.json's `overrides` gives wrap-ansi Ink's.
if (existsSync('node_modules/wrap-ansi/node_modules/string-width')) {
  console.warn("build: wrap-ansi has its own string-width; run npm install so that package.json's overrides apply");
}

const result = await build({
  entryPoints: { cli: 'src/cli.ts' },
  outdir: OUT,
  entryNames: '[name]',
  chunkNames: 'chunks/[name]-[hash]',
  metafile: true,
  write: false,
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: !profile,
  legalComments: 'none',
  mainFields: ['module', 'main'],
  jsx: 'automatic',
  define: {
    'process.env.NODE_ENV': '"production"',
    __TUTOR_VERSION__: JSON.stringify(pkg.version),
  },
  // CommonJS libraries inside an ES module bundle (commander, React) call require, __filename and __dirname.
  banner: {
    js: [
      "import { createRequire as __createRequire } from 'node:module';",
      "import { fileURLToPath as __fileURLToPath } from 'node:url';",
      "import { dirname as __pathDirname } from 'node:path';",
      'const require = __createRequire(import.meta.url);',
      'const __filename = __fileURLToPath(import.meta.url);',
      'const __dirname = __pathDirname(__filename);',
    ].join('\n'),
  },
  plugins: [noDevtools, schemaStaticKeys, narrowSdkImports, partitionOnly],
  logLevel: 'warning',
});
// Others may be running the program while it is rebuilt (the tests do): every file is written
// whole under a temporary name and renamed into place, the chunks before the entry that imports them.
const written = new Set();
const isEntry = (file) => file.path.endsWith(`/${OUT}/cli.js`);
const outputs = [...result.outputFiles].sort((a, b) => Number(isEntry(a)) - Number(isEntry(b)));
await mkdir(`${OUT}/chunks`, { recursive: true });
for (const file of outputs) {
  const entry = isEntry(file);
  const temporary = `${file.path}.${process.pid}.tmp`;
  await writeFile(temporary, entry ? `#!/usr/bin/env node\n${file.text}` : file.contents, { mode: entry ? 0o755 : 0o644 });
  await rename(temporary, file.path);
  written.add(file.path);
}
// Chunks of earlier builds: a program started before this build may still load one, so they go only
// after ten minutes, or at once with --clean (npm pack: only this build's files are shipped).
const clean = process.argv.includes('--clean');
for (const name of await readdir(`${OUT}/chunks`)) {
  const path = join(process.cwd(), OUT, 'chunks', name);
  if (written.has(path)) continue;
  if (clean || Date.now() - (await stat(path)).mtimeMs > 10 * 60_000) await rm(path, { force: true });
}
await mkdir('.build', { recursive: true });
if (!profile) await writeFile('.build/meta.json', JSON.stringify(result.metafile));
