#!/usr/bin/env python3
"""Writes the hostile inputs of issue 10 ("What was seen") as small files (stdlib only).

    tests/hostile/make.py OUTDIR [--bombs small|full] [--big]

Every file is generated here, never committed. `cases.json` (next to this script) says which
command each file is given to and what must come out; `run_cli.py` runs them on the CLI.

--bombs full   the workbook bombs at the issue's sizes: a 2 GiB shared string and 3 GiB of
               whitespace, each streamed through zipfile into ~2–3 MB (takes a few seconds of CPU;
               the generator itself stays small in memory). Default: small (64 MiB each), which
               any ratio limit refuses the same way and which generates in a moment.
--big          also the large legitimate-looking inputs of the memory script
               (benches/hostile-memory.sh): a 100 MB number, a 110 MB JSON with one bad value at
               its end, a 1 GiB CSV cell.
"""
import json
import os
import sys
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
MIB = 1 << 20

# Terminal-hostile text: ESC colour, an OSC 8 link, a C1 control (CSI, U+009B), NEL (U+0085),
# a right-to-left override (U+202E).
EVIL = "\x1b[31mP\x1b]8;;http://evil.example/\x07x\x1b]8;;\x07\u009b2J\u0085\u202eevil"

SA_HEADERS = ["项目编号", "学期", "专题业务沟通会次数", "双方教师教研活动次数", "派出教师人数"]


# ---------------------------------------------------------------- workbooks ------------------

def col_letter(i):
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def esc(s):
    """XML text; control characters as Excel writes them (_x001B_), XML 1.0 has no other way."""
    out = []
    for ch in s:
        o = ord(ch)
        if ch in "&<>\"":
            out.append({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}[ch])
        elif (o < 0x20 and ch not in "\t\n") or 0x7f <= o <= 0x9f:
            out.append(f"_x{o:04X}_")
        else:
            out.append(ch)
    return "".join(out)


def cell(ref, v):
    if v is None:
        return ""
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return f'<c r="{ref}"><v>{v}</v></c>'
    if isinstance(v, tuple) and v[0] == "sst":
        return f'<c r="{ref}" t="s"><v>{v[1]}</v></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{esc(str(v))}</t></is></c>'


def sheet_xml(rows, merges=(), extra_cells=(), dimension=None):
    """rows: lists of values from row 1; extra_cells: (ref, value) added in a last row of their own."""
    parts = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
             '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">']
    if dimension:
        parts.append(f'<dimension ref="{dimension}"/>')
    parts.append("<sheetData>")
    for r, row in enumerate(rows, 1):
        cells = "".join(cell(f"{col_letter(c)}{r}", v) for c, v in enumerate(row))
        parts.append(f'<row r="{r}">{cells}</row>')
    for ref, row_xml in extra_cells:
        parts.append(row_xml if row_xml.startswith("<row") else
                     f'<row r="{"".join(ch for ch in ref if ch.isdigit())}">{cell(ref, row_xml)}</row>')
    parts.append("</sheetData>")
    if merges:
        parts.append(f'<mergeCells count="{len(merges)}">' +
                     "".join(f'<mergeCell ref="{m}"/>' for m in merges) + "</mergeCells>")
    parts.append("</worksheet>")
    return "".join(parts).encode("utf-8")


