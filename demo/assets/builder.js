// The config builder (/builder): turns what the admin types into a Yinyom config (DESIGN.md
// section 3), checks it on every change with the SDK's own checker (POST /builder/check),
// shows the banner, the preferences or an inline consent in Thai and English (iframes of
// /builder/preview), and writes the JSON and the two script tags to paste. DOM only through
// textContent and template clones: the page runs under the demo's CSP and Trusted Types.
const form = document.getElementById('builder');
const lists = { categories: document.getElementById('categories'), purposes: document.getElementById('purposes') };
const templates = { categories: document.getElementById('category-row'), purposes: document.getElementById('purpose-row') };
const NAMES = { categories: ['หมวดที่', 'category'], purposes: ['วัตถุประสงค์ที่', 'purpose'] };
const PRESETS = {
  'photo-publicity': {
    id: 'photo-publicity',
    title: { th: 'ภาพถ่ายในสื่อประชาสัมพันธ์', en: 'Photos in publicity media' },
    description: { th: 'ใช้ภาพถ่ายของท่านที่ถ่ายระหว่างกิจกรรมในสื่อประชาสัมพันธ์ของหน่วยงาน' },
  },
  dietary: {
    id: 'dietary',
    sensitive: true,
    title: { th: 'ข้อมูลการแพ้อาหาร', en: 'Food allergies' },
    description: { th: 'ใช้ข้อมูลการแพ้อาหารของท่านเพื่อจัดอาหารระหว่างกิจกรรม' },
  },
  newsletter: { id: 'newsletter', title: { th: 'รับข่าวสารทางอีเมล', en: 'News by e-mail' } },
};
/** Cookie entries as a scan gave them (match, provider, duration), by row and name. */
const loadedCookies = new WeakMap();

const dig = (object, path) => path.split('.').reduce((value, key) => value?.[key], object);
const text = (th, en) => (en ? { th, en } : th);

function addRow(list, values = {}) {
  const row = templates[list].content.firstElementChild.cloneNode(true);
  for (const input of row.querySelectorAll('[data-key]')) {
    const value = input.dataset.key === 'cookies' ? (values.cookies ?? []).map((cookie) => cookie.name).join('\n') : dig(values, input.dataset.key);
    if (input.type === 'checkbox') input.checked = value === true;
    else input.value = typeof value === 'string' ? value : '';
  }
  if (values.cookies) loadedCookies.set(row, new Map(values.cookies.map((cookie) => [cookie.name, cookie])));
  row.querySelector('.remove').addEventListener('click', () => {
    const next = row.nextElementSibling ?? row.previousElementSibling;
    row.remove();
    renumber(list);
    (next?.querySelector('input') ?? document.getElementById(list === 'categories' ? 'add-category' : 'add-purpose')).focus();
    update();
  });
  lists[list].append(row);
  renumber(list);
  return row;
}

/** Row titles, ids and labels follow the rows' order. */
function renumber(list) {
  [...lists[list].children].forEach((row, i) => {
    const [th, en] = NAMES[list];
    row.querySelector('.row-title').textContent = `${th} ${i + 1} / ${en} ${i + 1}`;
    row.querySelector('.remove').textContent = `ลบ${th} ${i + 1} / Remove ${en} ${i + 1}`;
    for (const label of row.querySelectorAll('label[data-for]')) {
      const id = `${list}-${i}-${label.dataset.for}`;
      label.htmlFor = id;
      label.nextElementSibling.id = id;
    }
  });
}

function readRows(list, read) {
  return [...lists[list].children].map((row) => {
    const field = (key) => row.querySelector(`[data-key="${key}"]`);
    return read((key) => (field(key).type === 'checkbox' ? field(key).checked : field(key).value.trim()), row);
  });
}

/** The config as typed: empty optional fields are left out, empty required ones kept so the checker names them. */
function readConfig() {
  const value = (path) => form.querySelector(`[data-path="${path}"]`).value.trim();
  const config = { controller: { name: text(value('controller.name.th'), value('controller.name.en')) } };
  for (const key of ['email', 'phone']) if (value(`controller.${key}`)) config.controller[key] = value(`controller.${key}`);
  config.notice = value('notice');
  config.categories = readRows('categories', (get, row) => {
    const known = loadedCookies.get(row) ?? new Map();
    const names = get('cookies').split('\n').map((name) => name.trim()).filter(Boolean);
    return {
      id: get('id'),
      title: text(get('title.th'), get('title.en')),
      ...(get('required') && { required: true }),
      ...(names.length && { cookies: names.map((name) => known.get(name) ?? { name }) }),
    };
  });
  const purposes = readRows('purposes', (get) => ({
    id: get('id'),
    title: text(get('title.th'), get('title.en')),
    ...(get('description.th') && { description: get('description.th') }),
    ...(get('sensitive') && { sensitive: true }),
  }));
  if (purposes.length) config.purposes = purposes;
  if (value('endpoint')) config.endpoint = value('endpoint');
  config.language = value('language');
  return config;
}

