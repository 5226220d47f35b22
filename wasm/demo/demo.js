// Demo form: every rule, message, remedy and clause comes from the xianjie package; this file
// only lays out the form, reads the inputs into a dataset, calls the package and shows what it
// returns where the clerk needs it. Its own words are the form's labels and buttons (UI below).
import {
  applicationSummary, check, explain, loadReference, sample, samples, transferRates, XianjieError,
} from '../pkg/index.js';

// The Beijing notice, and the catalogue checks of the major codes (their tables load after the page).
const OPTS = { packs: ['bj-3p2-2024', 'ref-data'] };
const SAMPLE = 'bj-3p2-2024';
const BEIJING_OFFSET = '+08:00';

const UI = {
  zh: {
    skip: '跳到检查结果', title: '北京市中高职衔接 · 填报检查', subtitle: 'xianjie 演示(京教函〔2024〕51号)',
    loadSample: '载入示例数据', results: '检查结果', errors: '错误', warnings: '警告', passedRules: '已通过规则',
    onThisForm: '本表的问题', others: '其他记录与整体的问题', application: '新增项目申报书',
    statusReport: '人才培养状态数据填报', mechanisms: '合作交流机制建设与完善', integrated: '一体化人才培养',
    semester: '学期衔接活动(2023-2024学年第一学期)', choose: '— 请选择 —', beijingTime: '北京时间(UTC+8)',
    ready: '检查模块已就绪:输入时即时检查', refLoading: '正在载入专业目录与区划代码…',
    refLoaded: '专业目录与区划代码已载入', refFailed: '专业目录未能载入:',
    sampleLoaded: `已载入示例数据 ${SAMPLE}(表单显示第一条申报、第一份状态数据;其余记录的问题另列)`,
    clause: '条文', hideClause: '收起条文', goTo: '转到字段', error: '错误', warning: '警告',
    none: '本表未发现问题。', noOthers: '无。', whole: '整体',
    summary: (e, w, o) => `本表:${e} 个错误,${w} 个警告;其他记录:${o} 条。`,
    blocked: (n) => `本表有 ${n} 处填写无法读取,请先更正;这些记录的其余规则在更正后检查。`,
    interpretation: '解读:', unknownSchool: '(不在学校名单中)',
    aggregates: '汇总', entryYear: '入学年份', graduated: '中职毕业', transferredCol: '转段', rate: '转段率',
    rank: '排序', appId: '编号', higherSchool: '高职学校', majors: '专业(中职→高职)', attachments: '附件',
    all: '合计', complete: '齐全', incomplete: '不全', noRank: '未排序', noCohorts: '暂无该项目的学生数据',
    noApplications: '暂无该校的申报',
    rateCaption: (p) => `项目 ${p} 转段率(按入学年份)`,
    summaryCaption: (s, y) => `${s} ${y}年新增项目申报汇总表(按校内排序)`,
  },
  en: {
    skip: 'Skip to the results', title: 'Beijing secondary–higher articulation · form check',
    subtitle: 'xianjie demo (Jing Jiao Han [2024] No. 51)', loadSample: 'Load sample data', results: 'Results',
    errors: 'errors', warnings: 'warnings', passedRules: 'rules passed', onThisForm: 'On this form',
    others: 'Other records and the dataset as a whole', application: 'New project application',
    statusReport: 'Training status report', mechanisms: 'Cooperation mechanisms', integrated: 'Integrated training',
    semester: 'Semester activities (2023–2024, first semester)', choose: '— choose —',
    beijingTime: 'Beijing time (UTC+8)', ready: 'Checker ready: checked as you type',
    refLoading: 'Loading the major catalogue and division codes…',
    refLoaded: 'Major catalogue and division codes loaded', refFailed: 'Major catalogue not loaded: ',
    sampleLoaded: `Sample ${SAMPLE} loaded (the form shows the first application and status report; other records' findings are listed apart)`,
    clause: 'Clause', hideClause: 'Hide clause', goTo: 'Go to field', error: 'Error', warning: 'Warning',
    none: 'No problems found on this form.', noOthers: 'None.', whole: 'dataset',
    summary: (e, w, o) => `This form: ${e} error(s), ${w} warning(s); other records: ${o} finding(s).`,
    blocked: (n) => `${n} entr${n === 1 ? 'y' : 'ies'} on this form cannot be read; correct ${n === 1 ? 'it' : 'them'} first: the other rules of those records are checked then.`,
    interpretation: 'Interpretation: ', unknownSchool: '(not in the list of schools)',
    aggregates: 'Summaries', entryYear: 'Entry year', graduated: 'Graduated', transferredCol: 'Transferred',
    rate: 'Rate', rank: 'Rank', appId: 'No.', higherSchool: 'Higher school', majors: 'Majors (secondary → higher)',
    attachments: 'Attachments', all: 'All years', complete: 'complete', incomplete: 'incomplete', noRank: 'no rank',
    noCohorts: 'No cohort data for this project yet', noApplications: 'No applications of this school yet',
    rateCaption: (p) => `Transfer rate of project ${p}, by entry year`,
    summaryCaption: (s, y) => `New applications of ${s}, ${y}, in rank order (汇总表)`,
  },
};

