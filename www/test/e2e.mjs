// End to end: a real `yishi serve --demo` (fresh port, temporary data) and
// headless Chromium. A person joins with the community's code, the
// committee verifies them, the resident raises a topic, the committee
// screens it with a public reason, the resident comments and a neighbour
// supports it. axe-core checks every page visited for WCAG 2.1 AA; the main
// pages are photographed at 360 and 1280 px into --shots.
//
//   node test/e2e.mjs --yishi build/core/app/yishi --www build/www --shots build/www-screenshots
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const arg = (name, fallback) => {
  const i = process.argv.indexOf('--' + name);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const yishi = resolve(arg('yishi', '../build/core/app/yishi'));
const www = resolve(arg('www', '../build/www'));
const shots = resolve(arg('shots', '../build/www-screenshots'));
const browserPath = process.env.CHROMIUM || '/usr/bin/chromium';

let passed = 0;
const failures = [];
function check(ok, what) {
  if (ok) passed++;
  else failures.push(what);
  console.log((ok ? 'ok   ' : 'FAIL ') + what);
}

// --- the server -------------------------------------------------------------
const data = mkdtempSync(join(tmpdir(), 'yishi-e2e-'));
const server = spawn(yishi, ['serve', '--demo', '--port', '0', '--data-dir', data, '--www-dir', www,
  '--stop-on-stdin-eof'], { stdio: ['pipe', 'pipe', 'pipe'] });
let serverOut = '';
server.stderr.on('data', () => {});
const port = await new Promise((ok, fail) => {
  const timer = setTimeout(() => fail(new Error('yishi did not start: ' + serverOut)), 30000);
  server.stdout.on('data', (chunk) => {
    serverOut += chunk;
    const m = serverOut.match(/listening on http:\/\/127\.0\.0\.1:(\d+)/);
    if (m) {
      clearTimeout(timer);
      ok(Number(m[1]));
    }
  });
  server.on('exit', (code) => fail(new Error('yishi exited ' + code + ': ' + serverOut)));
});
const base = `http://127.0.0.1:${port}`;
const demo = JSON.parse(readFileSync(join(data, 'demo-logins.json'), 'utf8'));
const listed = await (await fetch(`${base}/api/v1/communities?district=1`)).json();
const community = { ...listed.items.find((c) => c.name === '友谊一村'), join_code: demo.join_codes['友谊一村'] };
const passwordOf = (login) => demo.logins.find((l) => l.login === login).password;

// --- the browser -------------------------------------------------------------
const browser = await chromium.launch({
  executablePath: browserPath,
  args: ['--no-sandbox', '--disable-dev-shm-usage'],
});
// axe is injected by the test (bypassCSP); the app itself runs under its CSP.
const phone = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 1, bypassCSP: true, locale: 'zh-CN' };
const desktop = { viewport: { width: 1280, height: 900 }, bypassCSP: true, locale: 'zh-CN' };

