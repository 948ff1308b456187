import zlib from "node:zlib";

// Where things landed in a printed page: read from the structure tree of a tagged PDF that
// Chromium wrote (page.pdf({tagged: true})). Chromium writes each structure element as a plain,
// uncompressed object: /S its type (TR, TH, LI, H2, ...), /P its parent, /Pg a page, /K its kids
// (marked-content ids on /Pg, other elements, or marked-content references with their own /Pg).
// So the pages an element's content was drawn on are known exactly, without reading the text.

const OBJECT = /(\d+) 0 obj\s*(<<[\s\S]*>>)\s*$/;

function* objects(text) {
  // [number, dictionary] of every object that is a dictionary alone (no stream).
  for (const chunk of text.split("endobj")) {
    if (chunk.includes("endstream")) continue;
    const m = chunk.match(OBJECT);
    if (m) yield [Number(m[1]), m[2]];
  }
}

function pageOrder(text) {
  // The page tree's root (the /Pages object with no /Parent) lists the pages in order.
  for (const [, body] of objects(text)) {
    if (/\/Type\s*\/Pages\b/.test(body) && !/\/Parent\b/.test(body)) {
      const kids = body.match(/\/Kids\s*\[([^\]]*)\]/);
      const refs = [...kids[1].matchAll(/(\d+)\s+0\s+R/g)].map((m) => Number(m[1]));
      return new Map(refs.map((ref, i) => [ref, i + 1]));
    }
  }
  throw new Error("no page tree in the PDF");
}

function kidsOf(body) {
  const start = body.indexOf("/K");
  if (start < 0) return [];
  let rest = body.slice(start + 2).trim();
  if (!rest.startsWith("[")) rest = `[${rest.split(/\/(?=[A-Z])/)[0]}]`;
  const kids = [];
  const token = /<<([\s\S]*?)>>|(\d+)\s+0\s+R|(\d+)|\]/g;
  token.lastIndex = 1;
  for (let m = token.exec(rest); m; m = token.exec(rest)) {
    if (m[0] === "]") break;
    if (m[1] !== undefined) {
      const pg = m[1].match(/\/Pg\s+(\d+)\s+0\s+R/);
      const mcid = m[1].match(/\/MCID\s+(\d+)/);
      if (mcid && pg) kids.push({ page: Number(pg[1]), ref_mcid: Number(mcid[1]) });
    } else if (m[2] !== undefined) kids.push({ ref: Number(m[2]) });
    else kids.push({ mcid: Number(m[3]) });
  }
  return kids;
}

export function structureTree(buffer) {
  const text = buffer.toString("latin1");
  const pages = pageOrder(text);
  const elements = new Map();
  for (const [num, body] of objects(text)) {
    if (!/\/Type\s*\/StructElem\b/.test(body)) continue;
    const head = body.split("/K")[0]; // its own entries; /K may hold references with a /Pg
    const type = head.match(/\/S\s*\/(\w+)/)[1];
    const pg = head.match(/\/Pg\s+(\d+)\s+0\s+R/);
    const parent = head.match(/\/P\s+(\d+)\s+0\s+R/);
    elements.set(num, {
      id: num,
      type,
      page: pg ? Number(pg[1]) : null,
      parent: parent ? Number(parent[1]) : null,
      kids: kidsOf(body),
      column_header: /\/Scope\s*\/Column\b/.test(body),
    });
  }
  return { pages, elements, drawn: drawnMarks(buffer, text) };
}

// For each page object, the marked-content ids whose content shows text or paints: Chromium
// also leaves an empty marked sequence on the page before when it pushes a line or a row to the
// next page, and that is not content drawn there.
function drawnMarks(buffer, text) {
  const streams = new Map();
  const re = /(\d+) 0 obj\b([\s\S]*?)\bstream\r?\n/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[2].includes("endobj")) {
      re.lastIndex = m.index + m[0].indexOf("endobj"); // that object had no stream
      continue;
    }
    const start = m.index + m[0].length;
    const end = text.indexOf("endstream", start);
    re.lastIndex = end;
    const raw = buffer.subarray(start, end);
    let data;
    try {
      data = /FlateDecode/.test(m[2]) ? zlib.inflateSync(raw) : raw;
    } catch {
      continue;
    }
    streams.set(Number(m[1]), data.toString("latin1"));
  }
  const out = new Map();
  for (const [num, body] of objects(text)) {
    if (!/\/Type\s*\/Page\b/.test(body)) continue;
    const contents = body.match(/\/Contents\s*(\[[^\]]*\]|\d+\s+0\s+R)/);
    if (!contents) continue;
    const refs = [...contents[1].matchAll(/(\d+)\s+0\s+R/g)].map((x) => Number(x[1]));
    const ops = refs.map((r) => streams.get(r) ?? "").join("\n");
    const painted = new Set();
    const mark = /\/MCID\s+(\d+)\s*>>\s*BDC([\s\S]*?)EMC/g;
    for (let m = mark.exec(ops); m; m = mark.exec(ops)) {
      if (/\b(Tj|TJ|Do|f|f\*|S|B|sh)\b|'|"/.test(m[2])) painted.add(Number(m[1]));
    }
    out.set(num, painted);
  }
  return out;
}

