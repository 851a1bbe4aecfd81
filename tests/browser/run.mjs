// End-to-end checks of kehoach's web app in headless Chromium.
//
//   node tests/browser/run.mjs BASE_URL ACCOUNTS_JSON ARTIFACT_DIR
//
// BASE_URL is a running `kehoach demo`; ACCOUNTS_JSON maps each demo login to
// { role, password } (scripts/browser-test.sh writes it from the table the
// demo prints). Every check runs in a fresh page, fails on any console error,
// uncaught exception or Content-Security-Policy violation, and leaves a
// full-page screenshot in ARTIFACT_DIR. The last line printed is the summary
// "browser tests: N passed, M failed"; the exit status is 1 if any failed.

import { mkdtempSync, readFileSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const STEP_TIMEOUT_MS = 5_000;
const RUN_TIMEOUT_MS = 180_000;
const MAX_FULL_PAGE_PX = 16_000;
const CHROMIUM = process.env.KEHOACH_CHROMIUM || '/usr/bin/chromium';
// Without the background-networking flags Chromium keeps calling home, which a
// closed network refuses (and which a test has no business doing anyway).
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const [baseArg, accountsFile, artifactDir] = process.argv.slice(2);
if (!baseArg || !accountsFile || !artifactDir) {
  console.error('usage: node run.mjs BASE_URL ACCOUNTS_JSON ARTIFACT_DIR');
  process.exit(2);
}
const BASE = baseArg.replace(/\/+$/, '');
const ACCOUNTS = JSON.parse(readFileSync(accountsFile, 'utf8'));
mkdirSync(artifactDir, { recursive: true });

/** Diacritic-free lower case, as the app's own search folds text. */
function fold(text) {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

/** Whether the element's box overlaps the viewport. */
async function inViewport(locator) {
  return locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.bottom > 0 && r.top < window.innerHeight && r.height > 0;
  });
}

async function navLinks(page) {
  return page.locator('header.top nav a').allTextContents();
}

// ---------------------------------------------------------------- checks

async function homeListsPlans(page) {
  await page.goto(`${BASE}/`);
  const cards = page.locator('ul.cards > li.card');
  const count = await cards.count();
  assert(count === 5, `expected 5 plans on the home page, found ${count}`);
  await cards.first().locator('h2 a').waitFor({ state: 'visible' });
}

/** Opens the Quảng Ninh plan from the home page; returns its first goal. */
async function openQuangNinh(page) {
  await page.goto(`${BASE}/`);
  const link = page.locator('ul.cards h2 a').filter({ hasText: /Quảng Ninh/i });
  assert((await link.count()) === 1, 'no single plan card mentions Quảng Ninh');
  await Promise.all([page.waitForURL(/\/plans\/\d+/), link.click()]);
  return page.locator('details.goal').first();
}

async function planGoalExpands(page) {
  const goal = await openQuangNinh(page);
  const goals = page.locator('details.goal');
  const total = await goals.count();
  assert(total > 0, 'the plan shows no goal');
  const open = await page.locator('details.goal[open]').count();
  assert(open === 0, `${open} of ${total} goals start open; all should start closed`);
  const task = goal.locator('li.task').first();
  assert(!(await task.isVisible()), 'a task of a closed goal is visible');
  await goal.locator(':scope > summary').click();
  assert((await goal.getAttribute('open')) !== null, 'the goal did not open on click');
  await task.waitFor({ state: 'visible' });
}

async function taskSourceLines(page) {
  const goal = await openQuangNinh(page);
  await goal.locator(':scope > summary').click();
  const link = goal.locator('li.task a.source').first();
  await link.waitFor({ state: 'visible' });
  const href = (await link.getAttribute('href')) ?? '';
  const line = /#L(\d+)$/.exec(href)?.[1];
  assert(line, `the task's source link has no #L<line> fragment: ${href}`);
  await Promise.all([page.waitForURL(/\/documents\/\d+/), link.click()]);
  assert(new URL(page.url()).hash === `#L${line}`, `landed on ${page.url()}, not #L${line}`);
  const highlighted = page.locator('ol.source-lines li.hl');
  assert((await highlighted.count()) > 0, 'no highlighted line on the source page');
  const target = page.locator(`ol.source-lines li#L${line}`);
  assert((await target.getAttribute('class'))?.includes('hl'), `line ${line} is not highlighted`);
  await target.waitFor({ state: 'visible' });
  assert(await inViewport(target), `line ${line} was not scrolled into view`);
}

