#!/usr/bin/env python3
"""The same 22 rules as yardstick_polars.py, with the same scopes (scopes.py), in pandas (read
with pyarrow, checked with pandas).

    python yardstick_pandas.py DIR [--year 2024]

Prints `RULE <id> <findings>`, `TOTAL <n>` and `AGG <name> <groups>` as the polars script does.
Money is compared in integer cents (Decimal columns become Python decimals in pandas, so they are
turned into cents through pyarrow first), never floats.
"""

import datetime
import os
import re
import sys

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from forms import FORMS
from scopes import (BJ_FROM, BJ_MONITORING_FROM, BJ_REGION, FIVE_YEAR_FROM_REPORTING_YEAR,
                    QZ_FROM, QZ_REGION, in_force_in, next_working_day, reported_year,
                    studying_on_or_after)

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


# --- where a record lies (core/src/engine/scope.rs: Place) ------------------------------------
# 0 out of the region, 1 cannot be told, 2 in: a record named by several links lies where the
# greatest of their places says (in if one is in, unknown if none is and one cannot be told);
# -1 for a link that names nothing.
NONE, OUT, UNKNOWN, IN = -1, 0, 1, 2


def code_place(region, code):
    """Where each division code lies for `region`: the code without its zero padding (110000 ->
    11, 330800 -> 3308; only 2, 4 or 6 ASCII digits are codes) starting with the region's is in;
    a coarser one (a province, for a city's notice) or none cannot tell; any other is out."""
    t = code.astype("string").str.strip()
    t = t.where(t.str.fullmatch(r"[0-9]{2}(?:[0-9]{2}){0,2}").fillna(False))
    c = t.str.replace(r"^([0-9]{2}(?:[0-9]{2})*?)(?:00)*$", r"\1", regex=True)
    codes = c.tolist()
    starts = np.array([isinstance(x, str) and x.startswith(region) for x in codes], dtype=bool)
    coarser = np.array([isinstance(x, str) and region.startswith(x) for x in codes], dtype=bool)
    return np.select([c.isna().to_numpy(), starts, coarser], [UNKNOWN, IN, UNKNOWN], OUT)


def school_places(schools, region):
    """Each school's place (id -> place): by its `district`, else (no district given) by its
    credit code's division (characters 3-8 of `uscc`)."""
    none = pd.Series(pd.NA, index=schools.index, dtype="string")
    district = schools["district"].astype("string") if "district" in schools else none
    uscc = schools["uscc"].astype("string") if "uscc" in schools else none
    division = uscc.where(uscc.str.len() >= 8).str.slice(2, 8)
    p = np.where(district.isna().to_numpy(), code_place(region, division),
                 code_place(region, district))
    return dict(zip(schools["id"].astype(str), p.tolist()))


def lookup(s, places):
    """The place of the school or project each value of `s` names: NONE where it names none,
    unknown where the data has no such school or project (worked out once per distinct id)."""
    s = s if isinstance(s.dtype, pd.CategoricalDtype) else s.astype("category")
    per = np.array([places.get(str(c), UNKNOWN) for c in s.cat.categories] + [NONE],
                   dtype=np.int8)
    return per[s.cat.codes.to_numpy()]  # code -1 (no value) picks the last: NONE


def any_place(*links):
    """A record placed by its links (NONE skipped; none at all: unknown)."""
    p = np.maximum.reduce(links)
    return np.where(p == NONE, UNKNOWN, p)


def project_places(projects, schools):
    """A project lies where either of its schools does (no secondary school: by the higher one;
    the higher school is always looked up)."""
    higher = lookup(projects["higher_school"], schools)
    p = np.maximum(lookup(projects["secondary_school"], schools),
                   np.where(higher == NONE, UNKNOWN, higher))
    return dict(zip(projects["id"].astype(str), p.tolist()))


def placed(p):
    """Judged by a pack named by the user: every record not placed out of its region."""
    return p != OUT