// The form: one record of each of these collections, by field. `type`: text, number, textarea,
// datetime (a +08:00 instant), school (a school chosen by name; `levels` filters the list), hidden.
const SECTIONS = [
  { t: 'application', collection: 'applications', fields: [
    { f: 'id', zh: '申报编号', en: 'Application no.' },
    { f: 'year', zh: '申报年度', en: 'Year', type: 'number' },
    { f: 'secondary_school', zh: '中职学校', en: 'Secondary school', type: 'school', levels: ['secondary', 'technician'] },
    { f: 'higher_school', zh: '高职学校', en: 'Higher school', type: 'school', levels: ['higher', 'vocational_bachelor', 'bachelor'] },
    { f: 'secondary_major.code', zh: '中职专业代码', en: 'Secondary major code' },
    { f: 'higher_major.code', zh: '高职专业代码', en: 'Higher major code' },
    { f: 'rank', zh: '校内排序', en: 'Rank in school', type: 'number' },
    { f: 'submitted_at', zh: '提交时间', en: 'Submitted at', type: 'datetime' },
    { f: 'attachments.sealed_form_pdf', zh: '盖章申报书PDF', en: 'Sealed form (PDF)', wide: true },
    { f: 'attachments.training_plan', zh: '一体化人才培养方案', en: 'Integrated training plan', wide: true },
    { f: 'attachments.demand_research', zh: '需求调研报告', en: 'Demand research report', wide: true },
  ] },
  { t: 'statusReport', collection: 'status_reports', fields: [
    { f: 'project', zh: '项目编号', en: 'Project no.' },
    { f: 'reporting_year', zh: '填报年度', en: 'Reporting year', type: 'number' },
    { f: 'filed_by', zh: '填报学校', en: 'Filed by', type: 'school' },
    { f: 'submitted_at', zh: '提交时间', en: 'Submitted at', type: 'datetime' },
    { f: 'enrollment', zh: '上一年度中职招生数', en: 'Secondary enrollment last year', type: 'number' },
    { f: 'graduated_secondary', zh: '中职毕业人数', en: 'Secondary graduates', type: 'number' },
    { f: 'transferred', zh: '成功转段升入高职人数', en: 'Transferred to the higher stage', type: 'number' },
  ] },
  { t: 'mechanisms', collection: 'status_reports', fields: [
    { f: 'mechanisms.school_enterprise', zh: '校企合作机制', en: 'School–enterprise cooperation', type: 'textarea' },
    { f: 'mechanisms.school_school', zh: '校校合作机制', en: 'School–school cooperation', type: 'textarea' },
    { f: 'mechanisms.teacher_exchange', zh: '教师交流机制', en: 'Teacher exchange', type: 'textarea' },
    { f: 'mechanisms.resource_sharing', zh: '资源共享机制', en: 'Resource sharing', type: 'textarea' },
    { f: 'mechanisms.quality_monitoring', zh: '质量监测机制', en: 'Quality monitoring', type: 'textarea' },
  ] },
  { t: 'integrated', collection: 'status_reports', fields: [
    { f: 'integrated_training.plan_revision', zh: '一体化人才培养方案修订', en: 'Revision of the integrated training plan', type: 'textarea' },
    { f: 'integrated_training.bridging_courses', zh: '衔接性课程设计完善', en: 'Bridging course design', type: 'textarea' },
    { f: 'integrated_training.enterprise_communication', zh: '与行业企业沟通交流', en: 'Exchange with industry and enterprises', type: 'textarea' },
    { f: 'integrated_training.teacher_exchange_research', zh: '师资互换授课与共同教研', en: 'Teacher exchange and joint research', type: 'textarea' },
    { f: 'integrated_training.shared_resources', zh: '课程资源和实训基地共建共用共享', en: 'Shared course resources and training bases', type: 'textarea' },
    { f: 'integrated_training.transfer_assessment', zh: '协同育人和转段考核', en: 'Joint education and transfer assessment', type: 'textarea' },
  ] },
  { t: 'semester', collection: 'semester_activities', fields: [
    { f: 'project', type: 'hidden' },
    { f: 'semester', type: 'hidden' },
    { f: 'meetings', zh: '专题业务沟通会(次)', en: 'Liaison meetings', type: 'number' },
    { f: 'joint_research', zh: '联合教研活动(次)', en: 'Joint teaching research', type: 'number' },
    { f: 'teachers_dispatched', zh: '派出授课教师(人)', en: 'Teachers sent to teach', type: 'number' },
  ] },
];
const COLLECTIONS = [...new Set(SECTIONS.map((s) => s.collection))];

