// Phone speed of the public pages, as Lighthouse (mobile settings: slow 4G, 4x CPU slowdown)
// measures it in Debian's Chromium. Targets (DESIGN.md): performance >= 0.95, accessibility 1.0,
// public-route JavaScript <= 150 KB gzipped.
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { startApi, writeResult } from '../lib.mjs';

export const name = 'lighthouse';
export const description = 'Lighthouse mobile audit of the home page, an appeal page and the tip form';
export const byDefault = false; // needs Chromium: run it by name

export async function run() {
  const api = await startApi();
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    chromeFlags: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const { items } = await (await fetch(`${api.url}/api/public/appeals`)).json();
    const withPhoto = items.find((i) => i.thumbnail) ?? items[0];
    const pages = {
      home: '/',
      appeal: `/appeals/${withPhoto.slug}`,
      tipForm: `/tips/new?appeal=${withPhoto.slug}`,
    };
    const results = {};
    for (const [label, path] of Object.entries(pages)) {
      const { lhr } = await lighthouse(api.url + path, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility'],
      });
      if (lhr.runtimeError || lhr.categories.performance.score === null) {
        // Say why rather than record a null score as if it were a measurement.
        const why =
          lhr.runtimeError ?? lhr.audits['largest-contentful-paint']?.errorMessage ?? lhr.runWarnings;
        console.log(`${label.padEnd(8)} no score: ${JSON.stringify(why)}`);
      }
      const scripts = (lhr.audits['network-requests'].details?.items ?? []).filter(
        (r) => r.resourceType === 'Script',
      );
      const jsKb = Math.round((scripts.reduce((sum, r) => sum + (r.transferSize ?? 0), 0) / 1024) * 10) / 10;
      results[label] = {
        path,
        performance: lhr.categories.performance.score,
        accessibility: lhr.categories.accessibility.score,
        lcpMs: Math.round(lhr.audits['largest-contentful-paint'].numericValue),
        cls: Math.round(lhr.audits['cumulative-layout-shift'].numericValue * 1000) / 1000,
        totalBlockingTimeMs: Math.round(lhr.audits['total-blocking-time'].numericValue),
        javascriptKbTransferred: jsKb,
        met:
          lhr.categories.performance.score >= 0.95 && lhr.categories.accessibility.score === 1 && jsKb <= 150,
      };
      const r = results[label];
      console.log(
        `${label.padEnd(8)} perf ${r.performance}  a11y ${r.accessibility}  LCP ${r.lcpMs} ms  CLS ${r.cls}  TBT ${r.totalBlockingTimeMs} ms  JS ${jsKb} KB`,
      );
    }
    return writeResult(name, { results, met: Object.values(results).every((r) => r.met) });
  } finally {
    await chrome.kill();
    await api.stop();
  }
}
