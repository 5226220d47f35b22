#!/usr/bin/env python3
"""The yardstick: a plain polars script of the 22 rules of bj-3p2-2024 and qz-pilot-2024 that
find something in the national dataset (`xianjie sample national --scale S --out DIR`), as an
analyst would write it without xianjie: read the Parquet folder, count each rule's findings,
aggregate.

    python yardstick_polars.py DIR [--year 2024]

Prints one line per rule, `RULE <id> <findings>`, then `TOTAL <n>` and `AGG <name> <groups>`.
Threads: polars reads POLARS_MAX_THREADS from the environment (set it before starting).

Each count follows the rule's text as packs/*.toml transcribes it (same decisions as xianjie:
bounds inclusive where the text says 不低于/不少于/以上, a missing value is a finding where the
rule requires it). Money is compared in integer cents, never floats.

Each rule judges only the records in its scope, as xianjie does with both packs named
(scopes.py): the records not placed out of its pack's region (by the schools' division codes),
whose period the rule is in force on some day of, in the reporting year of its campaign.
"""

import os
import sys

import polars as pl

from forms import FORMS
from scopes import (BJ_FROM, BJ_MONITORING_FROM, BJ_REGION, FIVE_YEAR_FROM_REPORTING_YEAR,
                    QZ_FROM, QZ_REGION, in_force_in, next_working_day, reported_year,
                    studying_on_or_after)

PLACEHOLDERS = [
    "无", "暂无", "没有", "略", "待定", "待补充", "同上", "见附件", "-", "--", "—", "/", "\\",
    "0", "n/a", "na", "none", "null", "tbd", "...", "……",
]


def beijing(y, m, d, hh, mm, ss):
    """Epoch seconds of a Beijing (UTC+8) wall time."""
    import calendar

    return calendar.timegm((y, m, d, hh, mm, ss, 0, 0, 0)) - 8 * 3600


def epoch(col):
    return pl.col(col).dt.epoch("s")


def text_findings(df, fields, min_chars):
    """`required` with min_chars: absent, blank, a placeholder or too short is one finding."""
    total = 0
    for f in fields:
        t = pl.col(f).cast(pl.String).str.strip_chars()
        bad = (
            t.is_null()
            | (t == "")
            | t.str.to_lowercase().is_in(PLACEHOLDERS)
            | (t.str.len_chars() < min_chars)
        )
        total += df.select(bad.sum()).item()
    return total


# --- where a record lies (core/src/engine/scope.rs: Place) ------------------------------------
# 0 out of the region, 1 cannot be told, 2 in: a record named by several links lies where the
# greatest of their places says (in if one is in, unknown if none is and one cannot be told).
OUT, UNKNOWN, IN = 0, 1, 2


def short_code(code):
    """A division code without its zero padding (110000 -> 11, 330800 -> 3308); null unless 2,
    4 or 6 ASCII digits."""
    t = code.str.strip_chars()
    return pl.when(t.str.contains(r"^[0-9]{2}([0-9]{2}){0,2}$")).then(
        t.str.replace(r"^([0-9]{2}(?:[0-9]{2})*?)(?:00)*$", "${1}"))


def code_place(region, code):
    """Where a division code lies for `region`: a coarser code (a province, for a city's notice)
    or none cannot tell."""
    c = short_code(code)
    return (pl.when(c.is_null()).then(UNKNOWN)
            .when(c.str.starts_with(region)).then(IN)
            .when(pl.lit(region).str.starts_with(c)).then(UNKNOWN)
            .otherwise(OUT).cast(pl.Int8))


def school_places(schools, region):
    """Each school's place: by its `district`, else (no district given) by its credit code's
    division (characters 3-8 of `uscc`)."""
    none = pl.lit(None, dtype=pl.String)
    district = pl.col("district").cast(pl.String) if "district" in schools.columns else none
    uscc = pl.col("uscc").cast(pl.String) if "uscc" in schools.columns else none
    division = pl.when(uscc.str.len_bytes() >= 8).then(uscc.str.slice(2, 6))
    return schools.select(
        pl.col("id").cast(pl.String),
        pl.when(district.is_null()).then(code_place(region, division))
        .otherwise(code_place(region, district)).alias("place"),
    ).unique("id", keep="last")