// The records the form refers to but does not edit, and the records the form edits (kept whole,
// so that fields the form does not show are not lost). The form's record of each collection is
// the last one of the collection in the checked dataset: dropping it (see `checkForm`) leaves
// every other record where it was.
let base = {
  reporting_year: 2024,
  schools: [
    { id: 'S1', name: '北京市商业学校', level: 'secondary' },
    { id: 'H1', name: '北京财贸职业学院', level: 'higher', independent: true },
  ],
  projects: [
    { id: 'P0007', secondary_school: 'S1', higher_school: 'H1',
      secondary_major: { code: '710201' }, higher_major: { code: '510201' } },
  ],
  cohorts: [
    { project: 'P0007', entry_year: 2019, enrolled: 40, still_enrolled: 40, graduated_secondary: 39, transferred: 36 },
    { project: 'P0007', entry_year: 2020, enrolled: 42, still_enrolled: 41, graduated_secondary: 40, transferred: 38 },
    { project: 'P0007', entry_year: 2021, enrolled: 45, still_enrolled: 44 },
  ],
  applications: [
    { id: 'A0002', year: 2024, secondary_school: 'S1', higher_school: 'H1', secondary_major: { code: '730701' },
      higher_major: { code: '530302' }, rank: 2,
      attachments: { sealed_form_pdf: '申报书2.pdf', training_plan: '培养方案2.docx', demand_research: '调研报告2.docx' } },
  ],
};
let edited = {
  applications: {
    id: 'A0001', year: 2024, secondary_school: 'S1', higher_school: 'H1', secondary_major: { code: '710201' },
    higher_major: { code: '510201' }, rank: 1, submitted_at: '2024-02-26T10:00:00+08:00',
    attachments: { sealed_form_pdf: '申报书.pdf', training_plan: '培养方案.docx', demand_research: '调研报告.docx' },
  },
  status_reports: {
    project: 'P0007', reporting_year: 2024, filed_by: 'S1', submitted_at: '2024-02-26T10:00:00+08:00',
    // Graduates and transfers as the 2020 cohort has them (status-matches-cohort, 二(二)1).
    enrollment: 40, graduated_secondary: 40, transferred: 38,
    mechanisms: {
      school_enterprise: '与合作企业共建实训基地,每学期联合开展岗位实践。',
      school_school: '中高职双方签订合作协议,建立联席会议制度。',
      teacher_exchange: '双方教师互派授课,每学期开展集体备课。',
      resource_sharing: '共享课程资源库与实训设备,统一排课使用。',
      quality_monitoring: '每学年联合开展教学质量监测并形成报告。',
    },
    integrated_training: {
      plan_revision: '双方共同修订一体化人才培养方案,优化公共基础课与专业课比例。',
      bridging_courses: '按能力递进重构课程体系,共同开发衔接教材。',
      enterprise_communication: '每学期邀请企业专家开展岗位需求座谈。',
      teacher_exchange_research: '高职教师到中职授课,双方开展集体备课和教研。',
      shared_resources: '共建在线课程,实训基地面向两校学生开放。',
      transfer_assessment: '共同组织专业技能考核和综合素质评价。',
    },
  },
  semester_activities: { project: 'P0007', semester: '2023-2024-1', meetings: 2, joint_research: 3, teachers_dispatched: 5 },
};
let lang = 'zh';
const ui = (key) => UI[lang][key];