const axeSeen = new Set();
async function audit(page, name) {
  await page.waitForSelector('main h1');
  await page.waitForFunction(() => !document.querySelector('.loading'));
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(() =>
    window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }),
  );
  const v = result.violations.map((x) => `${x.id}: ${x.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
  check(v.length === 0, `axe WCAG 2.1 AA on ${name}${v.length ? ' -> ' + v.join('; ') : ''}`);
  // Targets a finger can hit, text an old eye can read.
  const small = await page.evaluate(() =>
    // A check box's target is its whole label (.choice).
    [...document.querySelectorAll('button, input:not([type=radio]):not([type=checkbox]), textarea, a.button, a.card, .navlink, .tool, .chip, .choice, .crumbs a')]
      .filter((e) => e.offsetParent !== null)
      .filter((e) => e.getBoundingClientRect().height < 44)
      .map((e) => e.tagName + '.' + e.className + ' ' + (e.textContent || '').trim().slice(0, 20)),
  );
  check(small.length === 0, `touch targets >= 44 px on ${name}${small.length ? ' -> ' + small.join('; ') : ''}`);
  axeSeen.add(name);
}

async function shoot(page, name) {
  mkdirSync(shots, { recursive: true });
  const size = page.viewportSize();
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: width === 360 ? 740 : 900 });
    await page.screenshot({ path: join(shots, `${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize(size);
}

const started = Date.now();
try {
  const residentContext = await browser.newContext(phone);
  const resident = await residentContext.newPage();
  const committeeContext = await browser.newContext(desktop);
  const committee = await committeeContext.newPage();

  // 1. The home page, as a visitor.
  await resident.goto(base + '/');
  await audit(resident, 'home (visitor)');
  const fontSize = await resident.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
  check(fontSize >= 18, `base text is ${fontSize} px (>= 18)`);
  await shoot(resident, 'home');

  // 2. A new person joins with the community's code.
  await resident.getByRole('link', { name: '加入社区' }).first().click();
  await audit(resident, 'join: choose a community');
  await resident.getByRole('link', { name: /友谊一村/ }).click();
  await resident.getByLabel('社区码').fill('WRONG123');
  await resident.getByLabel('怎么称呼您').fill('赵大爷');
  await resident.getByLabel('用户名').fill('zhao.daye');
  await resident.getByLabel('密码').fill('zhao-daye-2026');
  await resident.getByRole('button', { name: '申请加入' }).click();
  await resident.getByText('社区码不对').waitFor();
  check(true, 'a wrong code is explained in plain words');
  await audit(resident, 'join form with an error');
  await shoot(resident, 'join');
  await resident.getByLabel('社区码').fill(community.join_code.toLowerCase());
  await resident.getByRole('button', { name: '申请加入' }).click();
  await resident.getByText('申请已提交').waitFor();
  check(true, 'the join request is sent and the person is signed in');
  await resident.getByRole('link', { name: '去看看社区' }).click();
  await resident.getByText('正在等待居委会审核').waitFor();
  await audit(resident, 'community (pending resident)');
  check((await resident.getByRole('link', { name: '提出议题' }).count()) === 0, 'a pending person cannot raise a topic yet');

  // 3. The committee logs in (a wrong password first) and verifies them.
  await committee.goto(base + '/login');
  await audit(committee, 'login');
  await committee.getByLabel('用户名').fill('committee1');
  await committee.getByLabel('密码').fill('wrong-password');
  await committee.getByRole('button', { name: '登录' }).click();
  await committee.getByText('用户名或密码不对').waitFor();
  check(!(await committee.content()).includes('session.bad_credentials'), 'no raw error code is shown');
  await committee.getByLabel('密码').fill(passwordOf('committee1'));
  await committee.getByRole('button', { name: '登录' }).click();
  await committee.getByRole('heading', { name: /您好/ }).waitFor();
  await committee.goto(base + `/c/${community.id}/members`);
  await committee.getByRole('button', { name: '通过：赵大爷' }).waitFor();
  await audit(committee, 'members to verify');
  await shoot(committee, 'members');
  await committee.getByRole('button', { name: '通过：赵大爷' }).click();
  await committee.getByRole('button', { name: '通过：赵大爷' }).waitFor({ state: 'detached' });
  check(true, 'the committee verified the new resident');

  // 4. The resident raises a topic.
  await resident.goto(base + `/c/${community.id}`);
  await resident.getByRole('link', { name: '提出议题' }).click();
  await audit(resident, 'raise a topic');
  await resident.getByText('心愿', { exact: true }).click();
  await resident.getByLabel('用一句话说说').fill('小区门口加装休息长椅');
  await resident.getByLabel('详细说明（可以不填）').fill('老人买菜回来走不动，门口没有地方坐。');
  await shoot(resident, 'new-topic');
  await resident.getByRole('button', { name: '提交给居委会' }).click();
  await resident.getByRole('heading', { name: '小区门口加装休息长椅' }).waitFor();
  const topicUrl = resident.url();
  await audit(resident, 'topic (just raised)');
  check((await resident.locator('.badge', { hasText: '已提交' }).count()) > 0, 'the topic shows its state');

  // 5. The committee finds it in its queue and screens it with a public reason.
  await committee.goto(base + '/queue');
  await committee.getByRole('link', { name: /小区门口加装休息长椅/ }).waitFor();
  await audit(committee, 'queue');
  await shoot(committee, 'queue');
  await committee.getByRole('link', { name: /小区门口加装休息长椅/ }).click();
  await committee.getByRole('button', { name: '开始审核' }).click();
  await committee.getByRole('button', { name: '确定：开始审核' }).click();
  await committee.getByRole('button', { name: '受理', exact: true }).waitFor();
  await committee.getByRole('button', { name: '受理', exact: true }).click();
  await committee.getByRole('button', { name: '确定：受理' }).click();
  await committee.getByText('请写明理由').waitFor();
  check(true, 'accepting without a reason is refused in plain words');
  await committee.getByLabel('理由（必填，会公开）').fill('门口有空地，物业同意配合，下周实地查看。');
  await committee.getByRole('button', { name: '确定：受理' }).click();
  await committee.locator('.badge', { hasText: '已受理' }).first().waitFor();
  await audit(committee, 'topic (committee, accepted)');

  // 6. The resident sees the reason in the trace, and comments.
  await resident.goto(topicUrl);
  await resident.getByText('门口有空地，物业同意配合').first().waitFor();
  check(true, 'the public reason is in the resident\'s trace');
  await resident.getByText('支持', { exact: true }).first().click();
  await resident.getByLabel('您的意见').fill('谢谢居委会！长椅最好有靠背。');
  await resident.getByRole('button', { name: '发表', exact: true }).click();
  await resident.getByText('谢谢居委会！长椅最好有靠背。').waitFor();
  check(true, 'the resident\'s comment is posted with its stance');
  check((await resident.getByRole('button', { name: '我支持' }).count()) === 0, 'the author is not offered to support their own topic');

  // 7. A neighbour supports it.
  const neighbourContext = await browser.newContext(phone);
  const neighbour = await neighbourContext.newPage();
  await neighbour.goto(base + '/login?next=' + encodeURIComponent(new URL(topicUrl).pathname));
  await neighbour.getByLabel('用户名').fill('resident2');
  await neighbour.getByLabel('密码').fill(passwordOf('resident2'));
  await neighbour.getByRole('button', { name: '登录' }).click();
  await neighbour.getByRole('button', { name: '我支持' }).click();
  await neighbour.getByText('1 人支持').waitFor();
  check(true, 'a neighbour supports the topic');
  await audit(neighbour, 'topic (neighbour, supported)');
  await resident.reload();
  await resident.getByText('1 人支持').waitFor();
  await shoot(resident, 'topic');

  // 8. The community's home, in English and with larger text.
  await resident.goto(base + `/c/${community.id}`);
  await audit(resident, 'community (verified resident)');
  await shoot(resident, 'community');
  await resident.getByRole('button', { name: '大字' }).click();
  await resident.waitForFunction(() => document.documentElement.classList.contains('large-text'));
  const larger = await resident.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
  check(larger > fontSize, `larger text makes the base ${larger} px`);
  await resident.getByRole('button', { name: 'English' }).click();
  await resident.getByRole('heading', { name: 'Topics' }).waitFor();
  await audit(resident, 'community (English, larger text)');
  await shoot(resident, 'community-en-large');
  await resident.getByRole('button', { name: 'Larger text' }).click();
  await resident.getByRole('button', { name: '中文' }).click();

  // 9. Offline: the page says so in plain words.
  await residentContext.setOffline(true);
  await resident.getByRole('button', { name: /已提交|已受理|全部/ }).first().click();
  await resident.getByText('连不上').first().waitFor();
  check(true, 'offline is shown in plain words');
  await residentContext.setOffline(false);

  // 10. Keyboard: from the page's title, Tab reaches the 'join' button and
  // Enter follows it.
  const visitor = await (await browser.newContext(phone)).newPage();
  await visitor.goto(base + '/');
  await visitor.waitForSelector('main h1');
  let reached = false;
  for (let i = 0; i < 20 && !reached; i++) {
    await visitor.keyboard.press('Tab');
    reached = await visitor.evaluate(() => document.activeElement.textContent.includes('第一次来'));
  }
  check(reached, 'Tab reaches the join button');
  await visitor.keyboard.press('Enter');
  await visitor.waitForURL(/\/join$/);
  check(true, 'Enter on a focused link opens its page');

  // 11. Votes. The committee opens a demo referendum and a project vote
  // that close soon; the resident enrolls and votes in the browser (the
  // ballot is encrypted, proved and signed there and the server's libsodium
  // checks it), sees the tracking code, checks the ballot, and after the
  // close sees the published result.
  const createElection = (body) =>
    committee.evaluate(async ([cid, b]) => {
      const me = await (await fetch('/api/v1/me')).json();
      const r = await fetch(`/api/v1/communities/${cid}/elections`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrf_token },
        body: JSON.stringify(b),
      });
      return { status: r.status, body: await r.json() };
    }, [community.id, body]);
  const now = Math.floor(Date.now() / 1000);
  const referendum = await createElection({ kind: 'referendum', title: '小区门口加装休息长椅：是否同意？',
    subject: '', closes_at: now + 45, trustees: 'demo' });
  check(referendum.status === 201 && referendum.body.phase === 'open', 'the committee opens a demo referendum');
  const approval = await createElection({ kind: 'approval', title: '2026年民心项目：选出您最需要的',
    options: [{ label: '门口休息长椅', cost: 300000 }, { label: '楼道声控灯', cost: 500000 },
      { label: '健身器材维修', cost: 800000 }, { label: '垃圾分类亭', cost: 1200000 }],
    min: 1, max: 2, budget: 1500000, rule: 'greedy', closes_at: now + 45, trustees: 'demo' });
  check(approval.status === 201, 'the committee opens a demo project vote' + (approval.status === 201 ? '' : ' -> ' + JSON.stringify(approval.body)));

  await resident.goto(base + `/c/${community.id}`);
  await resident.getByRole('link', { name: /是否同意/ }).click();
  await resident.getByRole('button', { name: '登记投票凭证' }).waitFor();
  check((await resident.getByText('这是演示投票').count()) > 0, 'the demo notice says the server plays the trustees');
  await audit(resident, 'election (before enrolling)');
  await shoot(resident, 'election');
  await resident.getByRole('button', { name: '登记投票凭证' }).click();
  await resident.getByRole('button', { name: '同意', exact: true }).waitFor();
  await audit(resident, 'ballot (referendum)');
  await shoot(resident, 'ballot-referendum');
  await resident.getByRole('button', { name: '同意', exact: true }).click();
  await resident.getByRole('button', { name: '确认投票' }).waitFor();
  await audit(resident, 'ballot (confirm)');
  await shoot(resident, 'ballot-confirm');
  await resident.getByRole('button', { name: '确认投票' }).click();
  await resident.getByText('投票成功').waitFor({ timeout: 30000 });
  const code = await resident.locator('.tracking-code').textContent();
  check(/^[A-Z2-7]{4}(-[A-Z2-7]{4}){4}$/.test(code), `the tracking code is shown (${code})`);
  check((await resident.getByText('这台手机已经核对').count()) > 0, 'the browser checked the receipt (head signature, inclusion)');
  const buildMs = await resident.evaluate(() => performance.getEntriesByName('yishi.ballot.build')[0].duration);
  console.log(`     the referendum ballot was built in ${buildMs.toFixed(0)} ms`);
  await audit(resident, 'receipt');
  await shoot(resident, 'receipt');
  await resident.getByRole('link', { name: '查验我的选票' }).click();
  await resident.getByText('全部通过').waitFor({ timeout: 30000 });
  check((await resident.locator('.checks .fail').count()) === 0, 'check my ballot: inclusion, head signature and consistency pass');
  check((await resident.locator('.tracking-code').textContent()) === code, 'the check page shows the same tracking code');
  await audit(resident, 'check my ballot');
  await shoot(resident, 'check');

  await resident.goto(base + `/elections/${approval.body.id}`);
  await resident.getByRole('button', { name: '登记投票凭证' }).click();
  await resident.getByLabel(/门口休息长椅/).check();
  await resident.getByLabel(/楼道声控灯/).check();
  check(await resident.getByLabel(/健身器材维修/).isDisabled(), 'a third project cannot be chosen when at most two may be');
  await audit(resident, 'ballot (project vote)');
  await shoot(resident, 'ballot-approval');
  await resident.getByRole('button', { name: '下一步' }).click();
  await resident.getByRole('button', { name: '确认投票' }).click();
  await resident.getByText('投票成功').waitFor({ timeout: 30000 });
  check((await resident.getByText('这台手机已经核对').count()) > 0, 'the project-vote ballot (with its votesum proof) is accepted and checked');

  // The window closes; the server closes, tallies and publishes by itself.
  for (const [e, name] of [[referendum.body, 'referendum'], [approval.body, 'project vote']]) {
    await resident.goto(base + `/elections/${e.id}`);
    const deadline = Date.now() + 90000;
    while (!(await resident.getByRole('heading', { name: '投票结果' }).count()) && Date.now() < deadline) {
      await resident.waitForTimeout(2000);
      await resident.reload();
    }
    check((await resident.getByRole('heading', { name: '投票结果' }).count()) > 0, `the ${name}'s result is published and shown`);
    await audit(resident, `${name} results`);
    await shoot(resident, name === 'referendum' ? 'results-referendum' : 'results-approval');
  }
  const picked = await resident.locator('.selected li').allTextContents();
  check(picked.length > 0 && picked[0].includes('门口休息长椅'), `the project vote shows what was selected (${picked.join('; ')})`);
  check((await resident.getByText('按得票从多到少依次入选').count()) > 0, 'and the rule that selected it');
} catch (e) {
  // What each page showed when the flow stopped.
  mkdirSync(shots, { recursive: true });
  for (const [i, context] of browser.contexts().entries()) {
    for (const [j, page] of context.pages().entries()) {
      await page.screenshot({ path: join(shots, `failure-${i}-${j}.png`), fullPage: true }).catch(() => {});
    }
  }
  failures.push('the flow stopped: ' + (e && e.message ? e.message.split('\n')[0] : e));
  console.log('FAIL the flow stopped:', e);
} finally {
  await browser.close().catch(() => {});
  server.stdin.end();
  await new Promise((ok) => {
    const t = setTimeout(() => {
      server.kill('SIGKILL');
      ok();
    }, 5000);
    server.on('exit', () => {
      clearTimeout(t);
      ok();
    });
  });
  rmSync(data, { recursive: true, force: true });
}
console.log(`e2e: ${axeSeen.size} pages audited in ${((Date.now() - started) / 1000).toFixed(1)} s; screenshots in ${shots}`);
console.log(`${passed} passed, ${failures.length} failed`);
if (failures.length) {
  for (const f of failures) console.log('  failed: ' + f);
  process.exit(1);
}