def lookup(key, places):
    """The place of the school or project `key` names: null where it names none, unknown where
    the data has no such school or project."""
    found = pl.col(key).replace_strict(
        places["id"], places["place"], default=UNKNOWN, return_dtype=pl.Int8)
    return pl.when(pl.col(key).is_null()).then(None).otherwise(found)


def place(key, places):
    """A record placed by one link."""
    return lookup(key, places).fill_null(UNKNOWN)


def any_place(*links):
    """A record placed by several links (null links skipped; none at all: unknown)."""
    return pl.max_horizontal(*links).fill_null(UNKNOWN)


def project_places(projects, school_places):
    """A project lies where either of its schools does (no secondary school: by the higher one;
    the higher school is always looked up)."""
    return projects.select(
        "id",
        pl.max_horizontal(lookup("secondary_school", school_places),
                          place("higher_school", school_places)).alias("place"),
    ).unique("id", keep="last")


def placed(p):
    """Judged by a pack named by the user: every record not placed out of its region."""
    return p != OUT


# --- when a record lies (core/src/engine/scope.rs: span) --------------------------------------
def last_day(y, m, d):
    """The last day of a record's period, as a date."""
    return pl.date(y, m, d)


def semester_timely(sem, first):
    """Semester rows judged by a rule in force from `first`: their semester (`2023-2024-1`, one
    of 1 September-31 January and 1 February-31 August) ends on or after that day (worked out
    once per distinct semester)."""
    names = sem.select(pl.col("semester").cast(pl.String).unique().drop_nulls())
    parts = pl.col("semester").str.extract_groups(r"^([0-9]{4})-([0-9]{4})-([12])$")
    y1 = parts.struct.field("2").cast(pl.Int32)
    end = (pl.when(parts.struct.field("3") == "1").then(pl.date(y1, 1, 31))
           .otherwise(pl.date(y1, 8, 31)))
    over = names.filter(end < first)["semester"]
    return ~pl.col("semester").cast(pl.String).is_in(over.implode()).fill_null(False)