// ---- paths ------------------------------------------------------------------------------------

const keys = (path) => path.match(/[^.[\]]+/g).map((k) => (/^\d+$/.test(k) ? Number(k) : k));
function getPath(obj, path) {
  return keys(path).reduce((o, k) => (o == null ? undefined : o[k]), obj);
}
function setPath(obj, path, value) {
  const ks = keys(path);
  let o = obj;
  ks.slice(0, -1).forEach((k, i) => {
    o[k] ??= typeof ks[i + 1] === 'number' ? [] : {};
    o = o[k];
  });
  o[ks.at(-1)] = value;
}
/** Removes the value at `path`; whether there was one. */
function deletePath(obj, path) {
  const ks = keys(path);
  const parent = ks.slice(0, -1).reduce((o, k) => (o == null ? undefined : o[k]), obj);
  if (parent == null || typeof parent !== 'object' || !(ks.at(-1) in parent)) return false;
  delete parent[ks.at(-1)];
  return true;
}
/** `p` is `prefix` or lies inside it. */
const within = (p, prefix) => p === prefix || p.startsWith(`${prefix}.`) || p.startsWith(`${prefix}[`);
const formIndex = (c) => base[c]?.length ?? 0;
const recordPath = (c) => `${c}[${formIndex(c)}]`;
const fieldId = (c, f) => `f-${c}-${f}`.replace(/[^\w-]+/g, '-');

// ---- the form -------------------------------------------------------------------------------

const h = (tag, props = {}, ...children) => {
  const { dataset, ...rest } = props;
  const el = Object.assign(document.createElement(tag), rest);
  if (dataset) Object.assign(el.dataset, dataset);
  el.append(...children.filter((c) => c != null));
  return el;
};

function buildForm() {
  const forms = document.getElementById('forms');
  for (const s of SECTIONS) {
    const headingId = `h-${s.t}`;
    const grid = h('div', { className: 'grid' });
    for (const fd of s.fields) grid.append(buildField(s.collection, fd));
    forms.append(h('form', { autocomplete: 'off', noValidate: true }, h('h2', { id: headingId, dataset: { t: s.t } }, ui(s.t)), grid));
    forms.lastChild.setAttribute('aria-labelledby', headingId);
  }
}

function buildField(c, fd) {
  const id = fieldId(c, fd.f);
  let input;
  if (fd.type === 'hidden') {
    return h('input', { type: 'hidden', id, dataset: { c, f: fd.f } });
  } else if (fd.type === 'textarea') {
    input = h('textarea', { rows: 2 });
  } else if (fd.type === 'school') {
    input = h('select');
  } else if (fd.type === 'datetime') {
    // A date-time picker; the value is Beijing time, sent with its +08:00 offset.
    input = h('input', { type: 'datetime-local', step: 1 });
  } else {
    input = h('input', { type: fd.type === 'number' ? 'number' : 'text' });
    if (fd.type === 'number') input.inputMode = 'numeric';
  }
  Object.assign(input, { id, name: id });
  Object.assign(input.dataset, { c, f: fd.f, type: fd.type ?? 'text' });
  if (fd.levels) input.dataset.levels = fd.levels.join(' ');
  const errorsId = `${id}-errors`;
  const described = [errorsId];
  const wrap = h('div', { className: `field${fd.wide || fd.type === 'textarea' ? ' wide' : ''}` },
    h('label', { htmlFor: id, dataset: { zh: fd.zh, en: fd.en } }, fd[lang]));
  wrap.append(input);
  if (fd.type === 'datetime') {
    const hintId = `${id}-hint`;
    wrap.append(h('span', { id: hintId, className: 'hint', dataset: { t: 'beijingTime' } }, ui('beijingTime')));
    described.unshift(hintId);
  }
  wrap.append(h('ul', { id: errorsId, className: 'field-errors' }));
  input.setAttribute('aria-describedby', described.join(' '));
  input.setAttribute('aria-invalid', 'false');
  return wrap;
}