/** Searches through the header box; the results must mark `phrase`. */
async function searchFinds(page, query, phrase) {
  await page.goto(`${BASE}/`);
  const box = page.locator('header form[role=search] input#q');
  await box.fill(query);
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().isNavigationRequest() && /\/search\?/.test(r.url())),
    box.press('Enter'),
  ]);
  assert(response.ok(), `GET ${response.url()} answered ${response.status()}`);
  await page.waitForLoadState('load');
  // Each element holding marks is one hit: its marks must cover every term
  // and its text hold the phrase, diacritics and all.
  const hits = await page.locator('main mark').evaluateAll((marks) => {
    const parents = [...new Set(marks.map((m) => m.parentElement))];
    return parents.map((p) => ({
      text: p.textContent ?? '',
      marks: [...p.querySelectorAll('mark')].map((m) => m.textContent ?? ''),
    }));
  });
  assert(hits.length > 0, `no <mark> in the results for "${query}"`);
  const terms = fold(query).split(' ');
  const wanted = phrase.toLocaleLowerCase('vi');
  const good = hits.filter((hit) => {
    const marked = hit.marks.map(fold).join(' ').split(' ');
    const covers = terms.every((t) => marked.some((m) => m.startsWith(t)));
    return covers && hit.text.normalize('NFC').toLocaleLowerCase('vi').includes(wanted);
  });
  assert(
    good.length > 0,
    `no result for "${query}" marks every term inside "${phrase}" (${hits.length} results with marks)`,
  );
}

async function searchPlanning(page) {
  await searchFinds(page, 'ke hoach dau tu', 'Kế hoạch và Đầu tư');
}

async function searchCleanWater(page) {
  await searchFinds(page, 'nuoc sach', 'nước sạch');
}

async function switchLanguage(page) {
  await page.goto(`${BASE}/`);
  assert((await page.locator('html').getAttribute('lang')) === 'vi', 'the app does not start in Vietnamese');
  const toEnglish = page.locator('header .account a[hreflang=en]');
  await Promise.all([page.waitForLoadState('load'), toEnglish.click()]);
  await page.locator('html[lang=en]').waitFor({ state: 'attached' });
  const english = await navLinks(page);
  assert(english.includes('Plans'), `no "Plans" in the English navigation: ${english.join(', ')}`);
  await page.screenshot({ path: join(artifactDir, 'language-en.png'), fullPage: true });
  const toVietnamese = page.locator('header .account a[hreflang=vi]');
  await Promise.all([page.waitForLoadState('load'), toVietnamese.click()]);
  await page.locator('html[lang=vi]').waitFor({ state: 'attached' });
  const vietnamese = await navLinks(page);
  assert(vietnamese.includes('Kế hoạch'), `no "Kế hoạch" back in Vietnamese: ${vietnamese.join(', ')}`);
}

/** What each demo account may see in the navigation. */
const ROLE_NAV = {
  admin: { accounts: true, import: true },
  dpi: { accounts: false, import: true },
  syt: { accounts: false, import: false },
  leader: { accounts: false, import: false },
};

/** Signs in through the header's login link, as a person would. */
async function signIn(page, login) {
  const account = ACCOUNTS[login];
  assert(account, `the demo printed no "${login}" account`);
  await page.context().clearCookies();
  await page.goto(`${BASE}/`);
  await Promise.all([page.waitForURL(/\/login/), page.locator('header .account a[href^="/login"]').click()]);
  await page.locator('input#login').fill(login);
  await page.locator('input#password').fill(account.password);
  await Promise.all([
    page.waitForURL((url) => !url.pathname.startsWith('/login')),
    page.locator('form[action="/login"] button[type=submit]').click(),
  ]);
}

/** Clicks a form's button and waits for the page the server sends back. */
async function submit(page, button) {
  await Promise.all([
    page.waitForResponse((r) => r.request().isNavigationRequest() && r.request().method() === 'GET'),
    button.click(),
  ]);
  await page.waitForLoadState('load');
}

