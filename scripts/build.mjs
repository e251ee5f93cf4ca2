// Bundles the tutor into one minified ESM file, dist/cli.js, with no runtime dependencies.
import { build } from 'esbuild';
import { chmod, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { patchStringWidth } from './string-width-patch.mjs';

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
 * Libraries the first frame does not need — the AWS clients, yaml, execa — are
 * bundled apart, each reduced to the names the sources import from it, and
 * carried in dist/cli.js as text that is compiled the first time the tutor uses
 * them. Node compiles the whole of an ES module before running any of it, and
 * these are half of the code: compiled up front they would cost every start,
 * even `--version`, about 50 ms.
 *
 * Bundling them apart also makes the AWS clients small: the engine is loaded
 * with `import()`, and esbuild keeps every export of a package reached through
 * a lazily loaded module (all 700 EC2 operations and their schemas, 1.1 MB).
 * A name missing from a bundle fails the build ("No matching export"); nothing
 * is ever silently absent.
 */
const DEFERRED = [
  { id: 'aws-sdk', packages: /^@aws-sdk\/client-[\w-]+$/ },
  { id: 'yaml', packages: /^yaml$/ },
  { id: 'execa', packages: /^execa$/ },
];

/** The value names the sources import from each package (type-only imports are left out). */
async function importedNames() {
  const names = new Map();
  const files = (await readdir('src', { recursive: true })).filter((f) => /\.tsx?$/.test(f));
  for (const file of files) {
    const source = await readFile(join('src', file), 'utf8');
    for (const m of source.matchAll(/import\s+(type\s+)?\{([^}]*)\}\s+from\s+'([^'.][^']*)'/g)) {
      if (m[1]) continue;
      const used = names.get(m[3]) ?? new Set();
      for (const part of m[2].split(',').map((p) => p.trim())) if (part && !part.startsWith('type ')) used.add(part.split(/\s+as\s+/)[0]);
      names.set(m[3], used);
    }
  }
  return names;
}

/** Each deferred library as CommonJS text, with the names it must export. */
async function deferredLibraries() {
  const imported = await importedNames();
  const libraries = new Map();
  for (const { id, packages } of DEFERRED) {
    const reexports = [...imported].filter(([pkg]) => packages.test(pkg));
    if (reexports.length === 0) continue;
    const result = await build({
      stdin: {
        contents: reexports.map(([pkg, used]) => `export { ${[...used].sort().join(', ')} } from '${pkg}';`).join('\n'),
        resolveDir: process.cwd(),
        loader: 'js',
        sourcefile: `${id}.js`,
      },
      write: false,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      minify: true,
      legalComments: 'none',
      mainFields: ['module', 'main'],
      plugins: [schemaStaticKeys, builtinsByRequire],
      logLevel: 'warning',
    });
    libraries.set(id, { packages, code: result.outputFiles[0].text, names: [...new Set(reexports.flatMap(([, used]) => [...used]))].sort() });
  }
  return libraries;
}

/**
 * A deferred library runs as a script, where `import()` is not available; the
 * SDK uses it for Node's own modules (`await import("node:http")`). Those are
 * taken with `require` instead, which gives the same module.
 */
const builtinsByRequire = {
  name: 'builtins-by-require',
  setup(b) {
    const builtin = (path) => builtinModules.includes(path.replace(/^node:/, ''));
    b.onResolve({ filter: /.*/ }, (args) => (args.kind === 'dynamic-import' && builtin(args.path) ? { path: args.path, namespace: 'builtin' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'builtin' }, (args) => ({ contents: `module.exports = require(${JSON.stringify(args.path)});`, loader: 'js' }));
  },
};

/** The sources' imports of a deferred library become a module that compiles its text when first initialised. */
function deferred(libraries) {
  return {
    name: 'deferred-libraries',
    setup(b) {
      b.onResolve({ filter: /^[^./]/ }, (args) => {
        if (!/[\\/]src[\\/]/.test(args.importer)) return undefined;
        for (const [id, library] of libraries) if (library.packages.test(args.path)) return { path: id, namespace: 'deferred' };
        return undefined;
      });
      b.onLoad({ filter: /.*/, namespace: 'deferred' }, (args) => {
        const { code, names } = libraries.get(args.path);
        return {
          loader: 'js',
          resolveDir: process.cwd(),
          contents: [
            "import { createRequire } from 'node:module';",
            "import { runInThisContext } from 'node:vm';",
            `const code = ${JSON.stringify(code)};`,
            'const module = { exports: {} };',
            `runInThisContext('(function (exports, require, module) {' + code + '\\n})', { filename: 'eks-basics-tutor/${args.path}.cjs' })(module.exports, createRequire(import.meta.url), module);`,
            `export const { ${names.join(', ')} } = module.exports;`,
          ].join('\n'),
        };
      });
    },
  };
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
 * few emoji differently from each other. The bundle keeps the one Ink uses,
 * changed as scripts/string-width-patch.mjs explains (its test:
 * test/string-width-patch.test.ts).
 */
const oneStringWidth = {
  name: 'one-string-width',
  setup(b) {
    b.onLoad({ filter: /[\\/]node_modules[\\/]string-width[\\/]index\.js$/ }, async (args) => ({
      contents: patchStringWidth(await readFile(args.path, 'utf8')),
      loader: 'js',
      resolveDir: join(args.path, '..'),
    }));
    b.onResolve({ filter: /^string-width$/ }, (args) =>
      /[\\/]node_modules[\\/]wrap-ansi[\\/]/.test(args.importer) ? b.resolve('string-width', { resolveDir: join(process.cwd(), 'node_modules', 'ink'), kind: args.kind }) : undefined,
    );
  },
};

const libraries = await deferredLibraries();

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
  plugins: [noDevtools, deferred(libraries), yogaWithoutFetch, oneStringWidth],
  logLevel: 'warning',
});
await mkdir('.build', { recursive: true });
await writeFile('.build/meta.json', JSON.stringify(result.metafile));
await chmod('dist/cli.js', 0o755);
