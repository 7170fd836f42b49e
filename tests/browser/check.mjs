// SPDX-License-Identifier: MIT
// The HTML reports in a real browser (Debian's chromium, driven by puppeteer-core): what a
// reader sees, what a printer makes, and that the page asks for nothing on the network.
//
//   node check.mjs DIR     DIR holds the report pages (run.sh makes them);
//                          screenshots and PDFs are written next to them
//
// The expected figures are examples/EXPECTED.md's, worked out by hand: HP01 84.32 Tốt,
// HP02 57.50 Trung bình, HP06 54.40 Trung bình (hai-phong-2025-bao.csv and -loi.csv).
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

const require = createRequire(process.env.PRESSDX_NODE_MODULES + "/");
const puppeteer = require("puppeteer-core");
const dir = path.resolve(process.argv[2]);
const failures = [];
function expect(what, want, got) {
  const ok = JSON.stringify(want) === JSON.stringify(got);
  console.log(`${ok ? "ok  " : "FAIL"} ${what}${ok ? "" : `: want ${JSON.stringify(want)}, got ${JSON.stringify(got)}`}`);
  if (!ok) failures.push(what);
}

const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
});

// Opens a page with every request watched: the page itself is the only one allowed.
async function open(name, width) {
  const page = await browser.newPage();
  await page.setViewport({ width, height: 900 });
  const url = pathToFileURL(path.join(dir, name)).href;
  const others = [];
  await page.setRequestInterception(true);
  page.on("request", (r) => {
    if (r.url() !== url) others.push(r.url());
    r.continue();
  });
  await page.goto(url, { waitUntil: "load" });
  expect(`${name}: no request but the page itself`, [], others);
  return page;
}

function pdfPages(bytes) {
  return (bytes.toString("latin1").match(/\/Type\s*\/Page[^s]/g) || []).length;
}

// ---- the agencies' report ----
{
  const page = await open("score.html", 1000);
  const seen = await page.evaluate(() =>
    [...document.querySelectorAll("main > section")].map((s) => {
      const fig = (k) => s.querySelector(`dl.figures div.${k} dd`);
      const visible = (e) => !!e && e.checkVisibility() && e.getBoundingClientRect().width > 0;
      return {
        heading: s.querySelector("h2").innerText,
        total: fig("total").innerText,
        level: fig("level").innerText,
        shown: visible(fig("total")) && visible(fig("level")),
        rows: s.querySelectorAll("table.criteria tbody tr").length,
        bars: s.querySelectorAll("svg rect.bar").length,
      };
    }));
  expect("score.html: agencies, totals, levels as seen", [
    { heading: "HP01 — Báo Cảng Xanh (mẫu)", total: "84.32", level: "Tốt", shown: true, rows: 43, bars: 5 },
    { heading: "HP02 — Báo điện tử Phố Biển (mẫu)", total: "57.50", level: "Trung bình", shown: true, rows: 43, bars: 5 },
    { heading: "HP06 — Báo Cửa Cấm (mẫu)", total: "54.40", level: "Trung bình", shown: true, rows: 43, bars: 5 },
  ], seen);
  const notice = await page.$eval("p.notice", (e) => e.checkVisibility() && e.innerText.includes("TẠM THỜI"));
  expect("score.html: the provisional notice is shown", true, notice);
  await page.screenshot({ path: path.join(dir, "score.png") });
  const pdf = Buffer.from(await page.pdf({ format: "A4", printBackground: true }));
  const pages = pdfPages(pdf);
  // each agency starts a page; 43 criteria (the 2025 edition), the roadmap and HP06's
  // errors take two or three pages each
  expect(`score.html printed: between 3 and 9 A4 pages for 3 agencies (got ${pages})`, true, pages >= 3 && pages <= 9);
  await page.close();
  // a phone: the page does not scroll sideways (wide tables scroll in their own box)
  const small = await open("score.html", 360);
  const wide = await small.evaluate(() => document.documentElement.scrollWidth);
  expect("score.html at 360 px: no sideways scroll of the page", true, wide <= 360);
  await small.screenshot({ path: path.join(dir, "score-360.png") });
  await small.close();
}