function roleCheck(login) {
  return async (page) => {
    const account = ACCOUNTS[login];
    assert(account, `the demo printed no "${login}" account`);
    await signIn(page, login);
    const who = page.locator('header .account .who strong');
    assert((await who.textContent())?.trim() === login, `the header does not show "${login}"`);
    const expected = ROLE_NAV[login];
    const accounts = await page.locator('header nav a[href="/admin/users"]').count();
    const imports = await page.locator('header nav a[href="/import"]').count();
    assert((accounts > 0) === expected.accounts, `${login}: "Accounts" link ${accounts > 0 ? 'shown' : 'missing'}`);
    assert((imports > 0) === expected.import, `${login}: "Import" link ${imports > 0 ? 'shown' : 'missing'}`);
    // Hidden links are not enough: the pages themselves refuse the role.
    // (Asked through the context's request API, which shares the session
    // cookie, so an expected 403 is not a console error of the page.)
    for (const [path, allowed] of [['/admin/users', expected.accounts], ['/import', expected.import], ['/admin/audit', expected.accounts]]) {
      const response = await page.context().request.get(`${BASE}${path}`, { maxRedirects: 0 });
      const wanted = allowed ? 200 : 403;
      assert(response.status() === wanted, `${login}: ${path} answered ${response.status()}, not ${wanted}`);
    }
    await page.screenshot({ path: join(artifactDir, `role-${login}-signed-in.png`), fullPage: true });
    await Promise.all([
      page.waitForLoadState('load'),
      page.locator('header form[action="/logout"] button[type=submit]').click(),
    ]);
    await page.locator('header .account a[href^="/login"]').waitFor({ state: 'visible' });
    assert((await who.count()) === 0, `${login}: still signed in after logging out`);
  };
}

/**
 * The reporting chain end to end: Sở Y tế's reporter fills in an entry and
 * submits; DPI returns it with a comment; the reporter sees the comment,
 * fixes the entry and submits again; DPI accepts and the report locks.
 */
async function reportingRoundTrip(page) {
  const comment = 'Thiếu số liệu kết quả năm 2026';
  // Markup typed into a narrative must come back as text, never run.
  const narrative = 'Đã tổ chức 12 lớp tập huấn <script>window.__kehoachInjected = 1</script>';
  await signIn(page, 'syt');
  await Promise.all([page.waitForURL(/\/reporting$/), page.locator('header nav a[href="/reporting"]').click()]);
  const mine = page.locator('main a[href$="/my-report"]').first();
  await Promise.all([page.waitForURL(/\/reports\/\d+/), mine.click()]);
  const reportUrl = page.url().split('#')[0];
  const reportId = /\/reports\/(\d+)/.exec(reportUrl)[1];
  const entry = page.locator('section.entry').first();
  const entryId = (await entry.getAttribute('id'))?.replace('entry-', '');
  assert(entryId, 'the first entry has no id');
  const form = () => page.locator(`#entry-${entryId} form.entry-form`);
  await form().locator('select[name=status]').selectOption('in-progress');
  await form().locator('textarea[name=results]').fill(narrative);
  await form().locator('input[name="fund-state-budget"]').fill('1500,5');
  await submit(page, form().locator('button[type=submit]'));
  const saved = await form().locator('textarea[name=results]').inputValue();
  assert(saved === narrative, `the saved results read back as "${saved}"`);
  assert(await page.evaluate(() => typeof window.__kehoachInjected === 'undefined'), 'the narrative ran as a script');
  await submit(page, page.locator(`form[action="/reports/${reportId}/submit"] button[type=submit]`));
  await page.locator('p.flash[role=status]').waitFor({ state: 'visible' });
  assert((await page.locator('.report-state.state-submitted').count()) === 1, 'the report is not shown as submitted');
  assert((await page.locator('form.entry-form').count()) === 0, 'a submitted report still offers its forms');

  // DPI finds the report from the period page and returns it with a comment.
  await signIn(page, 'dpi');
  await Promise.all([page.waitForURL(/\/reporting$/), page.locator('header nav a[href="/reporting"]').click()]);
  await Promise.all([page.waitForURL(/\/periods\/\d+$/), page.locator('main a[href^="/periods/"]').filter({ hasText: /Năm/ }).first().click()]);
  const reviewLink = page.locator(`a[href="/reports/${reportId}/review"]`);
  assert((await reviewLink.count()) === 1, 'the period page has no review link for the submitted report');
  await Promise.all([page.waitForURL(/\/review$/), reviewLink.click()]);
  await page.locator(`textarea[name="comment_${entryId}"]`).fill(comment);
  await submit(page, page.locator('#return-form button[type=submit]'));

  // The reporter sees the comment, fixes the entry, submits again.
  await signIn(page, 'syt');
  await page.goto(reportUrl);
  const note = page.locator(`#entry-${entryId} .review-comment`);
  await note.waitFor({ state: 'visible' });
  assert((await note.textContent()).includes(comment), 'the returned entry does not show DPI\'s comment');
  await page.locator(`#entry-${entryId}`).scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(artifactDir, 'reporting-returned-entry.png') });
  await form().locator('select[name=status]').selectOption('done');
  await form().locator('textarea[name=results]').fill('Đã tổ chức 12 lớp tập huấn cho 480 cán bộ y tế cơ sở');
  await submit(page, form().locator('button[type=submit]'));
  await submit(page, page.locator(`form[action="/reports/${reportId}/submit"] button[type=submit]`));
  await page.locator('.report-state.state-submitted').waitFor({ state: 'attached' });

  // DPI accepts; the report is locked for its agency.
  await signIn(page, 'dpi');
  await page.goto(`${reportUrl}/review`);
  await page.screenshot({ path: join(artifactDir, 'reporting-review.png') });
  await submit(page, page.locator(`form[action="/reports/${reportId}/accept"] button[type=submit]`));
  await signIn(page, 'syt');
  await page.goto(reportUrl);
  await page.locator('.report-state.state-accepted').waitFor({ state: 'attached' });
  assert((await page.locator('form.entry-form').count()) === 0, 'an accepted report still offers its forms');
  assert((await page.locator('main').textContent()).includes('480 cán bộ'), 'the accepted entry does not show the fixed results');
}

