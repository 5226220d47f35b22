#!/usr/bin/env bash
# Peak memory of `xianjie check` on generated hostile workbooks and CSV files (issue 10): each
# must end with exit code 2 (refused, located) or 1 (findings), never be killed, and stay under
# 1 GB of resident memory. Files are generated here (Python's zipfile), never committed.
# Usage: scripts/hostile-tables-memory.sh [path/to/xianjie]   (default: a release build)
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${1:-target/release/xianjie}"
[ -x "$bin" ] || cargo build --release -q -p xianjie-cli
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT

python3 - "$dir" <<'EOF'
import sys, zipfile, struct
d = sys.argv[1]
H = ('<row r="1"><c r="A1" t="inlineStr"><is><t>项目编号</t></is></c>'
     '<c r="B1" t="inlineStr"><is><t>学期</t></is></c></row>')
def book(name, sheet, sst=None, after=''):
    z = zipfile.ZipFile(f'{d}/{name}', 'w', zipfile.ZIP_DEFLATED)
    z.writestr('xl/workbook.xml', '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="学期活动" sheetId="1" r:id="rId1"/></sheets></workbook>')
    rel = '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    if sst:
        rel += '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
    z.writestr('xl/_rels/workbook.xml.rels', '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' + rel + '</Relationships>')
    z.writestr('_rels/.rels', '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    z.writestr('xl/worksheets/sheet1.xml', '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' + sheet + '</sheetData>' + after + '</worksheet>')
    if sst:
        z.writestr('xl/sharedStrings.xml', sst)
    z.close()
book('corner.xlsx', H + '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>')
book('past-limits.xlsx', H + '<row r="2"><c r="A99999999999"><v>1</v></c></row>')
book('merge.xlsx', H, after='<mergeCells><mergeCell ref="A3:XFD1048576"/></mergeCells>')
book('sst-bomb.xlsx', H, '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>' + 'a' * (300 << 20) + '</t></si></sst>')
book('whitespace-bomb.xlsx', H + ' ' * (300 << 20))
book('unique-count.xlsx', H, '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" uniqueCount="99999999999"><si><t>x</t></si></sst>')
with open(f'{d}/学期活动.csv', 'wb') as f:
    f.write('项目编号,学期,专题业务沟通会次数\nP1,"'.encode())
    for _ in range(16):
        f.write(b'x' * (1 << 22))
    f.write(b'",2\n')
with open(f'{d}/semester_activities.csv', 'wb') as f:
    f.write(('项目编号,学期,' + ','.join(f'列{i}名' * 40 for i in range(60000)) + '\n').encode())
EOF

fail=0
for f in "$dir"/*; do
  set +e
  /usr/bin/time -f '%M %e' -o "$dir/.time" "$bin" check "$f" >/dev/null 2>"$dir/.err"
  code=$?
  set -e
  read -r kb secs < <(tail -1 "$dir/.time")
  err_bytes=$(wc -c <"$dir/.err")
  printf '%-24s exit %s  peak %6d MB  %5ss  stderr %d bytes\n' \
    "$(basename "$f")" "$code" $((kb / 1024)) "$secs" "$err_bytes"
  if [ "$code" -ne 1 ] && [ "$code" -ne 2 ] || [ "$kb" -gt 1048576 ]; then fail=1; fi
done
exit $fail
