// Type-level tests of the public API (test/types.test.mjs runs `tsc --noEmit` on this file):
// what must compile does, and each `@ts-expect-error` line must be an error (tsc fails if not).
import {
  applicationSheets, applicationSummary, check, checkField, majorLedger, pilotTables, schema, statusCampaign,
  transferRates, XianjieError,
} from '../../pkg/index.js';
import type { CollectionName, Dataset, Finding, Report } from '../../pkg/index.js';

const data: Dataset = { reporting_year: 2024 };
const report: Report = check(data, { packs: ['bj-3p2-2024'] });
const found: Finding[] = checkField('semester_activities', data, 'semester_activities[0].meetings');
const kind: CollectionName = 'applications';
checkField(kind, data, 'applications[2].attachments.training_plan');

// @ts-expect-error an unknown collection
checkField('semester_activity', data, 'semester_activity[0].meetings');
// @ts-expect-error a path outside the collection named
checkField('applications', data, 'semester_activities[0].meetings');
// @ts-expect-error a path without a record index
checkField('applications', data, 'applications.year');
// @ts-expect-error an unknown option
check(data, { pack: ['bj-3p2-2024'] });

try {
  check(data);
} catch (e) {
  if (e instanceof XianjieError) {
    const where: string = e.path;
    const code: string = e.code;
    const first = e.errors[0];
    void [where, code, first?.msg_zh];
  }
}
void schema('dataset');
// @ts-expect-error not a collection
void schema('nope');
void [report, found];

// Aggregations: groupings by name, exact rates as strings.
async function rates(): Promise<void> {
  const rows = await transferRates(data, ['district', 'entry_year']);
  const fraction: string = rows[0]!.rate.fraction;
  const byRank = (await applicationSummary(data))[0]?.applications.map((a) => a.rank);
  // @ts-expect-error not a grouping
  await transferRates(data, ['county']);
  void [fraction, byRank];
}
void rates;

// The city tables: typed rows, verdicts a closed set, `null` where the city's pack was not used.
async function cities(): Promise<void> {
  const campaign = await statusCampaign(data);
  const missing: number | undefined = campaign?.total.missing;
  const sheet = (await applicationSheets(data, { packs: ['bj-3p2-2024'] }))[0];
  const broken: string[] | undefined = sheet?.applications[0]?.breaks;
  const pilot = await pilotTables(data, { packs: ['qz-pilot-2024'] });
  const verdict = pilot?.campuses[0]?.indicators[0]?.verdict;
  if (verdict === 'failed' || verdict === 'not_applicable') void verdict;
  // @ts-expect-error not a verdict
  if (verdict === 'fail') void verdict;
  const ledger = await majorLedger(data, { packs: ['hhht-majors-2022'] });
  const share: string | undefined = ledger?.rows[0]?.key_chain_share.fraction;
  // @ts-expect-error the campaign may be null
  void campaign.total;
  void [missing, broken, share];
}
void cities;