/** Kiên Giang's indicator 2.1 from the plan page: its chart and table. */
async function indicatorChart(page) {
  await page.goto(`${BASE}/`);
  const card = page.locator('ul.cards h2 a').filter({ hasText: /Kiên Giang/i });
  assert((await card.count()) === 1, 'no single plan card mentions Kiên Giang');
  await Promise.all([page.waitForURL(/\/plans\/\d+/), card.click()]);
  const row = page.locator('tr[id^="indicator-"]').filter({ has: page.locator('td', { hasText: /^2\.1$/ }) });
  assert((await row.count()) === 1, 'no single row for indicator 2.1');
  await Promise.all([page.waitForURL(/\/indicators\/\d+$/), row.locator('a[href^="/indicators/"]').click()]);
  const chart = page.locator('figure.chart svg.chart[role=img]');
  await chart.waitFor({ state: 'visible' });
  const box = await chart.boundingBox();
  assert(box && box.width > 300 && box.height > 100, `the chart is ${box?.width}×${box?.height}`);
  assert((await chart.locator('circle.observed').count()) >= 1, 'no observed value drawn');
  assert((await chart.locator('path.target').count()) >= 1, 'no target drawn');
  const desc = (await chart.locator('desc').textContent()) ?? '';
  assert(desc.includes('2015: 13,6'), `the chart's description lacks the 2015 baseline: ${desc}`);
  await page.locator('section#progress h2').waitFor({ state: 'visible' });
  const csv = await page.context().request.get(`${BASE}${new URL(page.url()).pathname}/open-sdg.csv`);
  assert(csv.ok() && (await csv.text()).startsWith('Year,Units,Value\n2015,'), 'the Open SDG data file');
}

