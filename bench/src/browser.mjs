// Chromium for the bench and its test: Debian's by default, CHROMIUM_PATH elsewhere. Nothing leaves
// the machine: Plaid's script is answered with an empty stand-in (the page defines window.Plaid)
// and any other non-loopback request is refused.
import { chromium } from 'playwright-core';
import { PLAID_SCRIPT_URL } from './server.mjs';

export const chromiumArgs = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** @param {{ executablePath?: string, args?: string[] }} [options] */
export function launchChromium(options = {}) {
  return chromium.launch({
    executablePath: options.executablePath ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: options.args ?? chromiumArgs,
  });
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * A fresh context and page on the bench page; page errors are collected in `errors`.
 * @param {import('playwright-core').Browser} browser
 * @param {string} url
 */
export async function openBenchPage(browser, url) {
  const context = await browser.newContext();
  await context.route(
    (target) => !LOOPBACK.has(target.hostname),
    (route) =>
      route.request().url() === PLAID_SCRIPT_URL
        ? route.fulfill({
            contentType: 'text/javascript',
            headers: { 'cross-origin-resource-policy': 'cross-origin' },
            body: '/* stand-in: the bench page defines a counting window.Plaid */',
          })
        : route.abort(),
  );
  const page = await context.newPage();
  /** @type {string[]} */
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(url);
  await page.waitForFunction(() => 'bench' in window);
  return { context, page, errors };
}
