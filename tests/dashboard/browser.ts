import fs from 'node:fs';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer';
import { RenderSettings } from '../../src/config/sections/render.js';
import { REPO_ROOT } from '../support/cli.js';

/** Screenshots are test artefacts: kept under the git-ignored output folder, never committed. */
export const ARTIFACTS = path.join(REPO_ROOT, 'output', 'test-artifacts', 'dashboard');

export async function launchBrowser(userDataDir: string): Promise<Browser> {
  return puppeteer.launch({
    executablePath: RenderSettings.parse({}).chromiumPath,
    userDataDir,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** Texts of every element matching the selector. */
export function texts(page: Page, selector: string): Promise<string[]> {
  return page.$$eval(selector, (els) => els.map((e) => (e.textContent ?? '').trim()));
}

export function attrs(page: Page, selector: string, name: string): Promise<string[]> {
  return page.$$eval(selector, (els, n) => els.map((e) => e.getAttribute(n) ?? ''), name);
}
