#!/usr/bin/env python3
"""The same 19 rules as yardstick_polars.py, in pandas (read with pyarrow, checked with pandas).

    python yardstick_pandas.py DIR [--year 2024]

Prints `RULE <id> <findings>`, `TOTAL <n>` and `AGG <name> <groups>` as the polars script does.
Money is compared in integer cents (Decimal columns become Python decimals in pandas, so they are
turned into cents through pyarrow first), never floats.
"""

import os
import sys

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

PLACEHOLDERS = {
    "无", "暂无", "没有", "略", "待定", "待补充", "同上", "见附件", "-", "--", "—", "/", "\\",
    "0", "n/a", "na", "none", "null", "tbd", "...", "……",
}
BJ = "+08:00"


def ts(text):
    return pd.Timestamp(text)


def text_findings(df, fields, min_chars):
    total = 0
    for f in fields:
        t = df[f].astype("string").str.strip()
        bad = t.isna() | (t == "") | t.str.lower().isin(PLACEHOLDERS) | (t.str.len() < min_chars)
        total += int(bad.fillna(True).sum())
    return total


def cents_table(table, cols):
    """Decimal columns as int64 cents, in a pandas frame."""
    out = {}
    for c in cols:
        a = table.column(c)
        if pa.types.is_decimal(a.type):
            a = pc.cast(pc.multiply(a, pa.scalar(100, pa.int64())), pa.int64())
        out[c] = a.to_pandas(types_mapper=pd.ArrowDtype).astype("Int64")
    return pd.DataFrame(out)


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    d = argv[1]
    year = int(argv[argv.index("--year") + 1]) if "--year" in argv else 2024

    def table(name, columns=None):
        return pq.read_table(os.path.join(d, f"{name}.parquet"), columns=columns)

    def read(name, columns=None):
        return table(name, columns).to_pandas()

    r = {}
    schools = read("schools", [
        "id", "governance.leading_group.head", "governance.leading_group.head_role",
        "governance.responsible_office", "governance.contact.name",
        "governance.contact.reported_at"])
    projects = read("projects", [
        "id", "mode", "standing", "secondary_school", "higher_school", "higher_major.code"])
    for c in projects.columns:
        projects[c] = projects[c].astype("string")
    reports = read("status_reports")
    qm = read("quality_monitoring", ["school", "year", "completed_at"])
    cohorts = read("cohorts", [
        "project", "entry_year", "enrolled", "graduated_secondary", "transferred"])
    sem = read("semester_activities", ["meetings", "joint_research", "teachers_dispatched"])
    fin = cents_table(table("finance_settlements"), [
        "tuition_collected", "tuition_passed_on", "fees_collected", "fees_passed_on",
        "appropriation_per_student", "appropriation_students", "appropriation_paid"])
    st_table = table("students", [
        "term_start", "agreement.signed_on", "agreement.higher_school",
        "agreement.secondary_school", "agreement.student_or_guardian", "certificates",
        "graduated"])
    students = st_table.drop_columns(["certificates"]).to_pandas()

    # --- bj-3p2-2024 -------------------------------------------------------------------------
    at = schools["governance.contact.reported_at"]
    r["bj-3p2-2024/contact-deadline"] = int(
        (at.isna() | (at > ts("2024-01-31T17:00:00" + BJ))).sum())
    lg = text_findings(schools, ["governance.leading_group.head",
                                 "governance.responsible_office", "governance.contact.name"], 0)
    role = schools["governance.leading_group.head_role"].astype("string")
    lg += int((~role.isin(["principal", "party_secretary"]).fillna(False)).sum())
    r["bj-3p2-2024/leading-group"] = lg

    filed = set(reports.loc[reports["reporting_year"] == year, "project"].astype(str))
    approved = projects["standing"].isin(["newly_approved", "quality_monitored"])
    missing = ~projects["id"].isin(filed)
    r["bj-3p2-2024/status-report-required"] = int(
        ((projects["mode"] == "three_plus_two") & approved & missing).sum())
    r["bj-3p2-2024/five-year-reporting-from-2024"] = int(
        (projects["mode"].isin(["five_year", "specialist_pilot"]) & approved & missing).sum()
    ) if year >= 2024 else 0

    def gt(a, b):
        return int((a > b).fillna(False).sum())

    r["bj-3p2-2024/status-enrollment-transfer"] = (
        int(reports["enrollment"].isna().sum()) + int(reports["transferred"].isna().sum())
        + gt(reports["transferred"], reports["graduated_secondary"])
        + gt(cohorts["transferred"], cohorts["graduated_secondary"])
        + gt(cohorts["graduated_secondary"], cohorts["enrolled"])
    )
    r["bj-3p2-2024/upload-deadline"] = int(
        (reports["submitted_at"] > ts("2024-02-27T17:00:00" + BJ)).sum())
    r["bj-3p2-2024/status-mechanisms"] = text_findings(reports, [
        "mechanisms.school_enterprise", "mechanisms.school_school",
        "mechanisms.teacher_exchange", "mechanisms.resource_sharing",
        "mechanisms.quality_monitoring"], 10)
    r["bj-3p2-2024/status-integrated-training"] = text_findings(reports, [
        "integrated_training.plan_revision", "integrated_training.bridging_courses",
        "integrated_training.enterprise_communication",
        "integrated_training.teacher_exchange_research",
        "integrated_training.shared_resources", "integrated_training.transfer_assessment"], 10)
    filer = pd.DataFrame({
        "project": reports["project"].astype("string"),
        "filed_by": reports["filed_by"].astype("string"),
    }).merge(projects[["id", "secondary_school"]].rename(columns={"id": "project"}),
             on="project", how="inner")
    filer = filer[filer["secondary_school"].notna()]
    r["bj-3p2-2024/status-filer"] = int(
        (filer["filed_by"] != filer["secondary_school"]).fillna(True).sum())

    ex = projects[projects["mode"].isin(["higher_bachelor", "five_year"])]
    r["bj-3p2-2024/bachelor-track-excludes-five-year"] = int(
        (ex.groupby(["higher_school", "higher_major.code"])["mode"].nunique() == 2).sum())
    for rule, field, floor in [("semester-meetings", "meetings", 2),
                               ("semester-joint-research", "joint_research", 3),
                               ("semester-teachers-dispatched", "teachers_dispatched", 5)]:
        v = sem[field]
        r[f"bj-3p2-2024/{rule}"] = int((v.isna() | (v < floor)).sum())

    monitored = set(qm.loc[qm["year"] == year - 1, "school"].astype(str))
    done_at = qm["completed_at"]
    ends = pd.to_datetime(qm["year"].astype(str) + "-12-31T23:59:59" + BJ)
    r["bj-3p2-2024/annual-quality-monitoring"] = (
        int((~schools["id"].isin(monitored)).sum())
        + int((done_at.isna() | (done_at > ends)).sum())
    )

    # --- qz-pilot-2024 -----------------------------------------------------------------------
    start = pd.to_datetime(students["term_start"])
    due = start + pd.DateOffset(months=1)
    signed = pd.to_datetime(students["agreement.signed_on"])
    held = sum(students[f].fillna(False).astype(bool).astype(int) for f in [
        "agreement.higher_school", "agreement.secondary_school", "agreement.student_or_guardian"])
    r["qz-pilot-2024/tripartite-agreement"] = int(
        (start.notna() & (signed.isna() | (signed > due))).sum()
        + (signed.notna() & (held < 3)).sum())

    certs = st_table.column("certificates").combine_chunks()
    rows = pc.list_parent_indices(certs).to_numpy()
    flat = certs.flatten()
    kind = pd.Series(flat.field("kind").to_pandas()).astype("string")
    level = pd.Series(flat.field("level").to_pandas()).astype("string")
    ok = ((kind == "senior_worker") | (
        (kind == "x_certificate") & level.isin(["intermediate", "advanced"]))).fillna(False)
    ok = ok.to_numpy(dtype=bool)
    qualified = np.zeros(len(students), dtype=bool)
    qualified[rows[ok]] = True
    grads = students["graduated"].fillna(False).astype(bool).to_numpy()
    r["qz-pilot-2024/graduation-certificate"] = int((grads & ~qualified).sum())

    def short(paid, owed, num=1, den=1):
        sel = owed.notna()
        p, o = paid[sel], owed[sel]
        return int((p.isna() | (p * den < o * num)).fillna(True).sum())

    r["qz-pilot-2024/tuition-share"] = short(
        fin["tuition_passed_on"], fin["tuition_collected"], 6, 10)
    r["qz-pilot-2024/fees-pass-through"] = short(fin["fees_passed_on"], fin["fees_collected"])
    owed = fin["appropriation_per_student"] * fin["appropriation_students"]
    r["qz-pilot-2024/per-student-funding-pass-through"] = short(fin["appropriation_paid"], owed)

    # --- aggregates ----------------------------------------------------------------------------
    done = cohorts[cohorts["graduated_secondary"].notna() & cohorts["transferred"].notna()].copy()
    done["project"] = done["project"].astype("string")
    done = done.merge(
        projects[["id", "secondary_school", "higher_major.code"]].rename(
            columns={"id": "project"}), on="project", how="left")
    done["category"] = done["higher_major.code"].str.slice(0, 2)

    def rate(by):
        g = done.groupby(by, observed=True, dropna=False)[["transferred", "graduated_secondary"]].sum()
        g["rate"] = g["transferred"] / g["graduated_secondary"].where(
            g["graduated_secondary"] > 0)
        return g

    aggs = {
        "transfer_rate_by_secondary_school_entry_year":
            len(rate(["secondary_school", "entry_year"])),
        "transfer_rate_by_category": len(rate(["category"])),
        "enrollment_by_year": len(cohorts.groupby("entry_year")["enrolled"].sum()),
    }

    for k in sorted(r):
        print(f"RULE {k} {r[k]}")
    print(f"TOTAL {sum(r.values())}")
    for k, v in aggs.items():
        print(f"AGG {k} {v}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
