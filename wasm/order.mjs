// Renames the functions of a WebAssembly module so that binaryen's `--reorder-functions-by-name`
// lays them out family by family: the copies of one generic function or trait method (its name
// without rustc's `::h<hash>`, from the trait on for a trait method), each family's copies by
// size. Similar code side by side compresses better (gzip finds its matches within 32 KB): some
// 15 KB less gzipped for the checking module (wasm/README.md, "Sizes"). Only names change, which
// build.sh strips afterwards.
//
// node order.mjs <in.wasm> <out.wasm>
import { readFileSync, writeFileSync } from 'node:fs';

const [input, output] = process.argv.slice(2);
const d = readFileSync(input);

function leb(pos) {
  let result = 0;
  let shift = 0;
  for (;;) {
    const b = d[pos++];
    result += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if (b < 0x80) return [result, pos];
  }
}

function enc(n) {
  const out = [];
  for (;;) {
    const b = n % 128;
    n = Math.floor(n / 128);
    if (n === 0) {
      out.push(b);
      return out;
    }
    out.push(b | 0x80);
  }
}

// Sections: [id, start of body, end of body].
const sections = [];
for (let pos = 8; pos < d.length; ) {
  const id = d[pos];
  const [size, start] = leb(pos + 1);
  sections.push([id, start, start + size]);
  pos = start + size;
}

// Imported functions come first in the function index space.
let imported = 0;
const importSection = sections.find(([id]) => id === 2);
if (importSection) {
  let [n, p] = leb(importSection[1]);
  for (; n > 0; n--) {
    for (let s = 0; s < 2; s++) {
      const [len, q] = leb(p);
      p = q + len;
    }
    const kind = d[p++];
    if (kind === 0) {
      imported++;
      p = leb(p)[1];
    } else if (kind === 1) {
      const flags = d[p + 1];
      p = leb(p + 2)[1];
      if (flags & 1) p = leb(p)[1];
    } else if (kind === 2) {
      const flags = d[p++];
      p = leb(p)[1];
      if (flags & 1) p = leb(p)[1];
    } else if (kind === 3) {
      p += 2;
    } else {
      throw new Error(`unknown import kind ${kind}`);
    }
  }
}

// Body sizes of the defined functions.
const sizes = [];
const code = sections.find(([id]) => id === 10);
if (code) {
  let [n, p] = leb(code[1]);
  for (; n > 0; n--) {
    const [len, q] = leb(p);
    sizes.push(len);
    p = q + len;
  }
}

const nameSection = sections.find(([id, start]) => {
  if (id !== 0) return false;
  const [len, p] = leb(start);
  return d.subarray(p, p + len).toString() === 'name';
});
if (!nameSection) throw new Error(`${input} has no name section: run this before names are stripped`);

const parts = [];
let p = leb(nameSection[1])[1] + 4;
while (p < nameSection[2]) {
  const sub = d[p];
  const [size, start] = leb(p + 1);
  let body = d.subarray(start, start + size);
  if (sub === 1) {
    let [n, q] = leb(start);
    const entries = [];
    for (; n > 0; n--) {
      const [index, r] = leb(q);
      const [len, s] = leb(r);
      const name = d.subarray(s, s + len).toString();
      q = s + len;
      // A trait method's copies go together whatever type implements it (every `Clone::clone`,
      // every `Visitor::visit_str`), then by size.
      const family = name.replace(/::h[0-9a-f]{16}$/, '').split(' as ').pop();
      const bytes = index < imported ? 0 : sizes[index - imported];
      entries.push({ index, key: `${family}\0${String(bytes).padStart(8, '0')}` });
    }
    const ranked = [...entries].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const width = String(ranked.length).length;
    ranked.forEach((e, rank) => {
      e.name = String(rank).padStart(width, '0');
    });
    const out = [...enc(entries.length)];
    for (const e of entries) {
      const name = Buffer.from(e.name);
      out.push(...enc(e.index), ...enc(name.length), ...name);
    }
    body = Buffer.from(out);
  }
  parts.push(Buffer.from([sub, ...enc(body.length)]), body);
  p = start + size;
}
const nameBody = Buffer.concat([Buffer.from([...enc(4)]), Buffer.from('name'), ...parts]);

const pieces = [d.subarray(0, 8)];
for (const [id, start, end] of sections) {
  const body = id === 0 && start === nameSection[1] ? nameBody : d.subarray(start, end);
  pieces.push(Buffer.from([id, ...enc(body.length)]), body);
}
writeFileSync(output, Buffer.concat(pieces));
