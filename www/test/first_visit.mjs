// A benchmark, not a test: the bytes and the time of a first visit to a
// community's home page, in headless Chromium with the CPU slowed 4x (an old
// phone). Prints figures; asserts nothing.
//
//   node test/first_visit.mjs --base http://127.0.0.1:PORT [--community 1]
import { chromium } from 'playwright-core';

const arg = (name, fallback) => {
  const i = process.argv.indexOf('--' + name);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const base = arg('base');
const community = arg('community', '1');
const runs = Number(arg('runs', '5'));

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-dev-shm-usage'],
});
const renders = [];
const paints = [];
let bytes = null;
try {
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'zh-CN' });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    const types = new Map();
    const sizes = { Document: 0, Script: 0, Stylesheet: 0, XHR: 0, Fetch: 0, Other: 0 };
    cdp.on('Network.responseReceived', (e) => types.set(e.requestId, e.type));
    cdp.on('Network.loadingFinished', (e) => {
      const type = types.get(e.requestId) || 'Other';
      sizes[type in sizes ? type : 'Other'] += e.encodedDataLength;
    });
    await page.goto(`${base}/c/${community}`, { waitUntil: 'commit' });
    // The first render a person can use: the community's name as the title.
    await page.waitForFunction(() => {
      const h1 = document.querySelector('main h1');
      return h1 && h1.textContent.trim().length > 0 && !document.querySelector('.loading');
    });
    const timing = await page.evaluate(() => ({
      ready: performance.now(),
      fcp: (performance.getEntriesByName('first-contentful-paint')[0] || {}).startTime || null,
    }));
    renders.push(timing.ready);
    if (timing.fcp) paints.push(timing.fcp);
    await page.waitForLoadState('networkidle');
    if (bytes === null) bytes = sizes;
    await context.close();
  }
} finally {
  await browser.close();
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const shell = bytes.Document + bytes.Script + bytes.Stylesheet;
console.log(`  first visit to /c/${community}: HTML+JS+CSS ${(shell / 1024).toFixed(1)} KiB over the wire ` +
  `(goal < 150 KB); API calls ${((bytes.XHR + bytes.Fetch) / 1024).toFixed(1)} KiB`);
console.log(`  first render with the CPU slowed 4x: median ${median(renders).toFixed(0)} ms of ${runs} ` +
  `(goal < 1500 ms); first contentful paint ${paints.length ? median(paints).toFixed(0) + ' ms' : 'n/a'}`);
