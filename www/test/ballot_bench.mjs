// A benchmark, not a test: the time to build (encrypt, prove, sign) a
// 20-option ballot in the browser, through the voting page, in headless
// Chromium at full speed and with the CPU slowed 4x (an old phone). The
// committee opens a demo project vote of 20 options (choose 1 to 5); a
// verified resident enrolls and votes several times (the last one counts).
// Prints figures; asserts nothing.
//
//   node test/ballot_bench.mjs --base http://127.0.0.1:PORT --logins DATA_DIR/demo-logins.json
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const arg = (name, fallback) => {
  const i = process.argv.indexOf('--' + name);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const base = arg('base');
const demo = JSON.parse(readFileSync(arg('logins'), 'utf8'));
const runs = Number(arg('runs', '5'));
const passwordOf = (login) => demo.logins.find((l) => l.login === login).password;
const listed = await (await fetch(`${base}/api/v1/communities?district=1`)).json();
const community = listed.items.find((c) => c.name === '友谊一村');

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-dev-shm-usage'],
});
async function logIn(login) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(base + '/login');
  await page.getByLabel('用户名').fill(login);
  await page.getByLabel('密码').fill(passwordOf(login));
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('heading', { name: /您好/ }).waitFor();
  return page;
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
try {
  const committee = await logIn('committee1');
  const election = await committee.evaluate(async (cid) => {
    const me = await (await fetch('/api/v1/me')).json();
    const options = Array.from({ length: 20 }, (_, i) => ({ label: 'Option ' + (i + 1), cost: 100000 * (i + 1) }));
    const r = await fetch(`/api/v1/communities/${cid}/elections`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrf_token },
      body: JSON.stringify({ kind: 'approval', title: 'Bench: 20 options', options, min: 1, max: 5,
        budget: 1000000, rule: 'greedy', closes_at: Math.floor(Date.now() / 1000) + 3600, trustees: 'demo' }),
    });
    if (r.status !== 201) throw new Error('the election was not created: ' + (await r.text()));
    return r.json();
  }, community.id);

  const page = await logIn('resident2');
  const cdp = await page.context().newCDPSession(page);
  await page.goto(`${base}/elections/${election.id}`);
  await page.getByRole('button', { name: '登记投票凭证' }).click();
  const times = { 1: [], 4: [] };
  for (const rate of [1, 4]) {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    for (let run = 0; run < runs; run++) {
      await page.goto(`${base}/elections/${election.id}/vote`);
      for (const i of [1, 3, 5]) await page.getByLabel(new RegExp('^Option ' + i + ' ')).check();
      await page.getByRole('button', { name: '下一步' }).click();
      await page.getByRole('button', { name: '确认投票' }).click();
      await page.getByText('投票成功').waitFor({ timeout: 60000 });
      times[rate].push(await page.evaluate(() => performance.getEntriesByName('yishi.ballot.build').at(-1).duration));
    }
  }
  console.log(`  a 20-option ballot (choose 1 to 5) built in the browser: median ${median(times[1]).toFixed(0)} ms ` +
    `of ${runs} (goal < 1000 ms); with the CPU slowed 4x ${median(times[4]).toFixed(0)} ms`);
} finally {
  await browser.close();
}
