// Open strainscore HTML reports in headless Chromium the way a reader would, and say what happened.
//
// Usage: node check_reports.mjs job.json
//   job.json: {"pages": [{"file": "/abs/report.html", "axe": true, "screenshot": "/abs/shot.png",
//              "print": true, "phone": true, "phone_screenshot": "/abs/phone.png"}]}
// Prints one JSON object on stdout: per page, the requests made that were not file: or data:,
// console errors, page errors, dialogs opened, script/img elements in the DOM, the visible text,
// horizontal overflow when laid out for print on A4, and axe-core violations by impact.
// With "print": the number of pages when printed to PDF on A4 and on Letter; the print rules as
// applied (thead repeated, rows, items and boxes kept whole); and, from the tagged PDF's structure
// tree (pdf_tags.mjs), rows, items and boxes drawn on more than one page, captions or header rows
// left on a page without their table's rows, and pages of a table without its header row. With "phone": how
// far the page scrolls sideways at 390 px wide (a phone), and the widest element that overflows.
// Chromium: $CHROMIUM, else /usr/bin/chromium. The report's CSP is bypassed only to inject axe.

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { printedLayout } from "./pdf_tags.mjs";

const require = createRequire(import.meta.url);
const AXE_PATH = require.resolve("axe-core/axe.min.js");
const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-default-apps",
  "--disable-extensions",
];
// A4 minus 12 mm margins each side, in CSS pixels (96 per inch).
const A4_PRINT_WIDTH = Math.floor(((210 - 24) / 25.4) * 96);

function local(url) {
  return url.startsWith("file:") || url.startsWith("data:") || url.startsWith("about:");
}

async function openAsReader(browser, file) {
  // Playwright gives every context a fresh, temporary profile (user data dir).
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  const seen = { requests: [], console_errors: [], page_errors: [], dialogs: [] };
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (local(url)) return route.continue();
    seen.requests.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  page.on("request", (req) => {
    const url = req.url();
    if (!local(url) && !seen.requests.includes(url)) seen.requests.push(url);
  });
  page.on("console", (msg) => {
    if (msg.type() === "error") seen.console_errors.push(msg.text());
  });
  page.on("pageerror", (err) => seen.page_errors.push(String(err)));
  page.on("dialog", async (dialog) => {
    seen.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    await dialog.dismiss();
  });
  await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
  await page.waitForTimeout(150); // let an onerror handler or timer fire if one had slipped in
  const dom = await page.evaluate(() => ({
    title: document.title,
    lang: document.documentElement.lang,
    scripts: document.querySelectorAll("script").length,
    images: document.querySelectorAll("img").length,
    text: document.body.innerText,
  }));
  await page.emulateMedia({ media: "print" });
  await page.setViewportSize({ width: A4_PRINT_WIDTH, height: 1100 });
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  await page.emulateMedia({ media: "screen" });
  await page.setViewportSize({ width: 1200, height: 900 });
  return { context, page, seen, dom, print_overflow_px: overflow };
}

async function runAxe(browser, file) {
  const context = await browser.newContext({ bypassCSP: true });
  try {
    const page = await context.newPage();
    await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
    await page.addScriptTag({ path: AXE_PATH });
    const result = await page.evaluate(async () => {
      // eslint-disable-next-line no-undef
      const r = await axe.run(document, { resultTypes: ["violations"] });
      return r.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.length,
        targets: v.nodes.slice(0, 3).map((n) => n.target.join(" ")),
      }));
    });
    const counts = { critical: 0, serious: 0, moderate: 0, minor: 0 };
    for (const v of result) counts[v.impact] = (counts[v.impact] || 0) + v.nodes;
    return { violations: result, counts };
  } finally {
    await context.close();
  }
}

function pdfPages(buffer) {
  // Chromium writes one "/Type /Page" object per page (and "/Type /Pages" for the tree).
  return (buffer.toString("latin1").match(/\/Type\s*\/Page(?![s\w])/g) || []).length;
}

