// Demo form: every rule, message and clause comes from the xianjie package; this file only reads
// the inputs into a dataset, calls the package and shows what it returns.
import { check, checkField, explain, loadReference, sample, samples } from '../pkg/index.js';

// The Beijing notice, and the catalogue checks of the major codes (their tables load after the page).
const OPTS = { packs: ['bj-3p2-2024', 'ref-data'] };
const SAMPLE = 'bj-3p2-2024';

// Records the forms refer to but do not edit (replaced by the sample's when it is loaded).
let base = {
  reporting_year: 2024,
  schools: [
    { id: 'S1', name: '北京市商业学校', level: 'secondary' },
    { id: 'H1', name: '北京财贸职业学院', level: 'higher' },
  ],
  projects: [
    { id: 'P0007', secondary_school: 'S1', higher_school: 'H1',
      secondary_major: { code: '710201' }, higher_major: { code: '510201' } },
  ],
};

const inputs = () => [...document.querySelectorAll('[data-path]')];
const keys = (path) => path.match(/[^.[\]]+/g).map((k) => (/^\d+$/.test(k) ? Number(k) : k));

function setPath(obj, path, value) {
  const ks = keys(path);
  let o = obj;
  ks.slice(0, -1).forEach((k, i) => {
    o[k] ??= typeof ks[i + 1] === 'number' ? [] : {};
    o = o[k];
  });
  o[ks.at(-1)] = value;
}

function getPath(obj, path) {
  return keys(path).reduce((o, k) => (o == null ? undefined : o[k]), obj);
}

function formData() {
  const data = structuredClone(base);
  // The forms edit the first record of these collections: start it afresh from the inputs.
  for (const c of ['applications', 'status_reports', 'semester_activities']) {
    if (data[c]?.length) data[c][0] = {};
  }
  for (const el of inputs()) {
    const raw = el.value.trim();
    if (raw === '') continue;
    // Whole numbers go as numbers; anything else is passed as typed, for the checker to locate.
    const value = el.type === 'number' && /^-?\d+$/.test(raw) ? Number(raw) : raw;
    setPath(data, el.dataset.path, value);
  }
  return data;
}

function errorList(el) {
  const label = el.closest('label');
  if (!label) return null;
  let ul = label.querySelector('.field-errors');
  if (!ul) {
    ul = document.createElement('ul');
    ul.className = 'field-errors';
    label.append(ul);
  }
  return ul;
}

function item(text, ruleId, severity) {
  const li = document.createElement('li');
  li.className = severity ?? 'error';
  li.textContent = text;
  if (ruleId) {
    const r = document.createElement('span');
    r.className = 'rule';
    r.textContent = ruleId;
    li.append(r);
    li.dataset.rule = ruleId;
    li.title = '点击查看规则原文';
  }
  return li;
}

function showField(el, entries) {
  const ul = errorList(el);
  if (!ul) return;
  ul.replaceChildren(...entries);
  el.closest('label').classList.toggle('invalid', entries.length > 0);
}

function inputErrorItems(e, path) {
  return (e.errors ?? [])
    .filter((i) => i.loc === path)
    .map((i) => item(i.msg_zh ?? i.message, null, 'error'));
}

function checkOne(el, data) {
  const path = el.dataset.path;
  const kind = path.slice(0, path.indexOf('['));
  try {
    const found = checkField(kind, data, path, OPTS);
    showField(el, found.map((f) => item(f.message.zh, f.rule_id, f.severity)));
  } catch (e) {
    showField(el, inputErrorItems(e, path));
  }
}

function refreshSummary(data) {
  const list = document.getElementById('findings');
  try {
    const report = check(data, OPTS);
    document.getElementById('n-error').textContent = report.counts.error;
    document.getElementById('n-warning').textContent = report.counts.warning;
    document.getElementById('n-passed').textContent = report.rules.filter((r) => r.state === 'passed').length;
    list.replaceChildren(
      ...report.findings.map((f) => {
        const li = item(f.message.zh, f.rule_id, f.severity);
        if (f.remedy) li.prepend(`【${f.remedy.zh}】`);
        return li;
      }),
    );
  } catch (e) {
    document.getElementById('n-error').textContent = e.errors?.length ?? 1;
    list.replaceChildren(...(e.errors ?? [e]).map((i) => item(`${i.loc ?? ''} ${i.msg_zh ?? i.message}`)));
  }
}

function checkAll() {
  const data = formData();
  for (const el of inputs()) checkOne(el, data);
  refreshSummary(data);
}

async function showClause(ruleId) {
  const info = await explain(ruleId);
  if (!info) return;
  const box = document.getElementById('clause-body');
  const h = (tag, text) => Object.assign(document.createElement(tag), { textContent: text });
  box.replaceChildren(
    h('p', `${info.rule.title_zh}(${info.rule.id})`),
    h('p', `${info.pack.document} ${info.rule.clause} · ${info.pack.title.zh}`),
    h('blockquote', info.rule.quote),
    ...(info.rule.interpretation ? [h('p', `解读:${info.rule.interpretation}`)] : []),
  );
  document.getElementById('clause').hidden = false;
}

async function loadSample() {
  const names = await samples();
  const ds = names.includes(SAMPLE) ? await sample(SAMPLE) : null;
  if (!ds) {
    // No bundled sample in this build: a small example with two problems instead.
    document.querySelector('[data-path="semester_activities[0].meetings"]').value = '1';
    document.querySelector('[data-path="status_reports[0].transferred"]').value = '45';
    checkAll();
    return;
  }
  const project = ds.status_reports?.[0]?.project;
  const view = {
    applications: ds.applications?.slice(0, 1) ?? [],
    status_reports: ds.status_reports?.slice(0, 1) ?? [],
    semester_activities: (ds.semester_activities ?? []).filter((a) => a.project === project).slice(0, 1),
  };
  const acts = ds.semester_activities ?? [];
  const first = acts.indexOf(view.semester_activities[0]);
  base = { ...ds, semester_activities: first > 0 ? [acts[first], ...acts.filter((_, i) => i !== first)] : acts };
  for (const el of inputs()) {
    const v = getPath(view, el.dataset.path);
    el.value = v == null ? '' : String(v);
  }
  document.getElementById('status').textContent = `已载入示例数据 ${SAMPLE}(表单显示第一条申报、第一份状态数据)`;
  checkAll();
}

document.addEventListener('input', (ev) => {
  const el = ev.target.closest('[data-path]');
  if (!el) return;
  const data = formData();
  checkOne(el, data);
  refreshSummary(data);
});

document.addEventListener('click', (ev) => {
  const li = ev.target.closest('[data-rule]');
  if (li) showClause(li.dataset.rule);
});

document.getElementById('load-sample').addEventListener('click', () => loadSample());
document.getElementById('status').textContent = '检查模块已就绪:输入时即时检查';
document.body.dataset.ready = 'true';
checkAll();
// The major catalogue and division codes come in their own download; until then the rules that
// need them are unchecked (the report says so), then everything is checked again.
loadReference().then(
  () => {
    document.getElementById('reference').textContent = '专业目录与区划代码已载入';
    document.body.dataset.reference = 'true';
    checkAll();
  },
  (e) => {
    document.getElementById('reference').textContent = `专业目录未能载入:${e.message}`;
  },
);
