// Memory per connected Blazor circuit on Today: opens N Chromium pages on / (bench user's cookie), waits until each
// page's /_blazor WebSocket has exchanged frames (circuit up, first interactive render done), and reads, before and
// after, (1) the managed heap after a forced full collection, through the app's own /ops page ("Measure memory";
// the bench user is named administrator by server.sh after setup-user.sh), and (2) the server's VmRSS from /proc.
// Usage (playwright-core installed OUTSIDE the repo, e.g. /tmp/pwbench):
//   NODE_PATH=/tmp/pwbench/node_modules PORT=5190 DATA=/tmp/followup-bench N=100 node bench/today/circuits.cjs
const fs = require('fs');
const { chromium } = require('playwright-core');

const PORT = process.env.PORT || '5190';
const DATA = process.env.DATA || '/tmp/followup-bench';
const N = Math.min(parseInt(process.env.N || '100', 10), 200);
const BATCH = Math.min(parseInt(process.env.BATCH || '4', 10), 10);
const BASE = `http://127.0.0.1:${PORT}`;
const PAGE = process.env.PAGE || '/'; // the page each circuit opens (Today by default)
const pid = fs.readFileSync(`${DATA}/server.pid`, 'utf8').trim();
const auth = fs.readFileSync(`${DATA}/auth.cookie`, 'utf8').trim();
const deadline = Date.now() + 15 * 60 * 1000; // whole run bounded to 15 min

const sleep = ms => new Promise(r => setTimeout(r, ms));
function rssKb() {
  const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return parseInt(m[1], 10);
}
async function settledRss() { // median of 5 samples, 1 s apart
  const s = [];
  for (let i = 0; i < 5; i++) { s.push(rssKb()); await sleep(1000); }
  return s.sort((a, b) => a - b)[2];
}
// The /ops page stays open for the whole run (its circuit is in both readings and cancels out).
async function heapReading(ops) {
  const old = await ops.locator('[data-testid=heap-bytes]').getAttribute('data-bytes').catch(() => null);
  await ops.locator('[data-testid=measure-memory]').click();
  await ops.waitForFunction(o => {
    const e = document.querySelector('[data-testid=heap-bytes]');
    return e && e.getAttribute('data-bytes') !== o;
  }, old, { timeout: 60000 });
  const heap = parseInt(await ops.locator('[data-testid=heap-bytes]').getAttribute('data-bytes'), 10);
  const circuits = parseInt(await ops.locator('[data-testid=reading-circuits]').innerText(), 10);
  return { heap, circuits };
}

const load = () => fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

async function openToday(context) {
  const page = await context.newPage();
  const connected = new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error('circuit not up within 60 s')), 60000);
    page.on('websocket', ws => {
      if (!ws.url().includes('/_blazor')) return;
      let frames = 0;
      ws.on('framereceived', () => { if (++frames === 3) { clearTimeout(t); resolve(); } });
    });
  });
  await page.goto(`${BASE}${PAGE}`, { waitUntil: 'load', timeout: 60000 });
  await connected;
  const companies = await page.locator('text=/Bench Company \\d{3}/').count();
  return { page, companies };
}

(async () => {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--renderer-process-limit=8'],
  });
  const context = await browser.newContext();
  await context.addCookies([{ name: 'followup.auth', value: auth, domain: '127.0.0.1', path: '/' }]);

  // Warm-up: one circuit opened and closed, so JIT and first-use caches are not counted.
  const warm = await openToday(context);
  console.log(`warm-up page shows ${warm.companies} companies`);
  await warm.page.close({ runBeforeUnload: true });
  await sleep(5000);

  const ops = await context.newPage();
  await ops.goto(`${BASE}/ops`, { waitUntil: 'load', timeout: 60000 });
  await ops.locator('[data-testid=measure-memory]').waitFor({ timeout: 60000 });
  await sleep(2000); // interactive
  await heapReading(ops); // one reading to settle
  const heapBefore = await heapReading(ops);
  console.log(`managed heap before: ${heapBefore.heap} bytes with ${heapBefore.circuits} circuit(s) open`);
  const before = await settledRss();
  console.log(`RSS before: ${before} kB (load ${load()})`);
  const pages = []; let failed = 0; const t0 = Date.now();
  while (pages.length + failed < N && Date.now() < deadline) {
    const n = Math.min(BATCH, N - pages.length - failed);
    const results = await Promise.allSettled(Array.from({ length: n }, () => openToday(context)));
    for (const r of results) r.status === 'fulfilled' ? pages.push(r.value.page) : (failed++, console.log(`page failed: ${r.reason}`));
    if ((pages.length + failed) % 20 === 0) console.log(`${pages.length} circuits up, RSS ${rssKb()} kB`);
  }
  console.log(`${pages.length} circuits up (${failed} failed) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  await sleep(10000);
  const heapAfter = await heapReading(ops);
  const opened = heapAfter.circuits - heapBefore.circuits;
  console.log(`managed heap after: ${heapAfter.heap} bytes with ${heapAfter.circuits} circuit(s) open`);
  console.log(`MANAGED HEAP per circuit: ${((heapAfter.heap - heapBefore.heap) / 1024 / opened).toFixed(0)} KB over ${opened} circuits  (goal < 500 KB)`);
  const after = await settledRss();
  console.log(`RSS after ${pages.length} circuits: ${after} kB (load ${load()})`);
  console.log(`RSS per circuit: ${((after - before) / pages.length).toFixed(0)} kB  (goal < 500 kB)`);

  for (const p of pages) await p.close({ runBeforeUnload: true });
  await sleep(15000);
  console.log(`RSS 15 s after closing all pages: ${await settledRss()} kB`);
  await browser.close();
})().catch(e => { console.error(e); process.exit(1); });
