"""What the yardsticks need to know of where and when each rule applies: the facts an analyst
reads off the two notices (core/packs/bj-3p2-2024.toml, core/packs/qz-pilot-2024.toml), in plain
Python for both yardstick_polars.py and yardstick_pandas.py, which write the filters themselves.

xianjie's semantics (core/src/engine/scope.rs), mirrored by the yardsticks:

- Region. A pack binds one region, a GB/T 2260 code without its zero padding. A school lies in
  it when its `district` code (without padding: 330800 -> 3308) starts with the region's code;
  a code of a coarser level (330000 for Quzhou) or no code at all leaves it unknown; another
  code puts it out. A school without a district column value is placed by its credit code's
  division (`uscc`, characters 3-8) instead. A project lies where either of its schools does (in
  if one is in; unknown if none is in and one cannot be told; out if all are out); a status
  report, a cohort or a semester row where its project does; a quality-monitoring record where
  its school does; a settlement or a student where either of its two schools does. A record
  that names no school (or a school or project not in the data) is of unknown region.
  A pack named by the user (compare.py names both) judges the records of unknown region too:
  only records placed out of the region are left out.
- Period. A rule judges a record when the rule is in force on some day of the record's period:
  a semester (1 September-31 January, 1 February-31 August), a cohort or a student from intake
  to 31 August five years after entry, a status report's or a monitoring year (1 January-31
  December), a settlement's school year (1 September-31 August). Schools and projects have no
  period: always judged. Neither pack sets an end, so "in force on some day" is "the period's
  last day is on or after the rule's first day".
- Campaign. Rules tied to a campaign judge only the reporting year that selects it.
"""

import datetime

# Where each notice binds (`region` of each pack).
BJ_REGION = "11"  # 北京市
QZ_REGION = "3308"  # 衢州市

# First day each rule judges records of: the pack's date (`[source] date`), or the rule's
# `judges_from` where earlier (bj-3p2-2024/annual-quality-monitoring: the 2024 campaign reports
# on 2023).
BJ_FROM = datetime.date(2024, 1, 24)
BJ_MONITORING_FROM = datetime.date(2023, 1, 1)
QZ_FROM = datetime.date(2024, 5, 29)

# bj-3p2-2024's campaigns: reporting year -> last year of the period it reports on
# (`reports_until`); a reporting year without a campaign reports on the year before.
BJ_CAMPAIGNS = {2024: 2023, 2025: 2024}
# Rules tied to a campaign (`campaign = "2024"`): checked only for reporting year 2024.
BJ_CAMPAIGN_2024_RULES = ["bj-3p2-2024/upload-deadline", "bj-3p2-2024/contact-deadline"]
# five-year-reporting-from-2024: `from_reporting_year = 2025`.
FIVE_YEAR_FROM_REPORTING_YEAR = 2025


def reported_year(reporting_year):
    """The last year a campaign reports on: projects approved after it are not required
    (status-report-required, five-year-reporting-from-2024: `within_campaign`)."""
    return BJ_CAMPAIGNS.get(reporting_year, reporting_year - 1)


def in_force_in(first_day, year):
    """Whether a rule in force from `first_day` (no end) is in force in reporting year `year`:
    a rule not in force in the reporting year judges nothing."""
    return first_day.year <= year


# Rest days of the State Council's schedules embedded in xianjie (core/src/reference/
# holidays.rs: 国办发明电〔2023〕7号 for 2024, 国办发明电〔2024〕12号 for 2025); other years move off
# weekends only. qz-pilot-2024/tripartite-agreement moves a last day on a rest day to the next
# working day (`last_day = "next_working_day"`, 民法典 第二百零三条).
OFF = {
    2024: [(1, 1), (2, 12), (2, 13), (2, 14), (2, 15), (2, 16), (4, 4), (4, 5), (5, 1), (5, 2),
           (5, 3), (6, 10), (9, 16), (9, 17), (10, 1), (10, 2), (10, 3), (10, 4), (10, 7)],
    2025: [(1, 1), (1, 28), (1, 29), (1, 30), (1, 31), (2, 3), (2, 4), (4, 4), (5, 1), (5, 2),
           (5, 5), (6, 2), (10, 1), (10, 2), (10, 3), (10, 6), (10, 7), (10, 8)],
}
WORKED = {
    2024: [(2, 4), (2, 18), (4, 7), (4, 28), (5, 11), (9, 14), (9, 29), (10, 12)],
    2025: [(1, 26), (2, 8), (4, 27), (9, 28), (10, 11)],
}


def rest_day(d):
    if (d.month, d.day) in OFF.get(d.year, []):
        return True
    return d.weekday() >= 5 and (d.month, d.day) not in WORKED.get(d.year, [])


def next_working_day(d):
    """`d`, or the first working day after it (at most 16 days on, as xianjie looks)."""
    for _ in range(16):
        if not rest_day(d):
            return d
        d += datetime.timedelta(days=1)
    return d


def studying_on_or_after(entry_years, first):
    """Of the distinct `entry_years`, those whose years of study (to 31 August five years after
    entry) end on or after `first`: a student (a cohort) of such an entry year is judged by a
    rule in force from `first`; a later intake (term start) only makes the period end later."""
    return [y for y in entry_years
            if y + 5 > 9999 or (y + 5 >= 1 and datetime.date(y + 5, 8, 31) >= first)]
