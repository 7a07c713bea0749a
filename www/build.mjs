// Builds the web UI into one folder that `yishi serve` serves (default
// ../build/www, or --out DIR): index.html and favicon.svg at the top, the
// bundled script and style under assets/ with content hashes in their names
// (cached for a year), and a .gz beside each text file (sent to browsers
// that accept gzip). Nothing is fetched from elsewhere at run time.
import { build } from 'esbuild';
import { gzipSync, constants } from 'node:zlib';
import { mkdirSync, readFileSync, rmSync, writeFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const outIndex = args.indexOf('--out');
const out = resolve(outIndex >= 0 ? args[outIndex + 1] : join(here, '..', 'build', 'www'));

rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, 'assets'), { recursive: true });

const result = await build({
  entryPoints: { app: join(here, 'src', 'main.js') },
  bundle: true,
  minify: true,
  format: 'esm',
  // Old phones: Chrome 67 (Android WebViews of 2018), iOS 15 (iPhone 6s and
  // later; esbuild cannot lower destructuring for older Safari).
  target: ['es2018', 'chrome67', 'firefox68', 'safari15'],
  // The election crypto computes with BigInt, which all of these have
  // (Chrome 67, Firefox 68, Safari 14); esbuild's es2018 would refuse it.
  supported: { bigint: true },
  // The ballot's crypto is its own chunk, loaded by a dynamic import() only
  // on the voting pages: the first visit does not carry it.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  outdir: join(out, 'assets'),
  entryNames: '[name]-[hash]',
  assetNames: '[name]-[hash]',
  loader: { '.json': 'json' },
  metafile: true,
  legalComments: 'none',
  // Chinese as UTF-8 (3 bytes a character), not \uXXXX escapes (6).
  charset: 'utf8',
  logLevel: 'warning',
});

const url = (p) => '/' + relative(out, resolve(p)).split('\\').join('/');
const outputs = Object.keys(result.metafile.outputs).map(url);
const entry = Object.entries(result.metafile.outputs).find(
  ([p, o]) => o.entryPoint && resolve(o.entryPoint) === join(here, 'src', 'main.js') && p.endsWith('.js'),
);
const js = entry && url(entry[0]);
const css = outputs.find((p) => p.endsWith('.css'));
if (!js || !css) throw new Error('the build made no script or no style: ' + outputs.join(', '));

// The chunks the entry imports statically are fetched beside it, not after
// it has been parsed.
const firstChunks = entry[1].imports.filter((i) => i.kind === 'import-statement').map((i) => url(i.path));
const preloads = firstChunks.map((p) => `<link rel="modulepreload" href="${p}">`).join('\n');
const template = readFileSync(join(here, 'src', 'index.html'), 'utf8');
writeFileSync(
  join(out, 'index.html'),
  template.replace('{{js}}', js).replace('{{css}}', css).replace('{{preloads}}', preloads),
);
writeFileSync(join(out, 'favicon.svg'), readFileSync(join(here, 'src', 'favicon.svg')));

// Precompressed copies, only where they are smaller.
const compressible = /\.(html|js|css|svg|json)$/;
function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (compressible.test(name)) {
      const bytes = readFileSync(path);
      const gz = gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION });
      if (gz.length < bytes.length) writeFileSync(path + '.gz', gz);
    }
  }
}
walk(out);

let total = 0;
for (const p of ['/index.html', js, css, ...firstChunks]) {
  const file = join(out, p);
  let size = statSync(file).size;
  try {
    size = statSync(file + '.gz').size;
  } catch {}
  total += size;
}
console.log(`www: built into ${out} (${js}, ${css}; first visit ${(total / 1024).toFixed(1)} KiB gzipped)`);