const inputs = () => [...document.querySelectorAll('[data-c][data-f]')];

function fillSchools() {
  for (const sel of document.querySelectorAll('select[data-type="school"]')) {
    const levels = sel.dataset.levels?.split(' ');
    const current = sel.value || getPath(edited[sel.dataset.c], sel.dataset.f);
    const schools = (base.schools ?? []).filter((s) => !levels || levels.includes(s.level));
    const opts = [h('option', { value: '' }, ui('choose')),
      ...schools.map((s) => h('option', { value: s.id }, `${s.name}(${s.id})`))];
    if (current && !schools.some((s) => s.id === current)) {
      const known = (base.schools ?? []).find((s) => s.id === current);
      opts.push(h('option', { value: current }, known ? `${known.name}(${current})` : `${current} ${ui('unknownSchool')}`));
    }
    sel.replaceChildren(...opts);
    sel.value = current ?? '';
  }
}

// Instants: shown in a picker as Beijing wall time, sent as ISO 8601 with +08:00.
function toPicker(v) {
  if (typeof v !== 'string' || v === '') return '';
  if (v.endsWith(BEIJING_OFFSET)) return v.slice(0, -BEIJING_OFFSET.length);
  const ms = Date.parse(v);
  return Number.isNaN(ms) ? '' : new Date(ms + 8 * 3600e3).toISOString().slice(0, 19);
}
const fromPicker = (v) => `${v.length === 16 ? `${v}:00` : v}${BEIJING_OFFSET}`;

function showRecords() {
  for (const el of inputs()) {
    const v = getPath(edited[el.dataset.c], el.dataset.f);
    el.value = el.dataset.type === 'datetime' ? toPicker(v) : v == null ? '' : String(v);
  }
  fillSchools();
}

/** The dataset: the records the form refers to, then the form's records as typed. */
function formData() {
  const data = structuredClone(base);
  for (const c of COLLECTIONS) {
    const rec = structuredClone(edited[c] ?? {});
    for (const el of inputs().filter((e) => e.dataset.c === c)) {
      const raw = el.value.trim();
      if (raw === '') {
        deletePath(rec, el.dataset.f);
        continue;
      }
      let value = raw;
      // Whole numbers go as numbers; anything else as typed, for the checker to locate.
      if (el.dataset.type === 'number' && /^-?\d+$/.test(raw)) value = Number(raw);
      if (el.dataset.type === 'datetime') value = fromPicker(raw);
      setPath(rec, el.dataset.f, value);
    }
    (data[c] ??= []).push(rec);
  }
  return data;
}

// ---- checking ---------------------------------------------------------------------------------

/**
 * Checks the form. Values the reader refuses are each kept for their field (every one, not only
 * the first) and left out, and the rest is checked again, so that one bad field neither hides
 * the others' findings nor leaves the counts stale; a form record that cannot be read without a
 * refused value (a required field) is left out of that check, and said so.
 */
function checkForm(data) {
  const refused = new Map(); // path → input issue
  const dropped = new Set(); // form records left out
  for (let round = 0; round < 8; round++) {
    try {
      return { report: check(data, OPTS), refused, dropped };
    } catch (e) {
      if (!(e instanceof XianjieError) || e.name !== 'InputError') throw e;
      let progress = false;
      for (const issue of e.errors) {
        if (!refused.has(issue.loc)) refused.set(issue.loc, issue);
        if (deletePath(data, issue.loc)) {
          progress = true;
          continue;
        }
        const c = COLLECTIONS.find((k) => within(issue.loc, recordPath(k)));
        if (c && !dropped.has(c)) {
          dropped.add(c);
          data[c].pop();
          progress = true;
        }
      }
      if (!progress) return { report: null, refused, dropped };
    }
  }
  return { report: null, refused, dropped };
}