// ---- the publication list ----
{
  const page = await open("publication.html", 1000);
  const rows = await page.evaluate(() =>
    [...document.querySelectorAll("main > section")].map((s) => [
      s.querySelector("h2").innerText,
      [...s.querySelectorAll("tbody tr")].map((tr) => [...tr.cells].map((c) => c.innerText)),
    ]));
  expect("publication.html: blocks, order, levels, no score", [
    ["Khối (block): Báo địa phương — 2 cơ quan", [
      ["1", "Báo Cảng Xanh (mẫu)", "Thành ủy Hải Phòng", "Tốt", "Báo địa phương"],
      ["2", "Báo điện tử Phố Biển (mẫu)", "UBND thành phố Hải Phòng", "Trung bình", "Báo địa phương"]]],
  ], rows);
  await page.screenshot({ path: path.join(dir, "publication.png") });
  await page.close();
}

// ---- the ranking dashboard ----
{
  const page = await open("rank.html", 1000);
  const first = await page.evaluate(() => {
    const s = document.querySelector("main > section");
    return [s.querySelector("h2").innerText,
      [...s.querySelectorAll("tbody tr")].map((tr) => [tr.cells[0].innerText, tr.cells[1].innerText, tr.cells[3].innerText, tr.cells[4].innerText]),
      s.querySelectorAll("svg rect.seg").length];
  });
  expect("rank.html: Báo địa phương ranked as seen", ["Khối (block): Báo địa phương — 2 cơ quan",
    [["1", "HP01", "84.32", "Tốt"], ["2", "HP02", "57.50", "Trung bình"]], 2], first);
  await page.screenshot({ path: path.join(dir, "rank.png") });
  await page.close();
}

// ---- the summary, roadmap, comparison and targets pages: what a reader sees ----
// (hand-worked in examples/EXPECTED.md and EXPECTED-2.md: HP01 2025 84.32 Tốt is 5.68
// short of 90; HP02 57.50 Trung bình is 7.50 short of 65; in 2024 they had 75.10 Khá
// and 50.85 Trung bình)
async function figures(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll("main > section")].map((s) => [
      s.querySelector("h2").innerText,
      Object.fromEntries([...s.querySelectorAll("dl.figures > div")].map((d) => [d.className, d.querySelector("dd").innerText])),
    ]));
}
{
  const page = await open("gap.html", 1000);
  expect("gap.html: points needed as seen", [
    ["HP01 — Báo Cảng Xanh (mẫu) · 2025", { total: "84.32", level: "Tốt", needed: "5.68" }],
    ["HP02 — Báo điện tử Phố Biển (mẫu) · 2025", { total: "57.50", level: "Trung bình", needed: "7.50" }],
  ], await figures(page));
  await page.screenshot({ path: path.join(dir, "gap.png") });
  await page.close();
}
{
  const page = await open("diff.html", 1000);
  expect("diff.html: before and after as seen", [
    ["HP01 — Báo Cảng Xanh (mẫu) · 2025", { before_total: "75.10", after_total: "84.32", before_level: "Khá", after_level: "Tốt" }],
    ["HP02 — Báo điện tử Phố Biển (mẫu) · 2025", { before_total: "50.85", after_total: "57.50", before_level: "Trung bình", after_level: "Trung bình" }],
  ], (await figures(page)).slice(0, 2));
  await page.screenshot({ path: path.join(dir, "diff.png") });
  await page.close();
}
{
  const page = await open("targets.html", 1000);
  const drawn = await page.evaluate(() => {
    const rows = document.querySelectorAll("table.indicators tbody tr").length;
    const bars = document.querySelectorAll("svg rect.bar").length;
    const marks = document.querySelectorAll("svg .target").length;
    return rows > 0 && rows === bars && bars === marks;
  });
  expect("targets.html: one bar and one target mark per indicator", true, drawn);
  await page.screenshot({ path: path.join(dir, "targets.png") });
  await page.close();
}
{
  const page = await open("summary.html", 1000);
  const groups = await page.evaluate(() =>
    [...document.querySelectorAll("table.groups tbody tr")].map((tr) => [tr.cells[0].innerText, tr.cells[1].innerText]));
  // hai-phong-2025-bao.csv holds HP01 and HP02; tay-ninh-2025.csv three agencies
  expect("summary.html: agencies per province as seen", [["Hải Phòng", "2"], ["Tây Ninh", "3"], ["Tất cả (all)", "5"]], groups);
  await page.screenshot({ path: path.join(dir, "summary.png") });
  await page.close();
}

await browser.close();
if (failures.length) {
  console.log(`${failures.length} check(s) failed`);
  process.exit(1);
}
console.log("browser: all checks passed");
