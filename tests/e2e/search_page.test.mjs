// The newsroom search page in headless Chromium against the real server: type a query and see
// highlighted results, filter by a facet and remove the filter, follow "did you mean", restore a
// shared URL, move by keyboard, open the other versions of a wire story, survive server errors and
// hostile snippets, fit a phone screen; on a second, invented corpus: the timeline chart (drawn
// from the date facet, dragging filters by dates, cleared again) and the document view's related
// and similar coverage; on a third, while the indexer runs again under the server: "Notify me"
// (new, updated and withdrawn matches live, following a new search, resuming after the server
// restarts, off again, hostile markup).
// Usage: node search_page.test.mjs INDEXER SEARCHD SCREENSHOT_DIR CHROMIUM
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const [indexer, searchd, screenshots, executablePath] = process.argv.slice(2);
const require = createRequire(join(process.env.NEWSDEX_NPM_DIR, 'package.json'));
const { chromium } = require('playwright-core');

const corpus = {
  'politics/budget.txt': 'Parliament approves the new budget\nFebruary 9, 2021\nBy Amina Rahman\n\n' +
    'The parliament in Baku approved the budget on Tuesday after a long debate. President Ilham Aliyev ' +
    'said the spending plan recognises the needs of the regions and funds new schools and hospitals.\n',
  'business/deficit.txt': 'Budget deficit narrows as exports recover\nMay 4, 2023\nBy Omar Farooq\n\n' +
    'The budget deficit narrowed in the first quarter as exports of wheat and cotton recovered, the ' +
    'Ministry of Finance said in Karachi on Thursday.\n',
  'business/tax.txt': 'Tax reform to shore up the budget\nJune 12, 2023\nBy Omar Farooq\n\n' +
    'The government in Islamabad proposed a tax reform to shore up the budget, the Ministry of Finance ' +
    'said, as lenders pressed for a smaller deficit.\n',
  'world/army.txt': 'Министр обороны посетил части армии\n24.11.2021\n\nМинистр обороны встретился с ' +
    'командирами армии и обсудил подготовку войск к зиме. По словам министра, армия получит новое ' +
    'снаряжение до конца года.\n',
  'world/harbour.html': '<html lang="en"><head><title>Harbour reopens after storm</title><meta name="author" ' +
    'content="Lena Novak"><meta name="date" content="2022-03-14"></head><body><article><p>The harbour in ' +
    'Gdansk reopened on Monday after the storm damaged two piers, the port authority said. The city ' +
    'budget will pay for the repairs.</p></article></body></html>',
  // A wire story and its writethru: one result with "1 other version".
  'wire/lighthouse.txt': 'Lighthouse keeper retires after forty years\nApril 2, 2024\n\n' +
    'The keeper of the Skarvik lighthouse, Mara Holt, retired on Tuesday after forty years on the rock. ' +
    'She lit the lamp for the last time at dusk while a dozen boats sounded their horns in the bay. ' +
    'The light will be run from the mainland from next month, the coastal agency said, and the tower ' +
    'will open to visitors in the summer.\n',
  'wire/lighthouse-update.txt': 'Lighthouse keeper retires after forty years\nApril 3, 2024\n\n' +
    'The keeper of the Skarvik lighthouse, Mara Holt, retired on Tuesday after forty years on the rock. ' +
    'She lit the lamp for the last time at dusk while thirty boats sounded their horns in the bay. ' +
    'The light will be run from the mainland from next month, the coastal agency said, and the tower ' +
    'will open to visitors in the summer. A small museum is planned in the keeper\'s cottage.\n',
};

// Invented stories for the timeline and related coverage: one about a canal, one sharing its
// minister, one worded like it, four naming two common organisations, and unrelated ones.
const timetable = (n, subject) => `${subject} timetable ${n}\nJanuary ${n + 10}, 2024\n\nThe Ministry of ` +
  `Transport published a new ${subject} timetable on Friday after long talks with the Harbour Pilots Association.\n`;