const onForm = (path) => COLLECTIONS.some((c) => within(path, recordPath(c)));
/** The input showing `path` (the field itself or the nearest field holding it). */
function inputFor(path) {
  return inputs().find((el) => el.type !== 'hidden' && within(path, `${recordPath(el.dataset.c)}.${el.dataset.f}`));
}

let clauseSeq = 0;
/** One finding (or refused value): its words, then buttons to show its clause and go to its field. */
function findingItem({ text, severity, ruleId, path, remedy }) {
  const li = h('li', { className: `finding ${severity}` },
    h('span', { className: 'sev' }, ui(severity)), ' ', h('span', { className: 'msg' }, text));
  if (remedy) li.append(' ', h('span', { className: 'remedy' }, `【${remedy}】`));
  if (path && !onForm(path)) li.append(' ', h('code', { className: 'where' }, path));
  const actions = h('span', { className: 'actions' });
  let panel = null;
  if (ruleId) {
    const panelId = `clause-${++clauseSeq}`;
    const btn = h('button', { type: 'button', className: 'show-clause', dataset: { rule: ruleId } },
      `${ui('clause')} `, h('span', { className: 'rule' }, ruleId));
    btn.setAttribute('aria-expanded', 'false');
    btn.setAttribute('aria-controls', panelId);
    actions.append(btn);
    panel = h('div', { className: 'clause', id: panelId, hidden: true });
  }
  // In the lists of the summary: a way to the field (field lists pass no path).
  const target = path && onForm(path) ? inputFor(path) : null;
  if (target) actions.append(h('button', { type: 'button', className: 'goto', dataset: { target: target.id } }, ui('goTo')));
  if (actions.childElementCount) li.append(' ', actions);
  if (panel) li.append(panel);
  return li;
}

function render(data) {
  const { report, refused, dropped } = checkForm(data);
  const atField = new Map(inputs().map((el) => [el, []]));
  const mine = [];
  const others = [];
  for (const [loc, issue] of refused) {
    const item = { text: lang === 'zh' ? issue.msg_zh : issue.msg_en, severity: 'error', path: loc };
    const el = onForm(loc) ? inputFor(loc) : null;
    if (el) atField.get(el).push(item);
    (onForm(loc) ? mine : others).push(item);
  }
  for (const f of report?.findings ?? []) {
    const paths = f.locations.map((l) => l.path);
    const item = {
      text: f.message[lang], severity: f.severity === 'warning' ? 'warning' : 'error', ruleId: f.rule_id,
      remedy: f.remedy?.[lang], path: paths.find(onForm) ?? paths[0],
    };
    // A finding at a refused value only says that the checker did not see it: the refusal says more.
    if (paths.length && paths.every((p) => [...refused.keys()].some((r) => within(p, r)))) continue;
    // A finding is the form's only if it concerns a record on screen; others are listed apart.
    if (!paths.some(onForm)) {
      others.push(item);
      continue;
    }
    mine.push(item);
    const shownAt = new Set(paths.filter(onForm).map(inputFor).filter(Boolean));
    for (const el of shownAt) atField.get(el).push(item);
  }
  for (const [el, items] of atField) {
    if (el.type === 'hidden') continue;
    const ul = document.getElementById(`${el.id}-errors`);
    ul.replaceChildren(...items.map((i) => findingItem({ ...i, path: null })));
    el.setAttribute('aria-invalid', String(items.some((i) => i.severity === 'error')));
    el.closest('.field').classList.toggle('invalid', items.length > 0);
  }
  const nErr = mine.filter((i) => i.severity === 'error').length;
  const nWarn = mine.filter((i) => i.severity === 'warning').length;
  document.getElementById('n-error').textContent = nErr;
  document.getElementById('n-warning').textContent = nWarn;
  document.getElementById('n-passed').textContent = report ? report.rules.filter((r) => r.state === 'passed').length : '–';
  document.getElementById('n-others').textContent = others.length;
  const list = document.getElementById('findings');
  list.replaceChildren(...(mine.length ? mine.map(findingItem) : [h('li', { className: 'none' }, ui('none'))]));
  document.getElementById('others').replaceChildren(
    ...(others.length ? others.map(findingItem) : [h('li', { className: 'none' }, ui('noOthers'))]));
  let text = ui('summary')(nErr, nWarn, others.length);
  if (dropped.size || !report) text += ` ${ui('blocked')(refused.size)}`;
  document.getElementById('summary-text').textContent = text;
}