def write_xlsx(path, sheets, shared=None, stream_parts=()):
    """sheets: [(name, xml bytes)]; shared: list of strings or None; stream_parts: [(part name,
    iterator of byte chunks)] written streaming (zip64), replacing a part of that name."""
    streamed = dict(stream_parts)
    n = len(sheets)
    ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
          '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
          + "".join(f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                    for i in range(1, n + 1))
          + ('<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
             if shared is not None or "xl/sharedStrings.xml" in streamed else "")
          + "</Types>")
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
            '</Relationships>')
    wb = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
          '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
          'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
          + "".join(f'<sheet name="{esc(name)}" sheetId="{i}" r:id="rId{i}"/>'
                    for i, (name, _) in enumerate(sheets, 1))
          + "</sheets></workbook>")
    wbrels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
              '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
              + "".join(f'<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i}.xml"/>'
                        for i in range(1, n + 1))
              + f'<Relationship Id="rId{n + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
              + "</Relationships>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", ct)
        z.writestr("_rels/.rels", rels)
        z.writestr("xl/workbook.xml", wb)
        z.writestr("xl/_rels/workbook.xml.rels", wbrels)
        for i, (_, xml) in enumerate(sheets, 1):
            name = f"xl/worksheets/sheet{i}.xml"
            if name not in streamed:
                z.writestr(name, xml)
        if shared is not None:
            z.writestr("xl/sharedStrings.xml",
                       '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                       f'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{len(shared)}" uniqueCount="{len(shared)}">'
                       + "".join(f'<si><t xml:space="preserve">{esc(s)}</t></si>' for s in shared)
                       + "</sst>")
        for name, chunks in stream_parts:
            with z.open(name, "w", force_zip64=True) as f:
                for c in chunks:
                    f.write(c)


def repeated(prefix, byte, total, suffix):
    """prefix, then `total` copies of one byte in 1 MiB chunks, then suffix (streamed)."""
    yield prefix
    chunk = byte * MIB
    left = total
    while left > 0:
        yield chunk[:min(left, MIB)]
        left -= MIB
    yield suffix


def activities(meetings=(2, 2, 1)):
    """Header and rows of a 学期活动 sheet; the last row fails semester-meetings in 2024."""
    return [SA_HEADERS] + [[f"P{i}", "2023-2024-1", m, 3, 5] for i, m in enumerate(meetings, 1)]


def dataset_sheet(year=2024):
    return ("数据集", sheet_xml([["填报年度", year]]))


# ---------------------------------------------------------------- the cases ------------------