// In print media: the rules that keep rows and boxes whole and repeat table headers, as the
// browser applied them, and where the boxes' headings stand among the printed headings.
function printRules() {
  const shown = (el) => el.getClientRects().length > 0;
  const css = (el) => getComputedStyle(el);
  const whole = (el) => css(el).breakInside === "avoid";
  const headings = [...document.querySelectorAll("h1, h2, h3, h4, h5, h6")].filter(shown);
  const boxes = [...document.querySelectorAll(".summary")].filter(shown);
  return {
    theads: document.querySelectorAll("thead").length,
    theads_not_repeated: [...document.querySelectorAll("thead")].filter(
      (el) => css(el).display !== "table-header-group",
    ).length,
    rows_breakable: [...document.querySelectorAll("tr")].filter(shown).filter((el) => !whole(el))
      .length,
    items_breakable: [...document.querySelectorAll("li")].filter(shown).filter((el) => !whole(el))
      .length,
    boxes: boxes.length,
    boxes_breakable: boxes.filter((el) => !whole(el)).length,
    headings: headings.length,
    box_headings: headings
      .map((h, i) => (h.parentElement.matches(".summary") ? i : -1))
      .filter((i) => i >= 0),
  };
}

async function printPages(browser, file) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
    await page.emulateMedia({ media: "print" });
    const rules = await page.evaluate(printRules);
    const counts = {};
    const layout = {};
    for (const format of ["A4", "Letter"]) {
      // Tagged: the PDF's structure tree says on which pages each row, item and box was drawn.
      const pdf = await page.pdf({ format, preferCSSPageSize: false, tagged: true });
      counts[format] = pdfPages(pdf);
      layout[format] = printedLayout(pdf, rules.box_headings);
    }
    return { print_pages: counts, print_rules: rules, print_layout: layout };
  } finally {
    await context.close();
  }
}

async function phoneWidth(browser, file, screenshot) {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 1,
    isMobile: true,
    hasTouch: true,
  });
  try {
    const page = await context.newPage();
    await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
    const result = await page.evaluate(() => {
      const doc = document.documentElement;
      const limit = doc.clientWidth;
      let widest = null;
      for (const el of document.body.querySelectorAll("*")) {
        const r = el.getBoundingClientRect();
        if (r.width > 0 && r.right > limit + 1 && (!widest || r.right > widest.right)) {
          widest = { tag: el.tagName.toLowerCase(), cls: el.className && String(el.className), right: Math.round(r.right) };
        }
      }
      return { scroll_width: doc.scrollWidth, client_width: limit, widest };
    });
    if (screenshot) await page.screenshot({ path: screenshot, fullPage: false });
    return result;
  } finally {
    await context.close();
  }
}

async function checkPage(browser, item) {
  const started = Date.now();
  const opened = await openAsReader(browser, item.file);
  const entry = {
    file: item.file,
    ...opened.seen,
    ...opened.dom,
    print_overflow_px: opened.print_overflow_px,
  };
  if (item.screenshot) {
    await opened.page.screenshot({ path: item.screenshot, fullPage: false }); // the top, cropped
    entry.screenshot = item.screenshot;
  }
  await opened.context.close();
  if (item.print) Object.assign(entry, await printPages(browser, item.file));
  if (item.phone) entry.phone = await phoneWidth(browser, item.file, item.phone_screenshot);
  if (item.axe) entry.axe = await runAxe(browser, item.file);
  entry.ms = Date.now() - started;
  return entry;
}

async function main() {
  const job = JSON.parse(readFileSync(process.argv[2], "utf8"));
  const executablePath = process.env.CHROMIUM || "/usr/bin/chromium";
  const browser = await chromium.launch({ executablePath, args: ARGS, headless: true });
  const out = { chromium: browser.version(), pages: new Array(job.pages.length) };
  // PAGES_AT_ONCE pages are checked together (default 2: these machines have two cores).
  const width = Math.max(1, Math.min(Number(process.env.PAGES_AT_ONCE || 2), job.pages.length));
  let next = 0;
  const worker = async () => {
    while (next < job.pages.length) {
      const i = next++;
      out.pages[i] = await checkPage(browser, job.pages[i]);
    }
  };
  try {
    await Promise.all(Array.from({ length: width }, worker));
  } finally {
    await browser.close();
  }
  process.stdout.write(JSON.stringify(out, null, 1) + "\n");
}

main().catch((err) => {
  process.stderr.write(String(err && err.stack ? err.stack : err) + "\n");
  process.exit(1);
});