def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    d = argv[1]
    year = 2024
    if "--year" in argv:
        year = int(argv[argv.index("--year") + 1])

    def read(name, columns):
        return pl.read_parquet(os.path.join(d, f"{name}.parquet"), columns=columns)

    def optional(name, columns):
        """The columns of `columns` the file has (a school's district may be absent)."""
        have = pl.read_parquet_schema(os.path.join(d, f"{name}.parquet"))
        return [c for c in columns if c in have]

    r = {}
    schools = read("schools", [
        "id", "governance.leading_group.head", "governance.leading_group.head_role",
        "governance.responsible_office", "governance.contact.name",
        "governance.contact.reported_at",
    ] + optional("schools", ["district", "uscc"] + list(FORMS)))
    projects = read("projects", [
        "id", "mode", "standing", "secondary_school", "higher_school", "higher_major.code",
        "approved_year",
    ]).with_columns(
        pl.col("id", "mode", "standing", "secondary_school", "higher_school",
               "higher_major.code").cast(pl.String)
    )
    reports = read("status_reports", None)
    qm = read("quality_monitoring", ["school", "year", "completed_at"])
    cohorts = read("cohorts", [
        "project", "entry_year", "enrolled", "graduated_secondary", "transferred",
    ])
    sem = read("semester_activities", [
        "project", "semester", "meetings", "joint_research", "teachers_dispatched"])
    fin = read("finance_settlements", [
        "school", "higher_school", "year",
        "tuition_collected", "tuition_passed_on", "fees_collected", "fees_passed_on",
        "appropriation_per_student", "appropriation_students", "appropriation_paid",
    ] + optional("finance_settlements", ["appropriation_received"]))
    # Columns an older dataset lacks: absent on every record.
    schools = schools.with_columns(
        pl.lit(None, dtype=pl.String).alias(f) for f in FORMS if f not in schools.columns)
    if "appropriation_received" not in fin.columns:
        fin = fin.with_columns(
            pl.lit(None, dtype=pl.Decimal(18, 2)).alias("appropriation_received"))
    students = read("students", [
        "school", "higher_school", "entry_year",
        "term_start", "agreement.signed_on", "agreement.higher_school",
        "agreement.secondary_school", "agreement.student_or_guardian", "certificates",
        "graduated",
    ])

    # --- scopes (core/src/engine/scope.rs; see scopes.py) -----------------------------------
    # Each pack judges only the records in its region (both packs named: records of unknown
    # region judged, records placed elsewhere left out) and in force on some day of their period.
    bj_schools = school_places(schools, BJ_REGION)
    bj_projects = project_places(projects, bj_schools)
    qz_schools = school_places(schools, QZ_REGION)
    schools_bj = schools.filter(placed(place("id", bj_schools)))
    projects_bj = projects.filter(placed(place("id", bj_projects)))
    # A status report's period is its reporting year; it lies where its project does.
    reports_bj = reports.filter(
        placed(place("project", bj_projects))
        & (last_day(pl.col("reporting_year"), 12, 31) >= BJ_FROM))
    # A cohort from intake to 31 August five years after entry.
    cohorts_bj = cohorts.filter(
        placed(place("project", bj_projects))
        & (last_day(pl.col("entry_year") + 5, 8, 31) >= BJ_FROM).fill_null(True))
    # A semester: 2023-2024-1 is 1 September 2023 to 31 January 2024, -2 from 1 February to
    # 31 August 2024; the one under way on 2024-01-24 is judged.
    sem_bj = sem.filter(placed(place("project", bj_projects)) & semester_timely(sem, BJ_FROM))
    # annual-quality-monitoring (judges_from 2023-01-01): a monitoring year, from 2023.
    qm_bj = qm.filter(
        placed(place("school", bj_schools))
        & (last_day(pl.col("year"), 12, 31) >= BJ_MONITORING_FROM))
    # A settlement: school year y is 1 September y to 31 August y + 1; it lies where either of
    # its schools does.
    fin_qz = fin.filter(
        placed(any_place(place("school", qz_schools), place("higher_school", qz_schools)))
        & (last_day(pl.col("year") + 1, 8, 31) >= QZ_FROM))
    # A student where either school lies; graduation-certificate judges students over their
    # years of study (intake to 31 August five years after entry), tripartite-agreement by
    # their term start (`period_field = "term_start"`: an intake before 2024-05-29 is not
    # judged; without a term start, the years of study decide).
    student_place = any_place(place("school", qz_schools), place("higher_school", qz_schools))
    # The period's end is max(31 August of entry + 5, intake): worked out once per entry year.
    entry = pl.col("entry_year")
    entries = students.select(entry.unique().drop_nulls()).to_series().to_list()
    studying = (entry.is_null() | entry.is_in(studying_on_or_after(entries, QZ_FROM))
                | (pl.col("term_start") >= QZ_FROM).fill_null(False))
    students = students.with_columns(
        placed(student_place).alias("_placed"),
        studying.alias("_studying"),
        pl.when(pl.col("term_start").is_not_null())
        .then(pl.col("term_start") >= QZ_FROM).otherwise(studying).alias("_intake"),
    )
    bj_on = in_force_in(BJ_FROM, year)
    qz_on = in_force_in(QZ_FROM, year)

    # --- bj-3p2-2024 -------------------------------------------------------------------------
    # contact-deadline and upload-deadline belong to the 2024 campaign: other reporting years
    # are not theirs.
    campaign_2024 = year == 2024
    r["bj-3p2-2024/contact-deadline"] = schools_bj.select(
        (pl.col("governance.contact.reported_at").is_null()
         | (epoch("governance.contact.reported_at") > beijing(2024, 1, 31, 17, 0, 0))).sum()
    ).item() if campaign_2024 else 0

    lg = 0
    for f in ["governance.leading_group.head", "governance.responsible_office",
              "governance.contact.name"]:
        lg += text_findings(schools_bj, [f], 0)
    lg += schools_bj.select(
        (~pl.col("governance.leading_group.head_role").cast(pl.String)
         .is_in(["principal", "party_secretary"]).fill_null(False)).sum()
    ).item()
    r["bj-3p2-2024/leading-group"] = lg

    # The reports in scope of the reporting year; projects approved after the period the
    # campaign reports on are not required (`within_campaign = "approved_year"`).
    filed = reports_bj.filter(pl.col("reporting_year") == year)["project"].cast(pl.String)
    approved = (pl.col("standing").is_in(["newly_approved", "quality_monitored"])
                & (pl.col("approved_year") <= reported_year(year)).fill_null(True))
    missing = pl.col("id").is_not_null() & ~pl.col("id").is_in(filed.implode())
    r["bj-3p2-2024/status-report-required"] = projects_bj.filter(
        (pl.col("mode") == "three_plus_two") & approved & missing).height
    # From the campaign of reporting year 2025 on (`from_reporting_year`).
    r["bj-3p2-2024/five-year-reporting-from-2024"] = projects_bj.filter(
        pl.col("mode").is_in(["five_year", "specialist_pilot"]) & approved & missing
    ).height if year >= FIVE_YEAR_FROM_REPORTING_YEAR else 0

    r["bj-3p2-2024/status-enrollment-transfer"] = (
        reports_bj.select(pl.col("enrollment").is_null().sum()).item()
        + reports_bj.select(pl.col("transferred").is_null().sum()).item()
        + reports_bj.select((pl.col("transferred") > pl.col("graduated_secondary")).sum()).item()
        + cohorts_bj.select((pl.col("transferred") > pl.col("graduated_secondary")).sum()).item()
        + cohorts_bj.select((pl.col("graduated_secondary") > pl.col("enrolled")).sum()).item()
    )
    r["bj-3p2-2024/upload-deadline"] = reports_bj.select(
        (epoch("submitted_at") > beijing(2024, 2, 27, 17, 0, 0)).sum()
    ).item() if campaign_2024 else 0
    r["bj-3p2-2024/status-mechanisms"] = text_findings(reports_bj, [
        "mechanisms.school_enterprise", "mechanisms.school_school",
        "mechanisms.teacher_exchange", "mechanisms.resource_sharing",
        "mechanisms.quality_monitoring"], 10)
    r["bj-3p2-2024/status-integrated-training"] = text_findings(reports_bj, [
        "integrated_training.plan_revision", "integrated_training.bridging_courses",
        "integrated_training.enterprise_communication",
        "integrated_training.teacher_exchange_research",
        "integrated_training.shared_resources", "integrated_training.transfer_assessment"], 10)
    filer = reports_bj.select(
        pl.col("project").cast(pl.String), pl.col("filed_by").cast(pl.String)
    ).join(
        projects.select(pl.col("id").alias("project"), "secondary_school"),
        on="project", how="inner",
    ).filter(pl.col("secondary_school").is_not_null())
    r["bj-3p2-2024/status-filer"] = filer.select(
        (pl.col("filed_by") != pl.col("secondary_school")).fill_null(True).sum()).item()

    # Only projects still running count (`where standing != discontinued`).
    r["bj-3p2-2024/bachelor-track-excludes-five-year"] = (
        projects_bj.filter(pl.col("mode").is_in(["higher_bachelor", "five_year"])
                           & (pl.col("standing") != "discontinued").fill_null(True))
        .group_by("higher_school", "higher_major.code")
        .agg(pl.col("mode").n_unique().alias("n"))
        .filter(pl.col("n") == 2).height
    )
    for rule, field, floor in [("semester-meetings", "meetings", 2),
                               ("semester-joint-research", "joint_research", 3),
                               ("semester-teachers-dispatched", "teachers_dispatched", 5)]:
        r[f"bj-3p2-2024/{rule}"] = sem_bj.select(
            (pl.col(field).is_null() | (pl.col(field) < floor)).sum()).item()

    # contact-form: judged for schools that reported a contact; a telephone or e-mail absent or
    # blank is a finding (`required`), one not of its form too (forms.py, once per distinct text).
    reported = schools_bj.filter(pl.col("governance.contact.reported_at").is_not_null())
    r["bj-3p2-2024/contact-form"] = 0
    for f, form in FORMS.items():
        t = pl.col(f).cast(pl.String).str.strip_chars()
        texts = reported.select(t.unique().drop_nulls()).to_series().to_list()
        good = pl.DataFrame({"t": texts, "ok": [form(x) for x in texts]},
                            schema={"t": pl.String, "ok": pl.Boolean})
        r["bj-3p2-2024/contact-form"] += reported.select(
            (t.is_null() | (t == "")
             | ~t.replace_strict(good["t"], good["ok"], default=False)).sum()).item()

    # status-matches-cohort: the report of year Y against the project's cohort that entered in
    # Y - 1 (enrollment) or Y - 4 (graduates, transfers), where the data (in scope) has it; the
    # first such cohort where two share a project and year.
    r["bj-3p2-2024/status-matches-cohort"] = 0
    for field, other, offset in [("enrollment", "enrolled", -1),
                                 ("graduated_secondary", "graduated_secondary", -4),
                                 ("transferred", "transferred", -4)]:
        have = cohorts_bj.filter(
            pl.col("project").is_not_null() & pl.col("entry_year").is_not_null()
            & pl.col(other).is_not_null()
        ).select(
            pl.col("project").cast(pl.String), pl.col("entry_year").alias("_y"),
            pl.col(other).alias("_other"),
        ).unique(["project", "_y"], keep="first", maintain_order=True)
        r["bj-3p2-2024/status-matches-cohort"] += reports_bj.filter(
            pl.col("project").is_not_null() & pl.col("reporting_year").is_not_null()
            & pl.col(field).is_not_null()
        ).select(
            pl.col("project").cast(pl.String), (pl.col("reporting_year") + offset).alias("_y"),
            pl.col(field),
        ).join(have, on=["project", "_y"], how="inner").select(
            (pl.col(field) != pl.col("_other")).sum()).item()

    monitored = qm_bj.filter(pl.col("year") == year - 1)["school"].cast(pl.String).unique()
    year_end = pl.datetime(pl.col("year"), 12, 31, 23, 59, 59, time_zone="Etc/GMT-8")
    r["bj-3p2-2024/annual-quality-monitoring"] = (
        schools_bj.filter(~pl.col("id").is_in(monitored.implode())).height
        + qm_bj.select((pl.col("completed_at").is_null()
                        | (epoch("completed_at") > year_end.dt.epoch("s"))).sum()).item()
    )

    # --- qz-pilot-2024 -----------------------------------------------------------------------
    # Signed by term start + 1 calendar month, a last day on a rest day moved to the next
    # working day (`last_day = "next_working_day"`): worked out once per distinct term start.
    starts = students.select(pl.col("term_start").unique().drop_nulls())["term_start"]
    due = pl.DataFrame({
        "term_start": starts,
        "_due": [next_working_day(d) for d in starts.dt.offset_by("1mo").to_list()],
    }, schema={"term_start": pl.Date, "_due": pl.Date})
    signed = pl.col("agreement.signed_on")
    flags = ["agreement.higher_school", "agreement.secondary_school",
             "agreement.student_or_guardian"]
    held = pl.sum_horizontal([pl.col(f).fill_null(False).cast(pl.Int32) for f in flags])
    r["qz-pilot-2024/tripartite-agreement"] = students.filter(
        pl.col("_placed") & pl.col("_intake")
    ).join(due, on="term_start", how="left").select(
        (pl.col("term_start").is_not_null() & (signed.is_null() | (signed > pl.col("_due")))).sum()
        + (signed.is_not_null() & (held < 3)).sum()
    ).item()

    cert = pl.element().struct
    qualifies = (
        (cert.field("kind").cast(pl.String) == "senior_worker")
        | ((cert.field("kind").cast(pl.String) == "x_certificate")
           & cert.field("level").cast(pl.String).is_in(["intermediate", "advanced"]))
    )
    r["qz-pilot-2024/graduation-certificate"] = students.filter(
        pl.col("_placed") & pl.col("_studying") & pl.col("graduated").fill_null(False)
    ).select(
        (~pl.col("certificates").list.eval(qualifies.fill_null(False)).list.any()
         .fill_null(False)).sum()
    ).item()

    def cents(c):
        return (pl.col(c) * 100).cast(pl.Int64)

    # No tuition collected (zero) is a finding of its own (`zero_is_finding`).
    r["qz-pilot-2024/tuition-share"] = fin_qz.filter(
        pl.col("tuition_collected").is_not_null()
    ).select(
        ((cents("tuition_collected") <= 0)
         | pl.col("tuition_passed_on").is_null()
         | (cents("tuition_passed_on") * 10 < cents("tuition_collected") * 6)).sum()).item()
    r["qz-pilot-2024/fees-pass-through"] = fin_qz.filter(
        pl.col("fees_collected").is_not_null()
    ).select(
        (pl.col("fees_passed_on").is_null()
         | (cents("fees_passed_on") < cents("fees_collected"))).sum()).item()
    r["qz-pilot-2024/per-student-funding-pass-through"] = fin_qz.filter(
        pl.col("appropriation_per_student").is_not_null()
        & pl.col("appropriation_students").is_not_null()
    ).select(
        (pl.col("appropriation_paid").is_null()
         | (cents("appropriation_paid")
            < cents("appropriation_per_student") * pl.col("appropriation_students"))).sum()
    ).item()

    # local-appropriation-in-full: what the local finance paid the higher school reaches the
    # standard times the students counted (no such column: nothing paid, every one a finding).
    received = pl.col("appropriation_received")
    r["qz-pilot-2024/local-appropriation-in-full"] = fin_qz.filter(
        pl.col("appropriation_per_student").is_not_null()
        & pl.col("appropriation_students").is_not_null()
    ).select(
        (received.is_null()
         | ((received * 100).cast(pl.Int64)
            < cents("appropriation_per_student") * pl.col("appropriation_students"))).sum()
    ).item()

    # A rule not in force in the reporting year judges nothing.
    for k in r:
        if not (bj_on if k.startswith("bj-") else qz_on):
            r[k] = 0

    # --- aggregates ----------------------------------------------------------------------------
    done = cohorts.filter(
        pl.col("graduated_secondary").is_not_null() & pl.col("transferred").is_not_null()
    ).with_columns(pl.col("project").cast(pl.String)).join(
        projects.select(pl.col("id").alias("project"), "secondary_school", "higher_major.code"),
        on="project", how="left",
    )

    def rate(by):
        return done.group_by(by).agg(
            pl.col("transferred").sum().alias("t"), pl.col("graduated_secondary").sum().alias("g")
        ).with_columns(
            pl.when(pl.col("g") > 0).then(pl.col("t") / pl.col("g")).alias("rate")
        )

    aggs = {
        "transfer_rate_by_secondary_school_entry_year":
            rate(["secondary_school", "entry_year"]).height,
        "transfer_rate_by_category": rate(
            pl.col("higher_major.code").str.slice(0, 2).alias("category")).height,
        "enrollment_by_year": cohorts.group_by("entry_year").agg(pl.col("enrolled").sum()).height,
    }

    for k in sorted(r):
        print(f"RULE {k} {r[k]}")
    print(f"TOTAL {sum(r.values())}")
    for k, v in aggs.items():
        print(f"AGG {k} {v}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