/** Kiên Giang's indicators' progress, goal by goal, each status explained. */
async function planProgress(page) {
  await page.goto(`${BASE}/`);
  const card = page.locator('ul.cards h2 a').filter({ hasText: /Kiên Giang/i });
  await Promise.all([page.waitForURL(/\/plans\/\d+/), card.click()]);
  await Promise.all([page.waitForURL(/\/progress$/), page.locator('main a[href$="/progress"]').click()]);
  const rows = page.locator('table.progress-overview tbody tr');
  assert((await rows.count()) >= 10, `only ${await rows.count()} goals in the overview`);
  const why = page.locator('a[href$="#progress"]').first();
  await Promise.all([page.waitForURL(/#progress$/), why.click()]);
  await page.locator('section#progress').waitFor({ state: 'visible' });
}

async function skipLinkFirst(page) {
  await page.goto(`${BASE}/`);
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => {
    const el = document.activeElement;
    return el ? `${el.tagName.toLowerCase()}.${el.className}|${el.getAttribute('href')}` : '';
  });
  assert(focused === 'a.skip|#main', `Tab focused ${focused || 'nothing'}, not the skip link`);
  assert(await page.locator('a.skip').isVisible(), 'the focused skip link is not visible');
}

const CHECKS = [
  ['home lists 5 plans', 'home', homeListsPlans],
  ['plan goal expands', 'plan-goal', planGoalExpands],
  ['task source lines', 'source-lines', taskSourceLines],
  ['search "ke hoach dau tu"', 'search-ke-hoach-dau-tu', searchPlanning],
  ['search "nuoc sach"', 'search-nuoc-sach', searchCleanWater],
  ['switch to English and back', 'language', switchLanguage],
  ...Object.keys(ROLE_NAV).map((login) => [`role ${login}`, `role-${login}`, roleCheck(login)]),
  ['Tab reaches the skip link first', 'skip-link', skipLinkFirst],
  ['report, return, fix, resubmit, accept', 'reporting-round-trip', reportingRoundTrip],
  ['indicator chart and open data', 'indicator-chart', indicatorChart],
  ['plan progress overview', 'plan-progress', planProgress],
];

// ---------------------------------------------------------------- runner

/** Runs one check in a fresh page; returns the problems found (none = pass). */
async function runCheck(context, slug, check) {
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT_MS);
  page.setDefaultNavigationTimeout(STEP_TIMEOUT_MS);
  const problems = [];
  page.on('console', (msg) => {
    const text = msg.text();
    const where = msg.location()?.url;
    if (msg.type() === 'error' || /Content.Security.Policy/i.test(text)) {
      problems.push(`console ${msg.type()}: ${text}${where ? ` (${where})` : ''}`);
    }
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  try {
    await check(page);
  } catch (err) {
    problems.unshift(String(err.message ?? err).split('\n')[0]);
  }
  try {
    // A whole source document is too tall for one image: past this height
    // the screenshot shows the viewport, where the check left its subject.
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    const fullPage = height <= MAX_FULL_PAGE_PX;
    await page.screenshot({ path: join(artifactDir, `${slug}.png`), fullPage });
  } catch (err) {
    problems.push(`screenshot failed: ${err.message}`);
  }
  await page.close();
  return problems;
}

async function main() {
  const userDataDir = mkdtempSync(join(tmpdir(), 'kehoach-chromium-'));
  const watchdog = setTimeout(() => {
    console.error(`browser tests: gave up after ${RUN_TIMEOUT_MS / 1000} s`);
    process.exit(1);
  }, RUN_TIMEOUT_MS);
  let context;
  let passed = 0;
  let failed = 0;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1280, height: 800 },
      locale: 'vi-VN',
      timeout: 20_000,
    });
    // A CSP violation is also reported as an event the console may not show.
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
      });
    });
    // KEHOACH_BROWSER_ONLY=search runs only the checks whose name holds it.
    const only = process.env.KEHOACH_BROWSER_ONLY ?? '';
    for (const [name, slug, check] of CHECKS.filter(([name]) => name.includes(only))) {
      const started = Date.now();
      const problems = await runCheck(context, slug, check);
      const ms = Date.now() - started;
      if (problems.length === 0) {
        passed += 1;
        console.log(`ok    ${name} (${ms} ms)`);
      } else {
        failed += 1;
        console.log(`FAIL  ${name} (${ms} ms)`);
        for (const p of problems) console.log(`        ${p}`);
      }
    }
  } catch (err) {
    failed += 1;
    console.log(`FAIL  starting Chromium (${CHROMIUM}): ${String(err.message ?? err).split('\n')[0]}`);
  } finally {
    await context?.close().catch(() => {});
    rmSync(userDataDir, { recursive: true, force: true });
    clearTimeout(watchdog);
  }
  console.log(`browser tests: ${passed} passed, ${failed} failed`);
  process.exitCode = failed === 0 ? 0 : 1;
}

await main();