/** Marks the fields a problem names (`config: categories[1].id must ...`) as invalid. */
function markInvalid(errors) {
  for (const field of document.querySelectorAll('[aria-invalid]')) field.removeAttribute('aria-invalid');
  for (const error of errors) {
    const path = /^config: (\S+)/.exec(error)?.[1] ?? '';
    const row = /^(categories|purposes)\[(\d+)\]\.?([\w.]*)/.exec(path);
    const fields = row
      ? [...(lists[row[1]].children[Number(row[2])]?.querySelectorAll(`[data-key^="${row[3].split('.')[0] || 'id'}"]`) ?? [])]
      : [...form.querySelectorAll(`[data-path^="${path}"]`)];
    for (const field of fields) field.setAttribute('aria-invalid', 'true');
  }
}

let checking = 0;
async function check(config) {
  const mine = ++checking;
  const response = await fetch('/builder/check', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(config) });
  const { errors, warnings } = await response.json();
  if (mine !== checking) return;
  const box = document.getElementById('problems');
  const items = [...errors.map((e) => ['error', e]), ...warnings.map((w) => ['warning', w])];
  const content = items.length ? document.createElement('ul') : document.createElement('p');
  if (items.length) {
    for (const [kind, problem] of items) {
      const li = document.createElement('li');
      li.className = kind;
      li.textContent = problem;
      content.append(li);
    }
  } else {
    content.className = 'ok';
    content.textContent = 'ไม่พบปัญหา / No problems';
  }
  const summary = document.createElement('p');
  summary.textContent = `${errors.length} ปัญหา / problem(s), ${warnings.length} คำเตือน / warning(s)`;
  box.replaceChildren(summary, content);
  box.dataset.errors = String(errors.length);
  markInvalid(errors);
}

/**
 * `data-preview` on <body> says whether the previews show the config as it is: `pending`,
 * `loading` or `ready`. A change counts up `previewing`, so a frame that finishes loading an
 * older config marks nothing.
 */
let previewing = 0;
function preview(config) {
  const view = form.ownerDocument.querySelector('input[name="view"]:checked').value;
  const current = ++previewing;
  let loading = 2;
  document.body.dataset.preview = 'loading';
  for (const lang of ['th', 'en']) {
    const frame = document.getElementById(`preview-${lang}`);
    frame.addEventListener('load', () => current === previewing && !--loading && (document.body.dataset.preview = 'ready'), { once: true });
    frame.src = `/builder/preview?${new URLSearchParams({ lang, view, config: JSON.stringify(config) })}`;
  }
}

function output(config) {
  const json = JSON.stringify(config, null, 2);
  document.getElementById('output-json').value = `${json}\n`;
  document.getElementById('output-tags').value = `<script type="application/json" id="yinyom-config">
${json.replace(/</g, '\\u003c')}
</script>
<script src="/vendor/yinyom/yinyom.js" data-config="#yinyom-config"></script>
`;
}

let previewTimer;
function update() {
  const config = readConfig();
  output(config);
  void check(config);
  // The frames reload at a pause in typing, not at every key.
  clearTimeout(previewTimer);
  previewing++;
  document.body.dataset.preview = 'pending';
  previewTimer = setTimeout(() => preview(config), 300);
}

async function loadScan(file) {
  const status = document.getElementById('scan-status');
  let categories;
  try {
    const scan = JSON.parse(await file.text());
    categories = scan?.config?.categories ?? scan?.categories;
    if (!Array.isArray(categories)) throw new Error('no config.categories');
  } catch (error) {
    status.textContent = `${file.name} ไม่ใช่ผลการสแกนของ yinyom scan / is not a yinyom scan's JSON (${error.message})`;
    return;
  }
  lists.categories.replaceChildren();
  for (const category of categories) addRow('categories', category);
  const cookies = categories.reduce((n, category) => n + (category.cookies?.length ?? 0), 0);
  status.textContent = `โหลด ${categories.length} หมวด ${cookies} คุกกี้ จาก ${file.name} / loaded ${categories.length} categories, ${cookies} cookies from ${file.name}`;
  update();
}

form.addEventListener('input', update);
form.addEventListener('change', (event) => {
  if (event.target.id === 'scan-file' && event.target.files[0]) void loadScan(event.target.files[0]);
});
for (const radio of document.querySelectorAll('input[name="view"]')) radio.addEventListener('change', () => preview(readConfig()));
document.getElementById('add-category').addEventListener('click', () => {
  addRow('categories').querySelector('input').focus();
  update();
});
document.getElementById('add-purpose').addEventListener('click', () => {
  addRow('purposes').querySelector('input').focus();
  update();
});
for (const button of document.querySelectorAll('[data-preset]')) {
  button.addEventListener('click', () => {
    addRow('purposes', PRESETS[button.dataset.preset]).querySelector('input').focus();
    update();
  });
}

addRow('categories', { id: 'necessary', required: true, title: { th: 'คุกกี้ที่จำเป็น', en: 'Strictly necessary cookies' }, cookies: [{ name: 'yinyom' }] });
addRow('categories', { id: 'analytics', title: { th: 'คุกกี้เพื่อการวิเคราะห์', en: 'Analytics cookies' } });
update();
preview(readConfig());