// Percent with one decimal, exact (integers only): `n/d` rounded half up.
function percent(n, d) {
  if (!d) return '–';
  const tenths = (BigInt(n) * 2000n + BigInt(d)) / (2n * BigInt(d));
  return `${tenths / 10n}.${tenths % 10n}%`;
}

let aggregateSeq = 0;
/** The project's transfer rate and the school's 汇总表, from the core, as the form stands. */
async function renderAggregates(data) {
  const seq = ++aggregateSeq;
  const project = data.status_reports?.at(-1)?.project ?? '';
  const app = data.applications?.at(-1) ?? {};
  let rates, totals, schools;
  try {
    [rates, totals, schools] = await Promise.all([
      transferRates(data, ['project', 'entry_year']), transferRates(data, ['project']), applicationSummary(data),
    ]);
  } catch {
    return; // the form cannot be read as it stands: the summary above says why
  }
  if (seq !== aggregateSeq) return; // a later edit's results are on their way
  const ofProject = (r) => r.keys[0]?.value === project;
  const rows = rates.filter(ofProject);
  const total = totals.find(ofProject);
  const td = (text) => h('td', {}, String(text));
  // A group whose cohorts all lack graduates or transfers (not graduated yet) has no rate.
  const rateRow = (label, r) => (r.incomplete === r.cohorts
    ? h('tr', {}, td(label), td('–'), td('–'), td('–'))
    : h('tr', {}, td(label), td(r.graduated), td(r.transferred), td(`${percent(r.transferred, r.graduated)}(${r.rate.fraction})`)));
  document.getElementById('rate-caption').textContent = ui('rateCaption')(project || '–');
  document.querySelector('#rate-table tbody').replaceChildren(...(rows.length
    ? [...rows.map((r) => rateRow(r.keys[1]?.value ?? '', r)), ...(total ? [rateRow(ui('all'), total)] : [])]
    : [h('tr', {}, h('td', { colSpan: 4 }, ui('noCohorts')))]));
  const school = schools.find((s) => s.secondary_school === app.secondary_school && s.year === app.year);
  document.getElementById('summary-caption').textContent =
    ui('summaryCaption')(school?.secondary_school_name ?? app.secondary_school ?? '–', app.year ?? '–');
  const major = (m) => (m.name ? `${m.code} ${m.name}` : m.code);
  document.querySelector('#summary-table tbody').replaceChildren(...(school
    ? school.applications.map((a) => h('tr', {}, td(a.rank ?? ui('noRank')), td(a.id),
      td(a.higher_school_name ?? a.higher_school), td(`${major(a.secondary_major)} → ${major(a.higher_major)}`),
      td(ui(a.attachments_complete ? 'complete' : 'incomplete'))))
    : [h('tr', {}, h('td', { colSpan: 5 }, ui('noApplications')))]));
  document.body.dataset.aggregates = String(seq);
}

let pending = 0;
function checkAll() {
  cancelAnimationFrame(pending);
  pending = requestAnimationFrame(() => {
    const data = formData();
    render(data);
    renderAggregates(data);
    document.body.dataset.checked = String(Number(document.body.dataset.checked ?? 0) + 1);
  });
}