def make(out, bombs="small", big=False):
    os.makedirs(out, exist_ok=True)
    p = lambda name: os.path.join(out, name)
    bomb = 3 << 30 if bombs == "full" else 64 * MIB
    sst_bomb = 2 << 30 if bombs == "full" else 64 * MIB

    def text(name, s, enc="utf-8"):
        with open(p(name), "wb") as f:
            f.write(s.encode(enc) if isinstance(s, str) else s)

    def js(name, doc):
        text(name, json.dumps(doc, ensure_ascii=False, indent=1))

    # Workbooks.
    write_xlsx(p("xlsx_a1_xfd.xlsx"), [dataset_sheet(), ("学期活动", sheet_xml(
        activities(), extra_cells=[("XFD1048576", "far")]))])
    write_xlsx(p("xlsx_ref_past_limits.xlsx"), [dataset_sheet(), ("学期活动", sheet_xml(
        activities(), extra_cells=[("XFE1048577", "past")]))])
    write_xlsx(p("xlsx_dimension_huge.xlsx"), [dataset_sheet(), ("学期活动", sheet_xml(
        activities(), dimension="A1:XFD1048576"))])
    # Found by the xlsx fuzz target: calamine parses a reference's row digits into a u32 with
    # `row * 10 + d` (xlsx/mod.rs:1881): 11 digits overflow (a panic with overflow checks, as in
    # debug builds; a wrapped, wrong row in release).
    write_xlsx(p("xlsx_dimension_overflow.xlsx"), [dataset_sheet(), ("学期活动", sheet_xml(
        activities(), dimension="A1:E99999999999"))])
    write_xlsx(p("xlsx_ref_overflow.xlsx"), [dataset_sheet(), ("学期活动", sheet_xml(
        activities(), extra_cells=[("A99999999999", "x")]))])
    write_xlsx(p("xlsx_merge_bomb.xlsx"), [dataset_sheet(), ("学期活动", sheet_xml(
        activities(), merges=["A3:XFD1048576"]))])
    sa = sheet_xml(activities()[:2] + [["P3", "2023-2024-1", ("sst", 0), 3, 5]])
    write_xlsx(p("xlsx_sst_bomb.xlsx"), [dataset_sheet(), ("学期活动", sa)], stream_parts=[(
        "xl/sharedStrings.xml", repeated(
            b'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/'
            b'spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>', b"a", sst_bomb,
            b"</t></si></sst>"))])
    ws = sheet_xml(activities())
    head, tail = ws.split(b"<sheetData>")
    write_xlsx(p("xlsx_whitespace_bomb.xlsx"), [dataset_sheet(), ("学期活动", ws)], stream_parts=[(
        "xl/worksheets/sheet2.xml", repeated(head + b"<sheetData>", b" ", bomb, tail))])
    dup = sheet_xml(activities(), extra_cells=[
        ("", '<row r="5"><c r="A5" t="inlineStr"><is><t>P9</t></is></c>'
             '<c r="B5" t="inlineStr"><is><t>2023-2024-1</t></is></c>'
             '<c r="C5"><v>2</v></c><c r="C5"><v>0</v></c><c r="D5"><v>3</v></c>'
             '<c r="E5"><v>5</v></c></row>')])
    write_xlsx(p("xlsx_duplicate_ref.xlsx"), [dataset_sheet(), ("学期活动", dup)])
    write_xlsx(p("xlsx_year_2024nian.xlsx"), [("数据集", sheet_xml([["填报年度", "2024年"]])),
                                              ("学期活动", sheet_xml(activities()))])
    write_xlsx(p("xlsx_controls.xlsx"), [dataset_sheet(), ("学期活动", sheet_xml(
        [SA_HEADERS + [EVIL], [EVIL, "2023-2024-1", 1, 3, 5, EVIL]]))])
    write_xlsx(p("xlsx_bad_sheet.xlsx"), [dataset_sheet(), ("学期活动", sheet_xml(
        [["甲", "乙"], ["x", "y"]]))])

    # CSV and TSV (the entity from the file stem).
    rows = activities()
    os.makedirs(p("tsv"), exist_ok=True)
    text("tsv/学期活动.tsv", "".join("\t".join(map(str, r)) + "\n" for r in rows))
    os.makedirs(p("cr"), exist_ok=True)
    text("cr/学期活动.csv", "".join(",".join(map(str, r)) + "\r" for r in rows))
    os.makedirs(p("badutf8"), exist_ok=True)
    text("badutf8/学期活动.csv", ",".join(SA_HEADERS).encode() + b"\nP1,2023-2024-1\xff,2,3,5\n"
         + b"".join(",".join(map(str, r)).encode() + b"\n" for r in rows[2:]))
    os.makedirs(p("ragged"), exist_ok=True)
    text("ragged/学期活动.csv", ",".join(SA_HEADERS) + "\nP1,2023-2024-1,2,3,5\n"
         "P2,2023-2024-1,2,3,5,extra,more\nP3,2023-2024-1,1,3,5\n")
    os.makedirs(p("unreadable"), exist_ok=True)
    text("unreadable/学期活动.csv", "甲,乙\nx,y\n")
    # Found by the csv fuzz target: a sheet-level issue (a required column missing) had no place.
    os.makedirs(p("nocolumn"), exist_ok=True)
    text("nocolumn/学校.csv", "id,level\r\nS1,secondary\r\n")
    os.makedirs(p("csvctl"), exist_ok=True)
    text("csvctl/学期活动.csv", ",".join(SA_HEADERS + [EVIL]) + f"\n{EVIL},2023-2024-1,1,3,5,{EVIL}\n")
    os.makedirs(p("fname"), exist_ok=True)
    fname = "fname/evil\x1b[31m\x1b]8;;x\x07\u0085\u202e.csv"
    text(fname, ",".join(SA_HEADERS) + "\nP1,2023-2024-1,1,3,5\n")
    os.makedirs(p("header"), exist_ok=True)
    text("header/学期活动.csv", ",".join(f"未知列{i:06d}" for i in range(8 * MIB // 12)) + "\nx\n")

    # JSON.
    schools = [{"id": "S1", "name": "衢州中等专业学校", "level": "secondary", "district": "330802"},
               {"id": "H1", "name": "衢州职业技术学院", "level": "higher", "district": "330802"}]
    fin = lambda owed, paid: {"reporting_year": 2024, "schools": schools, "finance_settlements": [
        {"higher_school": "H1", "school": "S1", "year": 2024,
         "tuition_collected": owed, "tuition_passed_on": paid}]}
    js("finance_1e28.json", fin("10000000000000000000000000000", "0"))
    js("finance_40digits.json", fin("1234567890123456789012345678901234567890", "0"))
    sem = lambda m: {"project": "P1", "semester": "2023-2024-1", "meetings": m,
                     "joint_research": 3, "teachers_dispatched": 5}
    js("year_0.json", {"reporting_year": 0, "semester_activities": [sem(1)]})
    js("year_neg2024.json", {"reporting_year": -2024, "semester_activities": [sem(1)]})
    rec = sem(2)
    rec.update({f"unknown_{i:03d}": i for i in range(150)})
    js("unknown_fields_150.json", {"reporting_year": 2024, "semester_activities": [rec]})
    js("two_bad_records.json", {"reporting_year": 2024,
                                "semester_activities": [sem("two"), sem(2), sem(-1)]})
    js("controls.json", {"reporting_year": 2024, "name": EVIL, "schools": [
        {"id": EVIL, "name": EVIL, "level": "secondary", "district": "110108"}],
        "semester_activities": [dict(sem(1), project=EVIL)]})
    js("controls_unknown_key.json", {"reporting_year": 2024, "semester_activities": [
        dict(sem(2), **{EVIL: 1})]})
    text("json_deep.json", "[" * 100_000 + "]" * 100_000)
    js("json_long_string.json", {"reporting_year": 2024, "name": "长" * 2_000_000})
    key = "hhht-majors-2022/small-major-discontinue.class_size"
    text("params_duplicate.json", f'{{"{key}": "30", "{key}": "40"}}')
    with open(os.path.join(ROOT, "core/packs/bj-3p2-2024.toml"), encoding="utf-8") as f:
        text("pack_builtin_id.toml", f.read())
    js("sample.json", {"reporting_year": 2024, "semester_activities": [sem(1)]})
    js("long_name.json", {"reporting_year": 2024, "schools": [
        {"id": "S1", "name": "名" * 40_000, "level": "secondary", "district": "110108"}],
        "semester_activities": [sem(1)]})
    js("formula_name.json", {"reporting_year": 2024, "schools": [
        {"id": "S1", "name": "=HYPERLINK(\"http://evil\",\"x\")", "level": "secondary",
         "district": "110108"}], "semester_activities": [dict(sem(1), project="@SUM(1+1)")]})

    if big:
        with open(p("big_number.json"), "wb") as f:
            f.write(b'{"reporting_year": 2024, "semester_activities": [{"project": "P1", '
                    b'"semester": "2023-2024-1", "joint_research": 3, "teachers_dispatched": 5, '
                    b'"meetings": ')
            for _ in range(100):
                f.write(b"1" * 1_000_000)
            f.write(b"}]}")
        with open(p("big_bad_at_end.json"), "wb") as f:
            f.write(b'{"reporting_year": 2024, "semester_activities": [')
            one = json.dumps(sem(2)).encode() + b","
            for _ in range(110 * MIB // len(one)):
                f.write(one)
            f.write(json.dumps(sem("bad")).encode() + b"]}")
        os.makedirs(p("bigcell"), exist_ok=True)
        with open(p("bigcell/学期活动.csv"), "wb") as f:
            f.write(",".join(SA_HEADERS).encode() + b"\nP1,")
            for _ in range(1024):
                f.write(b"x" * MIB)
            f.write(b",2,3,5\n")


if __name__ == "__main__":
    args = sys.argv[1:]
    if not args or args[0].startswith("-"):
        sys.exit(__doc__)
    bombs = "full" if "--bombs" in args and args[args.index("--bombs") + 1] == "full" else "small"
    make(args[0], bombs=bombs, big="--big" in args)