const coverage = {
  'ports/canal.txt': 'Canal dredging to start at Velmora\nMarch 3, 2024\n\nTransport Minister Mara Holt said on ' +
    'Monday that dredging of the Ostrin canal at Velmora will start in April. The Ministry of Transport will pay ' +
    'for the work, and the Harbour Pilots Association warned that silt has left the canal too shallow for grain ' +
    'barges. Dredgers will remove the silt along the whole channel before the barges return.\n',
  'politics/schools.txt': 'Holt presents school plan\nMarch 10, 2024\n\nTransport Minister Mara Holt presented ' +
    'a plan for new schools in the northern districts on Thursday. Holt said teachers would be paid more from next year.\n',
  'science/silt.txt': 'Why shallow canals need dredging\nFebruary 2, 2024\n\nSilt settles wherever a canal runs ' +
    'slowly, and a shallow canal turns grain barges away. Dredgers lift the silt from the channel so that barges ' +
    'can pass; without dredging a canal silts up within a few years.\n',
  'transport/ferry.txt': timetable(1, 'ferry'),
  'transport/pilot.txt': timetable(2, 'pilot'),
  'transport/tug.txt': timetable(3, 'tug'),
  'transport/berth.txt': timetable(4, 'berth'),
  'sport/derby.txt': 'Derby ends level\nMarch 5, 2024\n\nCoach Ilse Varnek watched her side draw the derby ' +
    'after a late goal on Saturday.\n',
  'weather/frost.txt': 'Frost expected\nMarch 6, 2024\n\nForecasters expect frost in the hills tonight and a ' +
    'mild afternoon tomorrow.\n',
};

// Invented stories for "Notify me": one there from the start, then saves while the page watches.
const liveSeed = {
  'quay/ferry.txt': 'Ferry to Velmora runs again\nMay 2, 2024\n\nThe morning ferry to Velmora ran again on ' +
    'Thursday after the quay was repaired, the harbour master said.\n',
};
const liveSaves = {
  match: ['quay/crane.txt', 'Crane lifts the last beam at Velmora\nMay 6, 2024\n\nMara Holt watched the crane ' +
    'lift the last beam onto the new pier at Velmora on Monday.\n'],
  matchUpdated: ['quay/crane.txt', 'Crane lifts the last beam at Velmora\nMay 6, 2024\n\nMara Holt watched the crane ' +
    'lift the last beam onto the new pier at Velmora on Monday; the pier opens in June.\n'],
  other: ['weather/fog.txt', 'Fog over the hills\nMay 6, 2024\n\nForecasters expect thick fog over the hills ' +
    'until noon.\n'],
  lighthouse: ['quay/lamp.txt', 'Lighthouse lamp replaced\nMay 7, 2024\n\nEngineers replaced the lamp of the ' +
    'Ostrin lighthouse on Tuesday.\n'],
  lighthouseLater: ['quay/lamp2.txt', 'Lighthouse opens to visitors\nMay 8, 2024\n\nThe Ostrin lighthouse opened ' +
    'to visitors on Wednesday.\n'],
  lighthouseLast: ['quay/lamp3.txt', 'Lighthouse cafe planned\nMay 9, 2024\n\nA cafe is planned at the foot of ' +
    'the Ostrin lighthouse.\n'],
};

const failures = [];
async function check(name, body) {
  try {
    await body();
    console.log(`ok   ${name}`);
  } catch (error) {
    failures.push(name);
    console.log(`FAIL ${name}\n${error.stack || error}`);
  }
}

function startServer(index, extraArgs = [], listen = '127.0.0.1:0') {
  return new Promise((resolve, reject) => {
    const child = spawn(searchd,
      ['--index', index, '--listen', listen, '--socket', 'none', '--threads', '2', ...extraArgs],
      { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    const timer = setTimeout(() => reject(new Error(`newsdex-searchd did not start: ${output}`)), 60000);
    child.on('exit', (code) => reject(new Error(`newsdex-searchd exited with ${code}: ${output}`)));
    child.stdout.on('data', (data) => {
      output += data;
      const match = output.match(/listening on (http:\/\/[^\s]+)/);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1] + '/' });
      }
    });
  });
}

// One indexing run over docs (extraArgs: e.g. --config FILE), which must succeed.
function indexOnce(docs, index, extraArgs = []) {
  const indexed = spawnSync(indexer, ['--once', '--docs', docs, '--index', index, ...extraArgs], { encoding: 'utf8' });
  assert.equal(indexed.status, 0, `indexer failed: ${indexed.stdout}${indexed.stderr}`);
}

function writeDoc(root, path, text) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