// Whether marked content `mcid` on page object `page` drew anything (true when unknown).
function paints(tree, page, mcid) {
  const marks = tree.drawn?.get(page);
  return !marks || marks.size === 0 || marks.has(mcid);
}

// The pages (1-based) on which anything of element `id` was drawn.
export function pagesOf(tree, id, inherited = null, seen = new Set()) {
  const found = new Set();
  const el = tree.elements.get(id);
  if (!el || seen.has(id)) return found;
  seen.add(id);
  const page = el.page ?? inherited;
  for (const kid of el.kids) {
    if (kid.mcid !== undefined && page !== null) {
      if (paints(tree, page, kid.mcid)) found.add(tree.pages.get(page));
    } else if (kid.page !== undefined) {
      if (kid.ref_mcid === undefined || paints(tree, kid.page, kid.ref_mcid)) {
        found.add(tree.pages.get(kid.page));
      }
    }
    else if (kid.ref !== undefined) {
      for (const p of pagesOf(tree, kid.ref, page, seen)) found.add(p);
    }
  }
  found.delete(undefined);
  return found;
}

// Elements in document order (depth first, kids in order), from the root.
export function inOrder(tree) {
  const isKid = new Set();
  for (const el of tree.elements.values()) {
    for (const k of el.kids) if (k.ref !== undefined) isKid.add(k.ref);
  }
  const out = [];
  const walk = (id) => {
    const el = tree.elements.get(id);
    if (!el) return;
    out.push(el);
    for (const k of el.kids) if (k.ref !== undefined) walk(k.ref);
  };
  for (const id of tree.elements.keys()) if (!isKid.has(id)) walk(id);
  return out;
}

function span(pages) {
  return pages.size ? [Math.min(...pages), Math.max(...pages)] : null;
}

// What print did with rows, list items, tables and the boxes whose headings are `boxHeadings`
// (their positions among the page's headings, in document order).
export function printedLayout(buffer, boxHeadings = []) {
  const tree = structureTree(buffer);
  const order = inOrder(tree);
  const split = (type) =>
    order.filter((el) => el.type === type && pagesOf(tree, el.id).size > 1).length;
  const tables = order.filter((el) => el.type === "Table").map((t) => tableOnPages(tree, order, t));
  const headings = order.filter((el) => /^H[1-6]$/.test(el.type));
  const boxes = boxHeadings.map((i) => {
    const heading = headings[i];
    const box = heading && tree.elements.get(heading.parent);
    return box ? pagesOf(tree, box.id).size : 0;
  });
  return {
    pages: tree.pages.size,
    rows: tables.reduce((n, t) => n + t.rows, 0),
    split_rows: tables.reduce((n, t) => n + t.split_rows, 0),
    items: order.filter((el) => el.type === "LI").length,
    split_items: split("LI"),
    tables: tables.length,
    tables_over_pages: tables.filter((t) => t.body_pages.length > 1).length,
    // a caption or header row on a page where none of the table's rows are
    orphan_headers: tables.filter((t) => t.orphaned).length,
    // a page holding rows of a table but not its header row (header not repeated)
    headers_missing: tables.reduce((n, t) => n + t.header_missing.length, 0),
    headings: headings.length,
    box_pages: boxes,
  };
}

function tableOnPages(tree, order, table) {
  const inside = order.filter((el) => within(tree, el, table.id));
  const cells = (row) => row.kids.map((k) => tree.elements.get(k.ref)).filter(Boolean);
  const isHeader = (row) => cells(row).length > 0 && cells(row).every((c) => c.column_header);
  const rows = inside.filter((el) => el.type === "TR");
  const header = rows.filter(isHeader);
  const body = rows.filter((r) => !isHeader(r));
  const union = (els) => new Set(els.flatMap((el) => [...pagesOf(tree, el.id)]));
  const bodyPages = union(body);
  const top = union([...header, ...inside.filter((el) => el.type === "Caption")]);
  const first = Math.min(...bodyPages);
  const headerPages = union(header);
  return {
    rows: body.length,
    split_rows: body.filter((r) => pagesOf(tree, r.id).size > 1).length,
    body_pages: [...bodyPages].sort(),
    orphaned: [...top].some((p) => p < first),
    header_missing: header.length ? [...bodyPages].filter((p) => !headerPages.has(p)) : [],
  };
}

function within(tree, el, ancestor) {
  for (let p = el.parent; p !== null; p = tree.elements.get(p)?.parent ?? null) {
    if (p === ancestor) return true;
  }
  return false;
}
