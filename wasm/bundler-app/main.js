// A tiny app importing the package by name, as a user's would: bundled by esbuild and by Vite in
// test/bundlers.test.mjs. It uses every asset: the checking module (import), the reference tables
// (loadReference), the full module (explain).
import { check, checkField, explain, loadReference, XianjieError } from 'xianjie';

const out = {};
try {
  await loadReference();
  const data = {
    reporting_year: 2024,
    schools: [{ id: 'S1', name: '北京市商业学校', level: 'secondary', district: '150199' }],
    semester_activities: [
      { project: 'P0007', semester: '2023-2024-1', meetings: 1, joint_research: 3, teachers_dispatched: 5 },
    ],
  };
  const report = check(data, { packs: ['bj-3p2-2024', 'ref-data'] });
  out.rules = report.findings.map((f) => f.rule_id).sort();
  out.pack = (await explain('bj-3p2-2024/semester-meetings'))?.pack.id;
  try {
    checkField('semester_activities', data, 'semester_activities[1].meetings');
  } catch (e) {
    out.error = e instanceof XianjieError ? e.code : String(e);
  }
} catch (e) {
  out.failed = String(e?.stack ?? e);
}
document.body.dataset.result = JSON.stringify(out);
