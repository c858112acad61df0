import { chromium } from 'playwright-core';
const [,, file, out, width, selector] = process.argv;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--disable-sync','--no-first-run'] });
const page = await browser.newPage({ viewport: { width: Number(width), height: 900 } });
await page.goto('file://' + file);
const el = page.locator(selector).first();
await el.screenshot({ path: out });
await browser.close();