# --- when a record lies (core/src/engine/scope.rs: span) --------------------------------------
def day(y, m, d):
    """Day numbers of the dates (y, m, d) for a column of years (NaT where the year is null)."""
    y = pd.Series(y).astype("Int64")
    months = ((y.fillna(1970) - 1970) * 12 + (m - 1)).to_numpy(dtype="int64")
    out = months.astype("datetime64[M]").astype("datetime64[D]") + np.timedelta64(d - 1, "D")
    return np.where(y.isna().to_numpy(), np.datetime64("NaT"), out)


def on_or_after(days, first):
    """A period ending on `days` is judged by a rule in force from `first` (no period: always)."""
    return np.isnat(days) | (days >= np.datetime64(first, "D"))


def semester_timely(semester, first):
    """A semester (`2023-2024-1`: 1 September-31 January; `-2`: 1 February-31 August) ends on or
    after `first` (worked out once per distinct semester)."""
    s = semester.astype("category")
    ends = []
    for c in s.cat.categories:
        m = re.fullmatch(r"([0-9]{4})-([0-9]{4})-([12])", str(c))
        y1 = int(m.group(2)) if m else 0
        ends.append(None if not m else datetime.date(y1, 1, 31) if m.group(3) == "1"
                    else datetime.date(y1, 8, 31))
    per = np.array([e is None or e >= first for e in ends] + [True])
    return per[s.cat.codes.to_numpy()]



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
    have = set(pq.read_schema(os.path.join(d, "schools.parquet")).names)
    schools = read("schools", [
        "id", "governance.leading_group.head", "governance.leading_group.head_role",
        "governance.responsible_office", "governance.contact.name",
        "governance.contact.reported_at"]
        + [c for c in ["district", "uscc"] + list(FORMS) if c in have])
    projects = read("projects", [
        "id", "mode", "standing", "secondary_school", "higher_school", "higher_major.code",
        "approved_year"])
    for c in projects.columns:
        if c != "approved_year":
            projects[c] = projects[c].astype("string")
    reports = read("status_reports")
    qm = read("quality_monitoring", ["school", "year", "completed_at"])
    cohorts = read("cohorts", [
        "project", "entry_year", "enrolled", "graduated_secondary", "transferred"])
    sem = read("semester_activities", [
        "project", "semester", "meetings", "joint_research", "teachers_dispatched"])
    fin_table = table("finance_settlements")
    fin = cents_table(fin_table, [
        "tuition_collected", "tuition_passed_on", "fees_collected", "fees_passed_on",
        "appropriation_per_student", "appropriation_students", "appropriation_paid"]
        + [c for c in ["appropriation_received"] if c in fin_table.column_names])
    # Columns an older dataset lacks: absent on every record.
    for f in FORMS:
        if f not in schools:
            schools[f] = pd.Series(pd.NA, index=schools.index, dtype="string")
    if "appropriation_received" not in fin:
        fin["appropriation_received"] = pd.Series(pd.NA, index=fin.index, dtype="Int64")
    fin_keys = fin_table.select(["school", "higher_school", "year"]).to_pandas()
    st_table = table("students", [
        "school", "higher_school", "entry_year",
        "term_start", "agreement.signed_on", "agreement.higher_school",
        "agreement.secondary_school", "agreement.student_or_guardian", "certificates",
        "graduated"])
    students = st_table.drop_columns(["certificates"]).to_pandas(date_as_object=False)

    # --- scopes (core/src/engine/scope.rs; see scopes.py) -----------------------------------
    # Each pack judges only the records in its region (both packs named: records of unknown
    # region judged, records placed elsewhere left out) and in force on some day of their period.
    bj_schools = school_places(schools, BJ_REGION)
    bj_projects = project_places(projects, bj_schools)
    qz_schools = school_places(schools, QZ_REGION)
    schools_bj = schools[placed(lookup(schools["id"], bj_schools))]
    projects_bj = projects[placed(lookup(projects["id"], bj_projects))]

    def by_project(df):
        p = lookup(df["project"], bj_projects)
        return placed(np.where(p == NONE, UNKNOWN, p))

    # A status report's period is its reporting year; it lies where its project does.
    reports_bj = reports[by_project(reports)
                         & on_or_after(day(reports["reporting_year"], 12, 31), BJ_FROM)]
    # A cohort from intake to 31 August five years after entry.
    cohorts_bj = cohorts[by_project(cohorts)
                         & on_or_after(day(cohorts["entry_year"] + 5, 8, 31), BJ_FROM)]
    # A semester: 2023-2024-1 is 1 September 2023 to 31 January 2024, -2 from 1 February to
    # 31 August 2024; the one under way on 2024-01-24 is judged.
    sem_bj = sem[by_project(sem) & semester_timely(sem["semester"], BJ_FROM)]
    # annual-quality-monitoring (judges_from 2023-01-01): a monitoring year, from 2023.
    qm_place = lookup(qm["school"], bj_schools)
    qm_bj = qm[placed(np.where(qm_place == NONE, UNKNOWN, qm_place))
               & on_or_after(day(qm["year"], 12, 31), BJ_MONITORING_FROM)]
    # A settlement: school year y is 1 September y to 31 August y + 1; it lies where either of
    # its schools does.
    fin_in = (placed(any_place(lookup(fin_keys["school"], qz_schools),
                               lookup(fin_keys["higher_school"], qz_schools)))
              & on_or_after(day(fin_keys["year"] + 1, 8, 31), QZ_FROM))
    fin = fin[fin_in]
    # A student where either school lies; graduation-certificate judges students over their
    # years of study (intake to 31 August five years after entry), tripartite-agreement by
    # their term start (`period_field = "term_start"`: an intake before 2024-05-29 is not
    # judged; without a term start, the years of study decide).
    st_placed = placed(any_place(lookup(students["school"], qz_schools),
                                 lookup(students["higher_school"], qz_schools)))
    # The period's end is max(31 August of entry + 5, intake): worked out once per entry year.
    term = students["term_start"].to_numpy(dtype="datetime64[D]")
    entry = students["entry_year"]
    entries = [int(y) for y in entry.dropna().unique()]
    later = term >= np.datetime64(QZ_FROM)  # NaT compares false
    studying = (entry.isna() | entry.isin(studying_on_or_after(entries, QZ_FROM))).to_numpy(
        dtype=bool) | later
    by_intake = np.where(np.isnat(term), studying, later)
    bj_on = in_force_in(BJ_FROM, year)
    qz_on = in_force_in(QZ_FROM, year)

    # --- bj-3p2-2024 -------------------------------------------------------------------------
    # contact-deadline and upload-deadline belong to the 2024 campaign: other reporting years
    # are not theirs.
    campaign_2024 = year == 2024
    at = schools_bj["governance.contact.reported_at"]
    r["bj-3p2-2024/contact-deadline"] = int(
        (at.isna() | (at > ts("2024-01-31T17:00:00" + BJ))).sum()) if campaign_2024 else 0
    lg = text_findings(schools_bj, ["governance.leading_group.head",
                                    "governance.responsible_office",
                                    "governance.contact.name"], 0)
    role = schools_bj["governance.leading_group.head_role"].astype("string")
    lg += int((~role.isin(["principal", "party_secretary"]).fillna(False)).sum())
    r["bj-3p2-2024/leading-group"] = lg

    # The reports in scope of the reporting year; projects approved after the period the
    # campaign reports on are not required (`within_campaign = "approved_year"`).
    filed = set(reports_bj.loc[reports_bj["reporting_year"] == year, "project"].astype(str))
    approved = (projects_bj["standing"].isin(["newly_approved", "quality_monitored"])
                & (projects_bj["approved_year"] <= reported_year(year)).fillna(True))
    missing = projects_bj["id"].notna() & ~projects_bj["id"].isin(filed)
    r["bj-3p2-2024/status-report-required"] = int(
        ((projects_bj["mode"] == "three_plus_two") & approved & missing).sum())
    # From the campaign of reporting year 2025 on (`from_reporting_year`).
    r["bj-3p2-2024/five-year-reporting-from-2024"] = int(
        (projects_bj["mode"].isin(["five_year", "specialist_pilot"]) & approved & missing).sum()
    ) if year >= FIVE_YEAR_FROM_REPORTING_YEAR else 0

    def gt(a, b):
        return int((a > b).fillna(False).sum())

    r["bj-3p2-2024/status-enrollment-transfer"] = (
        int(reports_bj["enrollment"].isna().sum()) + int(reports_bj["transferred"].isna().sum())
        + gt(reports_bj["transferred"], reports_bj["graduated_secondary"])
        + gt(cohorts_bj["transferred"], cohorts_bj["graduated_secondary"])
        + gt(cohorts_bj["graduated_secondary"], cohorts_bj["enrolled"])
    )
    r["bj-3p2-2024/upload-deadline"] = int(
        (reports_bj["submitted_at"] > ts("2024-02-27T17:00:00" + BJ)).sum()
    ) if campaign_2024 else 0
    r["bj-3p2-2024/status-mechanisms"] = text_findings(reports_bj, [
        "mechanisms.school_enterprise", "mechanisms.school_school",
        "mechanisms.teacher_exchange", "mechanisms.resource_sharing",
        "mechanisms.quality_monitoring"], 10)
    r["bj-3p2-2024/status-integrated-training"] = text_findings(reports_bj, [
        "integrated_training.plan_revision", "integrated_training.bridging_courses",
        "integrated_training.enterprise_communication",
        "integrated_training.teacher_exchange_research",
        "integrated_training.shared_resources", "integrated_training.transfer_assessment"], 10)
    filer = pd.DataFrame({
        "project": reports_bj["project"].astype("string"),
        "filed_by": reports_bj["filed_by"].astype("string"),
    }).merge(projects[["id", "secondary_school"]].rename(columns={"id": "project"}),
             on="project", how="inner")
    filer = filer[filer["secondary_school"].notna()]
    r["bj-3p2-2024/status-filer"] = int(
        (filer["filed_by"] != filer["secondary_school"]).fillna(True).sum())

    # Only projects still running count (`where standing != discontinued`).
    ex = projects_bj[projects_bj["mode"].isin(["higher_bachelor", "five_year"])
                     & (projects_bj["standing"] != "discontinued").fillna(True)]
    r["bj-3p2-2024/bachelor-track-excludes-five-year"] = int(
        (ex.groupby(["higher_school", "higher_major.code"], dropna=False)["mode"].nunique()
         == 2).sum())
    for rule, field, floor in [("semester-meetings", "meetings", 2),
                               ("semester-joint-research", "joint_research", 3),
                               ("semester-teachers-dispatched", "teachers_dispatched", 5)]:
        v = sem_bj[field]
        r[f"bj-3p2-2024/{rule}"] = int((v.isna() | (v < floor)).sum())

    # contact-form: judged for schools that reported a contact; a telephone or e-mail absent or
    # blank is a finding (`required`), one not of its form too (forms.py, once per distinct text).
    reported = schools_bj[schools_bj["governance.contact.reported_at"].notna()]
    r["bj-3p2-2024/contact-form"] = 0
    for f, form in FORMS.items():
        t = reported[f].astype("string").str.strip()
        good = {x: form(x) for x in t.dropna().unique()}
        ok = t.map(good).astype("boolean").fillna(False)
        r["bj-3p2-2024/contact-form"] += int((t.isna() | (t == "").fillna(True) | ~ok).sum())

    # status-matches-cohort: the report of year Y against the project's cohort that entered in
    # Y - 1 (enrollment) or Y - 4 (graduates, transfers), where the data (in scope) has it; the
    # first such cohort where two share a project and year.
    r["bj-3p2-2024/status-matches-cohort"] = 0
    for field, other, offset in [("enrollment", "enrolled", -1),
                                 ("graduated_secondary", "graduated_secondary", -4),
                                 ("transferred", "transferred", -4)]:
        have = cohorts_bj[["project", "entry_year", other]].dropna()
        have = pd.DataFrame({"project": have["project"].astype(str), "y": have["entry_year"],
                             "other": have[other]}).drop_duplicates(["project", "y"])
        rep = reports_bj[["project", "reporting_year", field]].dropna()
        rep = pd.DataFrame({"project": rep["project"].astype(str),
                            "y": rep["reporting_year"] + offset, "v": rep[field]})
        both = rep.merge(have, on=["project", "y"], how="inner")
        r["bj-3p2-2024/status-matches-cohort"] += int((both["v"] != both["other"]).sum())

    monitored = set(qm_bj.loc[qm_bj["year"] == year - 1, "school"].astype(str))
    done_at = qm_bj["completed_at"]
    ends = pd.to_datetime(qm_bj["year"].astype(str) + "-12-31T23:59:59" + BJ)
    r["bj-3p2-2024/annual-quality-monitoring"] = (
        int((~schools_bj["id"].isin(monitored)).sum())
        + int((done_at.isna() | (done_at > ends)).sum())
    )

    # --- qz-pilot-2024 -----------------------------------------------------------------------
    # Signed by term start + 1 calendar month, a last day on a rest day moved to the next
    # working day (`last_day = "next_working_day"`): worked out once per distinct term start.
    start = students["term_start"]
    due_of = {t: pd.Timestamp(next_working_day((t + pd.DateOffset(months=1)).date()))
              for t in start.dropna().unique()}
    due = start.map(due_of)
    signed = students["agreement.signed_on"]
    held = sum(students[f].fillna(False).astype(bool).astype(int) for f in [
        "agreement.higher_school", "agreement.secondary_school", "agreement.student_or_guardian"])
    judged = st_placed & by_intake
    r["qz-pilot-2024/tripartite-agreement"] = int(
        (judged & start.notna() & (signed.isna() | (signed > due))).sum()
        + (judged & signed.notna() & (held < 3)).sum())

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
    r["qz-pilot-2024/graduation-certificate"] = int(
        (st_placed & studying & grads & ~qualified).sum())

    def short(paid, owed, num=1, den=1, zero_is_finding=False):
        sel = owed.notna()
        p, o = paid[sel], owed[sel]
        bad = p.isna() | (p * den < o * num)
        if zero_is_finding:
            # No tuition collected (zero) is a finding of its own (`zero_is_finding`).
            bad = bad | (o <= 0)
        return int(bad.fillna(True).sum())

    r["qz-pilot-2024/tuition-share"] = short(
        fin["tuition_passed_on"], fin["tuition_collected"], 6, 10, zero_is_finding=True)
    r["qz-pilot-2024/fees-pass-through"] = short(fin["fees_passed_on"], fin["fees_collected"])
    owed = fin["appropriation_per_student"] * fin["appropriation_students"]
    r["qz-pilot-2024/per-student-funding-pass-through"] = short(fin["appropriation_paid"], owed)

    # local-appropriation-in-full: what the local finance paid the higher school reaches the
    # standard times the students counted (no such column: nothing paid, every one a finding).
    r["qz-pilot-2024/local-appropriation-in-full"] = short(fin["appropriation_received"], owed)

    # A rule not in force in the reporting year judges nothing.
    for k in r:
        if not (bj_on if k.startswith("bj-") else qz_on):
            r[k] = 0

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
