#!/usr/bin/env python3
"""The yardstick: a plain polars script of the 19 rules of bj-3p2-2024 and qz-pilot-2024 that
read the national dataset (`xianjie sample national --scale S --out DIR`), as an analyst would
write it without xianjie: read the Parquet folder, count each rule's findings, aggregate.

    python yardstick_polars.py DIR [--year 2024]

Prints one line per rule, `RULE <id> <findings>`, then `TOTAL <n>` and `AGG <name> <groups>`.
Threads: polars reads POLARS_MAX_THREADS from the environment (set it before starting).

Each count follows the rule's text as packs/*.toml transcribes it (same decisions as xianjie:
bounds inclusive where the text says 不低于/不少于/以上, a missing value is a finding where the
rule requires it). Money is compared in integer cents, never floats.
"""

import os
import sys

import polars as pl

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

    r = {}
    schools = read("schools", [
        "id", "governance.leading_group.head", "governance.leading_group.head_role",
        "governance.responsible_office", "governance.contact.name",
        "governance.contact.reported_at",
    ])
    projects = read("projects", [
        "id", "mode", "standing", "secondary_school", "higher_school", "higher_major.code",
    ]).with_columns(
        pl.col("id", "mode", "standing", "secondary_school", "higher_school",
               "higher_major.code").cast(pl.String)
    )
    reports = read("status_reports", None)
    qm = read("quality_monitoring", ["school", "year", "completed_at"])
    cohorts = read("cohorts", [
        "project", "entry_year", "enrolled", "graduated_secondary", "transferred",
    ])
    sem = read("semester_activities", ["meetings", "joint_research", "teachers_dispatched"])
    fin = read("finance_settlements", [
        "tuition_collected", "tuition_passed_on", "fees_collected", "fees_passed_on",
        "appropriation_per_student", "appropriation_students", "appropriation_paid",
    ])
    students = read("students", [
        "term_start", "agreement.signed_on", "agreement.higher_school",
        "agreement.secondary_school", "agreement.student_or_guardian", "certificates",
        "graduated",
    ])

    # --- bj-3p2-2024 -------------------------------------------------------------------------
    r["bj-3p2-2024/contact-deadline"] = schools.select(
        (pl.col("governance.contact.reported_at").is_null()
         | (epoch("governance.contact.reported_at") > beijing(2024, 1, 31, 17, 0, 0))).sum()
    ).item()

    lg = 0
    for f in ["governance.leading_group.head", "governance.responsible_office",
              "governance.contact.name"]:
        lg += text_findings(schools, [f], 0)
    lg += schools.select(
        (~pl.col("governance.leading_group.head_role").cast(pl.String)
         .is_in(["principal", "party_secretary"]).fill_null(False)).sum()
    ).item()
    r["bj-3p2-2024/leading-group"] = lg

    filed = set(
        reports.filter(pl.col("reporting_year") == year)["project"].cast(pl.String).to_list()
    )
    approved = pl.col("standing").is_in(["newly_approved", "quality_monitored"])
    missing = ~pl.col("id").is_in(list(filed))
    r["bj-3p2-2024/status-report-required"] = projects.filter(
        (pl.col("mode") == "three_plus_two") & approved & missing).height
    r["bj-3p2-2024/five-year-reporting-from-2024"] = projects.filter(
        pl.col("mode").is_in(["five_year", "specialist_pilot"]) & approved & missing
    ).height if year >= 2024 else 0

    r["bj-3p2-2024/status-enrollment-transfer"] = (
        reports.select(pl.col("enrollment").is_null().sum()).item()
        + reports.select(pl.col("transferred").is_null().sum()).item()
        + reports.select((pl.col("transferred") > pl.col("graduated_secondary")).sum()).item()
        + cohorts.select((pl.col("transferred") > pl.col("graduated_secondary")).sum()).item()
        + cohorts.select((pl.col("graduated_secondary") > pl.col("enrolled")).sum()).item()
    )
    r["bj-3p2-2024/upload-deadline"] = reports.select(
        (epoch("submitted_at") > beijing(2024, 2, 27, 17, 0, 0)).sum()).item()
    r["bj-3p2-2024/status-mechanisms"] = text_findings(reports, [
        "mechanisms.school_enterprise", "mechanisms.school_school",
        "mechanisms.teacher_exchange", "mechanisms.resource_sharing",
        "mechanisms.quality_monitoring"], 10)
    r["bj-3p2-2024/status-integrated-training"] = text_findings(reports, [
        "integrated_training.plan_revision", "integrated_training.bridging_courses",
        "integrated_training.enterprise_communication",
        "integrated_training.teacher_exchange_research",
        "integrated_training.shared_resources", "integrated_training.transfer_assessment"], 10)
    filer = reports.select(
        pl.col("project").cast(pl.String), pl.col("filed_by").cast(pl.String)
    ).join(
        projects.select(pl.col("id").alias("project"), "secondary_school"),
        on="project", how="inner",
    ).filter(pl.col("secondary_school").is_not_null())
    r["bj-3p2-2024/status-filer"] = filer.select(
        (pl.col("filed_by") != pl.col("secondary_school")).fill_null(True).sum()).item()

    r["bj-3p2-2024/bachelor-track-excludes-five-year"] = (
        projects.filter(pl.col("mode").is_in(["higher_bachelor", "five_year"]))
        .group_by("higher_school", "higher_major.code")
        .agg(pl.col("mode").n_unique().alias("n"))
        .filter(pl.col("n") == 2).height
    )
    for rule, field, floor in [("semester-meetings", "meetings", 2),
                               ("semester-joint-research", "joint_research", 3),
                               ("semester-teachers-dispatched", "teachers_dispatched", 5)]:
        r[f"bj-3p2-2024/{rule}"] = sem.select(
            (pl.col(field).is_null() | (pl.col(field) < floor)).sum()).item()

    monitored = qm.filter(pl.col("year") == year - 1)["school"].cast(pl.String).unique()
    year_end = pl.datetime(pl.col("year"), 12, 31, 23, 59, 59, time_zone="Etc/GMT-8")
    r["bj-3p2-2024/annual-quality-monitoring"] = (
        schools.filter(~pl.col("id").is_in(monitored.to_list())).height
        + qm.select((pl.col("completed_at").is_null()
                     | (epoch("completed_at") > year_end.dt.epoch("s"))).sum()).item()
    )

    # --- qz-pilot-2024 -----------------------------------------------------------------------
    due = pl.col("term_start").dt.offset_by("1mo")
    signed = pl.col("agreement.signed_on")
    flags = ["agreement.higher_school", "agreement.secondary_school",
             "agreement.student_or_guardian"]
    held = pl.sum_horizontal([pl.col(f).fill_null(False).cast(pl.Int32) for f in flags])
    r["qz-pilot-2024/tripartite-agreement"] = students.select(
        (pl.col("term_start").is_not_null() & (signed.is_null() | (signed > due))).sum()
        + (signed.is_not_null() & (held < 3)).sum()
    ).item()

    cert = pl.element().struct
    qualifies = (
        (cert.field("kind").cast(pl.String) == "senior_worker")
        | ((cert.field("kind").cast(pl.String) == "x_certificate")
           & cert.field("level").cast(pl.String).is_in(["intermediate", "advanced"]))
    )
    r["qz-pilot-2024/graduation-certificate"] = students.filter(
        pl.col("graduated").fill_null(False)
    ).select(
        (~pl.col("certificates").list.eval(qualifies.fill_null(False)).list.any()
         .fill_null(False)).sum()
    ).item()

    def cents(c):
        return (pl.col(c) * 100).cast(pl.Int64)

    r["qz-pilot-2024/tuition-share"] = fin.filter(pl.col("tuition_collected").is_not_null()).select(
        (pl.col("tuition_passed_on").is_null()
         | (cents("tuition_passed_on") * 10 < cents("tuition_collected") * 6)).sum()).item()
    r["qz-pilot-2024/fees-pass-through"] = fin.filter(pl.col("fees_collected").is_not_null()).select(
        (pl.col("fees_passed_on").is_null()
         | (cents("fees_passed_on") < cents("fees_collected"))).sum()).item()
    r["qz-pilot-2024/per-student-funding-pass-through"] = fin.filter(
        pl.col("appropriation_per_student").is_not_null()
        & pl.col("appropriation_students").is_not_null()
    ).select(
        (pl.col("appropriation_paid").is_null()
         | (cents("appropriation_paid")
            < cents("appropriation_per_student") * pl.col("appropriation_students"))).sum()
    ).item()

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
