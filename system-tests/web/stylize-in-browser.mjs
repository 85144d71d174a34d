// Opens Atelier's page in headless Chromium, uploads a photo, picks a style, submits, waits for the result
// and prints what the page shows as JSON. Exit 1 with the page's error message when it fails. With a PAINTING it
// picks "your own painting" instead, drops the painting, and waits for a preview of the running optimisation before
// the result (screenshot web-page-optimise.png).
//   node stylize-in-browser.mjs PAGE_URL_WITH_#key PHOTO STYLE OUT_DIR [PAINTING]
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const [url, photo, style, outDir, painting] = process.argv.slice(2);
const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
mkdirSync(outDir, { recursive: true });

const browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
const logs = [];
page.on('console', (m) => logs.push(`${m.type()}: ${m.text()}`));
// Anything the page's Content-Security-Policy blocks is a failure, not a console line to overlook.
await page.addInitScript(() => {
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
});
try {
  const response = await page.goto(url);
  const csp = response.headers()['content-security-policy'] || '';
  await page.locator(`#styles label[data-style="${style}"]`).click({ timeout: 30000 });
  // Every style that has a preview shows it: none still loading, none broken.
  await page.waitForFunction(() => document.querySelectorAll('#styles label[data-preview="pending"]').length === 0,
    null, { timeout: 30000 });
  const previews = await page.evaluate(() => [...document.querySelectorAll('#styles label[data-preview]')]
    .map((l) => ({ style: l.dataset.style, state: l.dataset.preview, width: l.querySelector('img')?.naturalWidth || 0 })));
  const broken = previews.filter((p) => p.state !== 'shown' || p.width === 0).map((p) => p.style);
  if (broken.length > 0) {
    throw new Error(`style previews that do not show: ${broken.join(', ')}`);
  }
  await page.setInputFiles('#photo', photo);
  let previewStep = 0;
  if (painting) {
    await page.locator('#styles label[data-style="@own"]').click();
    await page.setInputFiles('#painting', painting);
    await page.locator('#steps').fill('60');
    await page.click('#submit');
    // A preview of the running optimisation shows before the result does.
    await page.waitForFunction(() => document.getElementById('result').dataset.previewStep, null, { timeout: 180000 });
    previewStep = Number(await page.evaluate(() => document.getElementById('result').dataset.previewStep));
    await page.screenshot({ path: join(outDir, 'web-page-optimise-running.png'), fullPage: true });
  } else {
    await page.locator('#strength').fill('0.9');
    await page.locator('#style-scale').fill('1.5');
    await page.check('#preserve-colors');
    await page.click('#submit');
  }
  const outcome = await Promise.race([
    page.waitForFunction(() => {
      const img = document.getElementById('result');
      return img.complete && img.naturalWidth > 0 && document.getElementById('status').textContent.startsWith('Done');
    }, null, { timeout: 180000 }).then(() => 'result'),
    page.locator('#error:not([hidden])').waitFor({ timeout: 180000 }).then(() => 'error'),
  ]);
  await page.screenshot({ path: join(outDir, painting ? 'web-page-optimise.png' : 'web-page.png'), fullPage: true });
  if (outcome === 'error') {
    throw new Error(`the page shows an error: ${await page.locator('#error').textContent()}`);
  }
  const violations = await page.evaluate(() => window.__cspViolations);
  if (violations.length > 0) {
    throw new Error(`the Content-Security-Policy blocked: ${violations.join('; ')}`);
  }
  const shown = await page.evaluate(() => ({
    original: { width: document.getElementById('original').naturalWidth, height: document.getElementById('original').naturalHeight },
    result: { width: document.getElementById('result').naturalWidth, height: document.getElementById('result').naturalHeight },
    status: document.getElementById('status').textContent,
    download: document.getElementById('download').getAttribute('download'),
  }));
  shown.previews = previews.length;
  shown.previewStep = previewStep;
  console.log(JSON.stringify({ ...shown, csp }));
} catch (err) {
  console.error(err.message);
  console.error(logs.join('\n'));
  process.exitCode = 1;
} finally {
  await browser.close();
}
