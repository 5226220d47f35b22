// Speed of checking one whole status-report form in Node (the checking module only): median of
// many runs after warm-up. Run after build.sh: `node bench.mjs`.
import { check, checkField } from './pkg/node.js';

const form = {
  reporting_year: 2024,
  schools: [
    { id: 'S1', name: '北京市商业学校', level: 'secondary' },
    { id: 'H1', name: '北京财贸职业学院', level: 'higher' },
  ],
  projects: [{ id: 'P0007', secondary_school: 'S1', higher_school: 'H1',
    secondary_major: { code: '710201' }, higher_major: { code: '510201' } }],
  status_reports: [{
    project: 'P0007', reporting_year: 2024, enrollment: 40, graduated_secondary: 38, transferred: 35,
    filed_by: 'S1', submitted_at: '2024-02-26T10:00:00+08:00',
    mechanisms: Object.fromEntries(['school_enterprise', 'school_school', 'teacher_exchange',
      'resource_sharing', 'quality_monitoring'].map((k) => [k, '双方签订合作协议，建立联席会议制度并定期开展。'])),
    integrated_training: Object.fromEntries(['plan_revision', 'bridging_courses', 'enterprise_communication',
      'teacher_exchange_research', 'shared_resources', 'transfer_assessment'].map((k) => [k, '双方共同修订方案并按学期组织实施与考核。'])),
  }],
  semester_activities: ['2023-2024-1', '2023-2024-2'].map((semester) => (
    { project: 'P0007', semester, meetings: 1, joint_research: 3, teachers_dispatched: 5 })),
};
const opts = { packs: ['bj-3p2-2024'] };

function median(fn, runs) {
  for (let i = 0; i < 500; i++) fn();
  const t = [];
  for (let i = 0; i < runs; i++) {
    const s = process.hrtime.bigint();
    fn();
    t.push(Number(process.hrtime.bigint() - s) / 1000);
  }
  t.sort((a, b) => a - b);
  return t[Math.floor(runs / 2)];
}

const whole = median(() => check(form, opts), 5000);
const field = median(() => checkField('semester_activities', form, 'semester_activities[0].meetings', opts), 5000);
console.log(`check(status-report form, bj-3p2-2024): median ${whole.toFixed(1)} µs`);
console.log(`checkField(semester_activities[0].meetings): median ${field.toFixed(1)} µs`);