async function toggleClause(btn) {
  const panel = document.getElementById(btn.getAttribute('aria-controls'));
  const open = btn.getAttribute('aria-expanded') !== 'true';
  btn.setAttribute('aria-expanded', String(open));
  panel.hidden = !open;
  if (!open || panel.childElementCount) return;
  const info = await explain(btn.dataset.rule);
  if (!info) return;
  const title = lang === 'zh' ? info.rule.title_zh : info.rule.title_en;
  panel.replaceChildren(
    h('p', { className: 'clause-title' }, `${title}(${info.rule.id})`),
    h('p', {}, `${info.pack.document} ${info.rule.clause} · ${info.pack.title[lang]}`),
    h('blockquote', { lang: 'zh-CN' }, info.rule.quote),
    ...(info.rule.interpretation ? [h('p', { lang: 'zh-CN' }, `${ui('interpretation')}${info.rule.interpretation}`)] : []),
  );
}

// ---- language -----------------------------------------------------------------------------------

function setLang(l) {
  lang = l;
  document.documentElement.lang = l === 'zh' ? 'zh-CN' : 'en';
  document.title = l === 'zh' ? 'xianjie 衔接 · 北京市中高职衔接填报检查演示' : 'xianjie · Beijing articulation form check demo';
  for (const el of document.querySelectorAll('[data-t]')) el.textContent = ui(el.dataset.t);
  for (const el of document.querySelectorAll('label[data-zh]')) el.textContent = el.dataset[l];
  document.getElementById('lang-zh').setAttribute('aria-pressed', String(l === 'zh'));
  document.getElementById('lang-en').setAttribute('aria-pressed', String(l === 'en'));
  const ref = document.getElementById('reference');
  ref.textContent = ui(document.body.dataset.reference === 'true' ? 'refLoaded' : 'refLoading');
  document.getElementById('status').textContent = ui(document.body.dataset.sample ? 'sampleLoaded' : 'ready');
  fillSchools();
  checkAll();
}

// ---- the sample ---------------------------------------------------------------------------------

async function loadSample() {
  const names = await samples();
  const ds = names.includes(SAMPLE) ? await sample(SAMPLE) : null;
  if (!ds) return;
  // The form edits the first application and status report and a semester of that project:
  // those leave the dataset for the form; every other record stays as it was.
  const project = ds.status_reports?.[0]?.project;
  const pick = {
    applications: 0,
    status_reports: 0,
    semester_activities: (ds.semester_activities ?? []).findIndex((a) => a.project === project),
  };
  base = structuredClone(ds);
  edited = {};
  for (const c of COLLECTIONS) {
    const i = pick[c];
    edited[c] = i >= 0 && base[c]?.[i] ? base[c].splice(i, 1)[0] : {};
  }
  document.body.dataset.sample = 'true';
  document.getElementById('status').textContent = ui('sampleLoaded');
  showRecords();
  checkAll();
}

// ---- events -------------------------------------------------------------------------------------

document.addEventListener('input', (ev) => {
  if (ev.target.closest('[data-c]')) checkAll();
});
document.addEventListener('change', (ev) => {
  if (ev.target.matches('select[data-c], input[type="datetime-local"]')) checkAll();
});
document.addEventListener('click', (ev) => {
  const clause = ev.target.closest('button.show-clause');
  if (clause) toggleClause(clause);
  const go = ev.target.closest('button.goto');
  if (go) document.getElementById(go.dataset.target)?.focus();
});
document.getElementById('load-sample').addEventListener('click', () => loadSample());
document.getElementById('lang-zh').addEventListener('click', () => setLang('zh'));
document.getElementById('lang-en').addEventListener('click', () => setLang('en'));

buildForm();
showRecords();
document.getElementById('status').textContent = ui('ready');
document.getElementById('reference').textContent = ui('refLoading');
const first = formData();
render(first);
renderAggregates(first);
document.body.dataset.ready = 'true';
// The major catalogue and division codes come in their own download; until then the rules that
// need them are unchecked (the report says so), then everything is checked again.
loadReference().then(
  () => {
    document.body.dataset.reference = 'true';
    document.getElementById('reference').textContent = ui('refLoaded');
    checkAll();
  },
  (e) => {
    document.getElementById('reference').textContent = `${ui('refFailed')}${e.message}`;
  },
);