const work = mkdtempSync(join(tmpdir(), 'newsdex-e2e-'));
let server;
let coverageServer;
let liveServer;
let browser;
try {
  for (const [path, text] of Object.entries(corpus)) {
    mkdirSync(dirname(join(work, 'docs', path)), { recursive: true });
    writeFileSync(join(work, 'docs', path), text);
  }
  const indexed = spawnSync(indexer, ['--once', '--docs', join(work, 'docs'), '--index', join(work, 'index')],
    { encoding: 'utf8' });
  assert.equal(indexed.status, 0, `indexer failed: ${indexed.stdout}${indexed.stderr}`);
  for (const [path, text] of Object.entries(coverage)) {
    mkdirSync(dirname(join(work, 'coverage', path)), { recursive: true });
    writeFileSync(join(work, 'coverage', path), text);
  }
  const coverageIndexed = spawnSync(indexer,
    ['--once', '--docs', join(work, 'coverage'), '--index', join(work, 'coverage-index')], { encoding: 'utf8' });
  assert.equal(coverageIndexed.status, 0, `indexer failed: ${coverageIndexed.stdout}${coverageIndexed.stderr}`);
  server = await startServer(join(work, 'index'));
  mkdirSync(screenshots, { recursive: true });

  browser = await chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const context = await browser.newContext({ viewport: { width: 1200, height: 800 } });
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  // The page must not reach anything but its own server.
  const foreign = [];
  page.on('request', (request) => { if (!request.url().startsWith(server.url)) foreign.push(request.url()); });

  const status = page.locator('#status');
  const hits = page.locator('#hits .hit');

  await check('the page loads with its own CSS and JS, and a labelled search box', async () => {
    const response = await page.goto(server.url);
    assert.equal(response.status(), 200);
    assert.match(response.headers()['content-type'], /text\/html/);
    await page.locator('label[for=q]').waitFor({ state: 'attached' });
    assert.equal(await page.locator('#q').getAttribute('type'), 'search');
    assert.equal(await page.locator('#status').getAttribute('aria-live'), 'polite');
    // Empty query: the newest documents (the two versions of one story shown once).
    await page.waitForFunction(() => document.querySelectorAll('#hits .hit').length === 6);
  });

  await check('"/" focuses the box; typing shows highlighted results as you type', async () => {
    await page.locator('body').press('/');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'q');
    await page.keyboard.type('budget', { delay: 40 });
    await page.waitForFunction(() => /4 results for “budget”/.test(document.getElementById('status').textContent));
    assert.equal(await hits.count(), 4);
    assert.ok(await page.locator('#hits .snippet mark').count() >= 4, 'snippets are highlighted');
    assert.match((await page.locator('#hits .hit-link mark').first().textContent()).toLowerCase(), /budget/);
    assert.match(page.url(), /\?q=budget$/);
    await page.screenshot({ path: join(screenshots, 'results.png'), fullPage: true });
  });

  await check('arrow keys move from the box through the results', async () => {
    await page.locator('#q').focus();
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.evaluate(() => document.activeElement.classList.contains('hit-link')), true);
    await page.keyboard.press('ArrowDown');
    const second = await page.evaluate(() => [...document.querySelectorAll('.hit-link')].indexOf(document.activeElement));
    assert.equal(second, 1);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'q');
  });

  await check('a facet filters the results to its count, and its chip removes the filter', async () => {
    const facet = page.locator('#facets button[data-facet=year][data-value="2023"]');
    const count = Number(await facet.locator('.count').textContent());
    assert.equal(count, 2);
    await facet.click();
    await page.waitForFunction((n) => document.querySelectorAll('#hits .hit').length === n &&
      /^2 results/.test(document.getElementById('status').textContent), count);
    assert.match(page.url(), /from=2023-01-01&to=2023-12-31/);
    assert.equal(await page.locator('#chips button').count(), 1);
    assert.equal(await facet.getAttribute('aria-pressed'), 'true');

    const lang = page.locator('#facets button[data-facet=lang][data-value=en]');
    await lang.click();
    await page.waitForFunction(() => document.querySelectorAll('#chips button').length === 2);
    await page.screenshot({ path: join(screenshots, 'filtered.png'), fullPage: true });

    await page.locator('#chips button', { hasText: 'Date' }).click();
    await page.locator('#chips button', { hasText: 'Language' }).click();
    await page.waitForFunction(() => /^4 results/.test(document.getElementById('status').textContent));
    assert.equal(await page.locator('#chips button').count(), 0);
  });

  await check('"More…" finds an entity by a prefix of its name and filters by it', async () => {
    const more = page.locator('#facets input.more[aria-label="Find people by name"]');
    await more.fill('ali');
    await page.waitForFunction(() => [...document.querySelectorAll('#more-person option')]
      .some((o) => o.value === 'Ilham Aliyev'));
    await more.fill('Ilham Aliyev');
    await more.dispatchEvent('change');
    await page.waitForFunction(() => /^1 result/.test(document.getElementById('status').textContent));
    assert.match(page.url(), /person=Ilham\+Aliyev/);
    await page.locator('#chips button', { hasText: 'Person' }).click();
    await page.waitForFunction(() => /^4 results/.test(document.getElementById('status').textContent));
  });

  await check('results for the suggestion say so, and "search instead" searches what was typed', async () => {
    await page.locator('#q').fill('budgit');
    await page.locator('#q').press('Enter');
    await page.locator('#results-for').waitFor({ state: 'visible' });
    assert.equal(await page.locator('#results-for-q').textContent(), 'budget');
    await page.waitForFunction(() => /4 results for “budget”/.test(document.getElementById('status').textContent));
    await page.screenshot({ path: join(screenshots, 'results-for.png'), fullPage: true });
    await page.locator('#search-instead').click();
    await page.waitForFunction(() => /^0 results for “budgit”/.test(document.getElementById('status').textContent));
    assert.match(page.url(), /correct=false/);
    assert.equal(await page.locator('#results-for').isHidden(), true);
  });

  await check('"did you mean" follows the suggestion', async () => {
    const link = page.locator('#suggestion-link');
    await link.waitFor({ state: 'visible' });
    assert.equal(await link.textContent(), 'budget');
    await page.screenshot({ path: join(screenshots, 'suggestion.png'), fullPage: true });
    await link.click();
    await page.waitForFunction(() => /4 results for “budget”/.test(document.getElementById('status').textContent));
    assert.equal(await page.locator('#q').inputValue(), 'budget');
  });

  await check('a shared URL restores query, filters, sort and page', async () => {
    await page.goto(`${server.url}?q=budget&lang=en&sort=-date`);
    await page.waitForFunction(() => /results for “budget”/.test(document.getElementById('status').textContent));
    assert.equal(await page.locator('#q').inputValue(), 'budget');
    assert.equal(await page.locator('#sort').inputValue(), '-date');
    const dates = await page.locator('#hits time').allTextContents();
    assert.deepEqual(dates, [...dates].sort().reverse());
    await page.goBack();
  });

  await check('the document view shows the full text', async () => {
    await page.goto(`${server.url}?q=harbour`);
    await page.locator('#hits .hit-link').first().click();
    await page.locator('#doc-body').filter({ hasText: 'port authority' }).waitFor();
    assert.equal(await page.locator('#doc-title').textContent(), 'Harbour reopens after storm');
    await page.keyboard.press('Escape');
  });

  await check('a wire story sent twice shows once; "1 other version" lists both with the changes marked', async () => {
    await page.goto(`${server.url}?q=lighthouse`);
    await page.waitForFunction(() => /^1 result/.test(document.getElementById('status').textContent));
    const more = page.locator('#hits .versions-link');
    assert.equal(await more.textContent(), '1 other version');
    await more.click();
    await page.locator('#doc-body .version').nth(1).waitFor();
    assert.equal(await page.locator('#doc-title').textContent(), '2 versions of this story');
    assert.deepEqual(await page.locator('#doc-body .version time').allTextContents(), ['2024-04-03', '2024-04-02']);
    assert.deepEqual(await page.locator('#doc-body .version').first().locator('del').allTextContents(), ['a dozen']);
    assert.deepEqual(await page.locator('#doc-body .version').first().locator('ins').allTextContents(),
      ['thirty', 'A small museum is planned in the keeper\'s cottage.']);
    assert.match(await page.locator('#doc-body .version').nth(1).textContent(), /The oldest version/);
    await page.screenshot({ path: join(screenshots, 'versions.png') });
    // A version's title opens that version's full text.
    await page.locator('#doc-body .version-link').nth(1).click();
    await page.locator('#doc-body').filter({ hasText: 'a dozen boats' }).waitFor();
    await page.keyboard.press('Escape');
  });

  await check('a query no story holds wholly shows the stories holding most of it, with what each lacks', async () => {
    await page.goto(`${server.url}?q=harbour+zeppelin`);
    await page.locator('#hits .missing').first().waitFor();
    assert.equal(await page.locator('#hits .missing').first().textContent(), 'Missing: zeppelin');
    assert.match(await page.locator('#hits .hit-link').first().textContent(), /Harbour/);
    await page.screenshot({ path: join(screenshots, 'relaxed.png') });
  });

  await check('server errors become a message, not a blank page', async () => {
    await page.route('**/search?**', (route) => route.fulfill({
      status: 503, contentType: 'application/json',
      body: JSON.stringify({ error: { code: 'unavailable', message: 'the index is being replaced' } }),
    }));
    await page.goto(`${server.url}?q=budget`);
    await page.locator('#error').filter({ hasText: 'the index is being replaced' }).waitFor();
    await page.screenshot({ path: join(screenshots, 'error.png') });
    await page.unroute('**/search?**');
  });

  await check('markup in a snippet other than the highlight tags is shown as text, never run', async () => {
    await page.route('**/search?**', (route) => route.fulfill({
      status: 200, contentType: 'application/json',
      body: JSON.stringify({
        total: { value: 1, exact: true }, took_ms: 1, facets: {}, suggestion: null,
        hits: [{ id: 'x', path: 'x.html', title: 'x', title_highlighted: '<img src=x onerror="window.owned=1">x',
          date: null, byline: '', lang: 'en', snippet: 'a <mark>b</mark> <script>window.owned=1</script>' }],
      }),
    }));
    await page.goto(`${server.url}?q=b`);
    await page.locator('#hits .hit').waitFor();
    assert.equal(await page.locator('#hits img, #hits script').count(), 0);
    assert.equal(await page.evaluate(() => window.owned), undefined);
    assert.match(await page.locator('#hits .snippet').textContent(), /<script>/);
    await page.unroute('**/search?**');
  });

  await check('readable on a phone', async () => {
    const phone = await browser.newPage({ viewport: { width: 375, height: 740 }, deviceScaleFactor: 2 });
    await phone.goto(`${server.url}?q=budget`);
    await phone.waitForFunction(() => document.querySelectorAll('#hits .hit').length === 4);
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
    await phone.screenshot({ path: join(screenshots, 'phone.png'), fullPage: true });
    await phone.close();
  });

  await check('with keys required, the page searches with the page key and the API refuses without one', async () => {
    const config = join(work, 'keyed.toml');
    writeFileSync(config, '[server]\napi_keys = ["admin-e2e-key"]\nsearch_keys = ["page-e2e-key"]\n' +
      'page_key = "page-e2e-key"\n');
    const keyed = await startServer(join(work, 'index'), ['--config', config]);
    try {
      const keyedPage = await browser.newPage();
      await keyedPage.goto(`${keyed.url}?q=budget`);
      await keyedPage.waitForFunction(() => document.querySelectorAll('#hits .hit').length === 4);
      const anonymous = await keyedPage.request.get(`${keyed.url}search?q=budget`);
      assert.equal(anonymous.status(), 401);
      const stats = await keyedPage.request.get(`${keyed.url}stats`,
        { headers: { Authorization: 'Bearer page-e2e-key' } });
      assert.equal(stats.status(), 403);
      // "Notify me": EventSource cannot send the key as a header, so it goes as ?api_key=.
      const subscribed = keyedPage.waitForResponse((r) => r.url().includes('/subscribe?'));
      await keyedPage.getByLabel('Notify me').check();
      const stream = await subscribed;
      assert.equal(stream.status(), 200);
      assert.equal(new URL(stream.url()).searchParams.get('api_key'), 'page-e2e-key');
      const wrong = await keyedPage.request.get(`${keyed.url}subscribe?q=budget&api_key=wrong`);
      assert.equal(wrong.status(), 401);
      await keyedPage.close();
    } finally {
      keyed.child.kill('SIGTERM');
    }
  });

  await check('no script errors and no requests to other hosts', async () => {
    assert.deepEqual(pageErrors, []);
    assert.deepEqual(foreign, []);
  });

  coverageServer = await startServer(join(work, 'coverage-index'));
  const news = await context.newPage();
  const newsErrors = [];
  news.on('pageerror', (error) => newsErrors.push(error.message));
  const newsStatus = () => news.locator('#status').textContent();
  const bars = news.locator('#timeline-chart rect');

  await check('the timeline charts every match per month, with empty months filled in', async () => {
    await news.goto(coverageServer.url);
    await news.waitForFunction(() => /^9 results/.test(document.getElementById('status').textContent));
    assert.equal(await news.locator('#timeline').isVisible(), true);
    assert.equal(await bars.count(), 3);
    const counts = await bars.evaluateAll((rects) => rects.map((r) => [r.dataset.value, Number(r.dataset.count)]));
    assert.deepEqual(counts, [['2024-01', 4], ['2024-02', 1], ['2024-03', 4]]);
    assert.equal(await news.locator('#timeline-first').textContent(), '2024-01');
    assert.match(await news.locator('#timeline-chart').getAttribute('aria-label'), /most in 2024-01 \(4\)|most in 2024-03 \(4\)/);
    await news.screenshot({ path: join(screenshots, 'timeline.png') });
  });

  await check('dragging across the timeline filters by those dates, and "Clear dates" undoes it', async () => {
    const box = await news.locator('#timeline-chart').boundingBox();
    const x = (i) => box.x + (box.width * (i + 0.5)) / 3;
    const y = box.y + box.height / 2;
    await news.mouse.move(x(0), y);
    await news.mouse.down();
    await news.mouse.move(x(1), y, { steps: 5 });
    await news.mouse.up();
    await news.waitForFunction(() => /^5 results/.test(document.getElementById('status').textContent));
    assert.match(news.url(), /from=2024-01-01&to=2024-02-29/);
    assert.equal(await news.locator('#chips button', { hasText: 'Date' }).count(), 1);
    assert.equal(await news.locator('#from').inputValue(), '2024-01-01');
    // Days of the filtered range: weeks now show where the matches fall.
    await news.locator('#interval').selectOption('week');
    await news.waitForFunction(() => new URL(location.href).searchParams.get('interval') === 'week' &&
      document.querySelectorAll('#timeline-chart rect').length > 3);
    const weeks = await bars.evaluateAll((rects) => rects.filter((r) => r.dataset.count !== '0').map((r) => r.dataset.value));
    assert.deepEqual(weeks, ['2024-W02', '2024-W05']);
    await news.locator('#timeline-clear').click();
    await news.waitForFunction(() => /^9 results/.test(document.getElementById('status').textContent));
    assert.doesNotMatch(news.url(), /from=/);
    assert.equal(await news.locator('#timeline-clear').isHidden(), true);
    await news.locator('#interval').selectOption('month');
    await news.waitForFunction(() => document.querySelectorAll('#timeline-chart rect').length === 3);
  });

  await check('the timeline works from the keyboard: arrows pick, Shift stretches, Enter filters', async () => {
    await news.locator('#timeline-chart').focus();
    await news.keyboard.press('ArrowRight');
    await news.keyboard.press('Shift+ArrowRight');
    assert.equal(await news.locator('#timeline-picked').textContent(), '2024-01 to 2024-02: 5 matches');
    assert.equal(await news.locator('#timeline-chart rect.picked').count(), 2);
    await news.keyboard.press('Enter');
    await news.waitForFunction(() => /^5 results/.test(document.getElementById('status').textContent));
    assert.match(news.url(), /from=2024-01-01&to=2024-02-29/);
    await news.locator('#timeline-clear').click();
    await news.waitForFunction(() => /^9 results/.test(document.getElementById('status').textContent));
  });

  await check('clicking one bar filters by its month, and a query narrows the timeline', async () => {
    await news.goto(`${coverageServer.url}?q=timetable`);
    await news.waitForFunction(() => /^4 results/.test(document.getElementById('status').textContent));
    assert.equal(await bars.count(), 1);
    await bars.first().click();
    await news.waitForFunction(() => /from=2024-01-01&to=2024-01-31/.test(location.search));
    await news.waitForFunction(() => /^4 results/.test(document.getElementById('status').textContent));
  });

  await check('the document view lists related coverage and similar stories, and opens them', async () => {
    await news.goto(`${coverageServer.url}?q=velmora`);
    await news.locator('#hits .hit-link').first().click();
    await news.locator('#doc-title').filter({ hasText: 'Canal dredging to start at Velmora' }).waitFor();
    const related = news.locator('#related-entities button');
    await related.first().waitFor();
    assert.equal(await related.first().textContent(), 'Holt presents school plan');
    assert.match(await news.locator('#related-entities .why').first().textContent(), /shares Mara Holt/);
    assert.ok(await related.count() >= 5, 'the four timetables too');
    const similar = news.locator('#related-similar button');
    await similar.first().waitFor();
    assert.equal(await similar.first().textContent(), 'Why shallow canals need dredging');
    await news.screenshot({ path: join(screenshots, 'related.png') });
    await similar.first().click();
    await news.locator('#doc-title').filter({ hasText: 'Why shallow canals need dredging' }).waitFor();
    await news.locator('#related-similar button', { hasText: 'Canal dredging' }).waitFor();
    await news.keyboard.press('Escape');
  });

  await check('no script errors on the second corpus', async () => {
    assert.deepEqual(newsErrors, []);
  });

  // "Notify me": the server stays up while the indexer runs again over the same index. Without
  // compaction: a compacted copy would be a new index to the server, whose contents are not news.
  const liveDocs = join(work, 'live');
  const liveIndex = join(work, 'live-index');
  for (const [path, text] of Object.entries(liveSeed)) writeDoc(liveDocs, path, text);
  indexOnce(liveDocs, liveIndex);
  const noCompaction = join(work, 'live.toml');
  writeFileSync(noCompaction, '[indexer]\ncompact_after_once = false\n');
  const save = (...files) => {
    for (const [path, text] of files) writeDoc(liveDocs, path, text);
    indexOnce(liveDocs, liveIndex, ['--config', noCompaction]);
  };
  liveServer = await startServer(liveIndex);
  const watch = await context.newPage();
  const watchErrors = [];
  watch.on('pageerror', (error) => watchErrors.push(error.message));
  const liveHits = watch.locator('#live-hits .live-hit');
  // Resolves with the response that opens a subscription (its headers: the subscription is made).
  const subscription = (query) => watch.waitForResponse((r) => r.url().includes('/subscribe?') &&
    new URL(r.url()).searchParams.get('q') === query);

  await check('"Notify me" lists a new matching story live, and nothing for one that does not match', async () => {
    await watch.goto(`${liveServer.url}?q=velmora`);
    await watch.waitForFunction(() => /^1 result/.test(document.getElementById('status').textContent));
    const toggle = watch.getByLabel('Notify me');
    assert.equal(await toggle.isChecked(), false);
    assert.equal(await watch.locator('#live').isHidden(), true);
    const subscribed = subscription('velmora');
    await toggle.check();
    const response = await subscribed;
    assert.equal(response.status(), 200);
    assert.match(response.headers()['content-type'], /text\/event-stream/);
    await watch.locator('#live-notice').filter({ hasText: 'Waiting for new matches' }).waitFor();

    save(liveSaves.match, liveSaves.other);
    await liveHits.first().waitFor();
    assert.equal(await liveHits.count(), 1, 'the fog story does not match');
    const first = liveHits.first();
    assert.equal(await first.getAttribute('data-reason'), 'new');
    assert.equal(await first.locator('.reason').textContent(), 'New');
    assert.equal(await first.locator('.live-link').textContent(), 'Crane lifts the last beam at Velmora');
    assert.match((await first.locator('.live-link mark').textContent()).toLowerCase(), /velmora/);
    assert.equal(await first.locator('time').textContent(), '2024-05-06');
    assert.equal(await watch.locator('#live-count').textContent(), '(1)');
    assert.match(await watch.title(), /^\(1\) /);
    assert.match(await watch.locator('#live-notice').textContent(), /New: Crane lifts/);
    // The results themselves are left as they were until the reader searches again.
    assert.equal(await watch.locator('#hits .hit').count(), 1);
    await watch.screenshot({ path: join(screenshots, 'notify.png'), fullPage: true });

    await first.locator('.live-link').click();
    await watch.locator('#doc-body').filter({ hasText: 'new pier' }).waitFor();
    await watch.keyboard.press('Escape');
  });

  await check('an updated match moves to the top marked "Updated"; a deleted one leaves the list', async () => {
    save(liveSaves.matchUpdated);
    await watch.locator('#live-hits .live-hit[data-reason=updated]').waitFor();
    assert.equal(await liveHits.count(), 1);
    assert.equal(await liveHits.first().locator('.reason').textContent(), 'Updated');
    rmSync(join(liveDocs, liveSaves.match[0]));
    save();
    await watch.waitForFunction(() => document.querySelectorAll('#live-hits .live-hit').length === 0);
    assert.match(await watch.locator('#live-notice').textContent(), /Withdrawn: Crane lifts/);
    assert.equal(await watch.title(), 'newsdex search');
  });

  await check('a new search moves the subscription to it', async () => {
    const moved = subscription('lighthouse');
    await watch.locator('#q').fill('lighthouse');
    await watch.locator('#q').press('Enter');
    await moved;
    assert.equal(await watch.locator('#notify').isChecked(), true);
    save(liveSaves.lighthouse, [liveSaves.match[0], liveSaves.match[1]]);
    await liveHits.first().waitFor();
    assert.equal(await liveHits.count(), 1, 'the Velmora story is not news for this search');
    assert.equal(await liveHits.first().locator('.live-link').textContent(), 'Lighthouse lamp replaced');
  });

  await check('a lost connection is reopened from the last commit seen: a match saved meanwhile is not missed', async () => {
    // Afresh, so that no event with an id has come yet: the stream resumes from the revision its
    // "subscribed" event gave, where the browser's own reconnection would start from nothing.
    await watch.getByLabel('Notify me').uncheck();
    const fresh = subscription('lighthouse');
    await watch.getByLabel('Notify me').check();
    await fresh;
    await watch.waitForTimeout(300);  // the "subscribed" event, sent with the headers, is handled
    const port = new URL(liveServer.url).port;
    const stopped = new Promise((resolve) => liveServer.child.once('exit', resolve));
    liveServer.child.kill('SIGTERM');
    await stopped;
    liveServer = null;
    await watch.locator('#live-notice').filter({ hasText: 'reconnecting' }).waitFor();
    save(liveSaves.lighthouseLater);
    const resumed = subscription('lighthouse');
    liveServer = await startServer(liveIndex, [], `127.0.0.1:${port}`);
    assert.ok(new URL((await resumed).url()).searchParams.get('since'), 'reopened with ?since=');
    await liveHits.first().waitFor();
    assert.deepEqual(await watch.locator('#live-hits .live-link').allTextContents(), ['Lighthouse opens to visitors']);
  });

  await check('turning "Notify me" off stops it', async () => {
    await watch.getByLabel('Notify me').uncheck();
    assert.equal(await watch.locator('#live').isHidden(), true);
    assert.equal(await watch.evaluate(() => document.title), 'newsdex search');
    let reopened = false;
    watch.on('request', (request) => { if (request.url().includes('/subscribe?')) reopened = true; });
    save(liveSaves.lighthouseLast);
    await watch.waitForTimeout(1500);  // the server sees a commit within a poll (0.1 s)
    assert.equal(await liveHits.count(), 0);
    assert.equal(await watch.locator('#live').isHidden(), true);
    assert.equal(reopened, false);
    // The page search itself still works and finds the new stories.
    await watch.locator('#search-form button').click();
    await watch.waitForFunction(() => /^3 results/.test(document.getElementById('status').textContent));
  });

  await check('markup in a live match other than the highlight tags is shown as text, never run', async () => {
    await watch.route('**/subscribe?**', (route) => route.fulfill({
      status: 200, contentType: 'text/event-stream', headers: { 'Cache-Control': 'no-cache' },
      body: `data: ${JSON.stringify({ event: 'subscribed', revision: 1, subscribed: 'x' })}\n\n` +
        `data: ${JSON.stringify({ event: 'match', reason: 'new', revision: 2, hit: {
          id: 'x', path: 'x.html', title: 'x', title_highlighted: '<img src=x onerror="window.owned=1">x',
          date: '2024-05-09', lang: 'en', snippet: 'a <mark>b</mark> <script>window.owned=1</script>' } })}\n` +
        'id: 2\n\n' +
        `data: ${JSON.stringify({ event: 'gap', revision: 2, message: 'the change log lost commits' })}\n\n`,
    }));
    await watch.getByLabel('Notify me').check();
    await liveHits.first().waitFor();
    await watch.locator('#live-notice').filter({ hasText: 'may have been missed' }).waitFor();
    assert.equal(await watch.locator('#live img, #live script').count(), 0);
    assert.equal(await watch.evaluate(() => window.owned), undefined);
    // A title with other markup falls back to the plain title, as in the results.
    assert.equal(await liveHits.first().locator('.live-link').textContent(), 'x');
    assert.match(await liveHits.first().locator('.snippet').textContent(), /<script>/);
    await watch.getByLabel('Notify me').uncheck();
    await watch.unroute('**/subscribe?**');
  });

  await check('no script errors while notifying', async () => {
    assert.deepEqual(watchErrors, []);
  });
} catch (error) {
  failures.push('setup');
  console.log(`FAIL setup\n${error.stack || error}`);
} finally {
  if (browser) await browser.close();
  if (server) server.child.kill('SIGTERM');
  if (coverageServer) coverageServer.child.kill('SIGTERM');
  if (liveServer) liveServer.child.kill('SIGTERM');
  rmSync(work, { recursive: true, force: true });
}
console.log(failures.length ? `${failures.length} failed: ${failures.join(', ')}` : `all passed; screenshots in ${screenshots}`);
process.exit(failures.length ? 1 : 0);
