"""Notebook display of a report: an HTML table, every text escaped."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ._report import Report

#: Findings shown; the rest is counted.
SHOWN = 20

_COLOURS = {"error": "#c62828", "warning": "#ef6c00", "target": "#1565c0"}


def report_html(report: Report) -> str:
    lang = report.lang
    c = report.counts
    status = "✓ ok" if report.ok else "✗"
    head = (
        f"<div class='xianjie-report'><p><b>{escape(status)}</b> "
        f"<span style='color:{_COLOURS['error']}'>error {c.error}</span> · "
        f"<span style='color:{_COLOURS['warning']}'>warning {c.warning}</span> · "
        f"<span style='color:{_COLOURS['target']}'>target {c.target}</span> · "
        f"rules {len(report.rules)}</p>"
    )
    issues = "".join(
        f"<li><code>{escape(i['loc'])}</code> {escape(i['msg'])}</li>"
        for i in report.input_issues
    )
    if issues:
        head += f"<p>input issues (read around) {len(report.input_issues)}</p><ul>{issues}</ul>"
    total = len(report)
    if not total:
        return head + "</div>"
    # The first findings only: a report can hold a million, and the page must stay small.
    shown = report.head(SHOWN)
    rows = []
    for f in shown:
        colour = _COLOURS.get(f.severity, "#555")
        remedy = escape(f.remedy.get(lang)) if f.remedy else ""
        other = "zh" if lang == "en" else "en"
        rows.append(
            "<tr>"
            f"<td><span style='background:{colour};color:#fff;padding:1px 6px;"
            f"border-radius:3px'>{escape(f.severity)}</span></td>"
            f"<td><code>{escape(f.rule_id)}</code></td>"
            f"<td>{escape(f.subject.get(lang))}"
            f"<br><code>{escape(f.path)}</code></td>"
            f"<td>{escape(f.message.get(lang))}<br><small>{escape(f.message.get(other))}</small></td>"
            f"<td>{remedy}</td>"
            f"<td>{escape(f.explanation.clause)}<br><small>“{escape(f.explanation.quote)}”</small></td>"
            "</tr>"
        )
    table = (
        "<table><thead><tr><th>severity</th><th>rule</th><th>subject / path</th><th>message</th>"
        "<th>remedy</th><th>clause</th></tr></thead><tbody>"
        + "".join(rows)
        + "</tbody></table>"
    )
    more = total - len(shown)
    tail = (
        f"<p><small>first {len(shown)} of {total} findings · "
        f"<code>report.to_polars()</code> / <code>report.to_pandas()</code> for all</small></p>"
        if more > 0
        else ""
    )
    return head + table + tail + "</div>"
