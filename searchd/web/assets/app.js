// newsdex search page. State lives in the URL (?q=…&person=…&page=…) so a search can be shared and
// a reload restores it. Text from documents is inserted with textContent; only the server's
// highlighted fields go through innerHTML, and only after checking that <mark> is their only tag.

const PAGE_SIZE = 10;
const DEBOUNCE_MS = 200;
const LIST_FILTERS = ['person', 'org', 'place', 'lang'];
const FACETS = [
  ['person', 'People'], ['org', 'Organisations'], ['place', 'Places'], ['lang', 'Languages'], ['year', 'Years'],
];
const FILTER_LABELS = { person: 'Person', org: 'Organisation', place: 'Place', lang: 'Language' };
const INTERVALS = ['day', 'week', 'month', 'year'];  // of the date facet; month unless the URL says
const MAX_BARS = 400;        // a longer timeline shows only its non-empty buckets
const RELATED_LIMIT = 5;     // neighbours listed per kind in the document view
const DAY_MS = 86400000;
const SVG_NS = 'http://www.w3.org/2000/svg';

const $ = (id) => document.getElementById(id);
const ui = {
  form: $('search-form'), q: $('q'), from: $('from'), to: $('to'), sort: $('sort'),
  main: $('main'), status: $('status'), chips: $('chips'), suggestion: $('suggestion'),
  suggestionLink: $('suggestion-link'), error: $('error'), hits: $('hits'), pager: $('pager'),
  resultsFor: $('results-for'), resultsForQ: $('results-for-q'), searchInstead: $('search-instead'),
  searchInsteadQ: $('search-instead-q'),
  facets: $('facets'), filters: $('filters'),
  doc: $('doc'), docTitle: $('doc-title'), docMeta: $('doc-meta'), docBody: $('doc-body'),
  timeline: $('timeline'), timelineChart: $('timeline-chart'), timelineClear: $('timeline-clear'),
  timelineFirst: $('timeline-first'), timelineLast: $('timeline-last'), interval: $('interval'),
  timelinePicked: $('timeline-picked'),
  related: $('related'), relatedEntities: $('related-entities'), relatedSimilar: $('related-similar'),
  notify: $('notify'), live: $('live'), liveCount: $('live-count'), liveNotice: $('live-notice'),
  liveHits: $('live-hits'),
};

const languageNames = (() => {
  try { return new Intl.DisplayNames([navigator.language || 'en'], { type: 'language' }); } catch { return null; }
})();
function languageName(code) {
  try { return (code && languageNames && languageNames.of(code)) || code; } catch { return code; }
}

// --- state <-> URL -------------------------------------------------------------------------------

function emptyState() {
  return { q: '', person: [], org: [], place: [], lang: [], from: '', to: '', sort: '', page: 1, correct: true, interval: '' };
}

function stateFromUrl() {
  const params = new URLSearchParams(location.search);
  const state = emptyState();
  state.q = params.get('q') || '';
  for (const name of LIST_FILTERS) state[name] = params.getAll(name).filter(Boolean);
  state.from = params.get('from') || '';
  state.to = params.get('to') || '';
  state.sort = ['date', '-date', 'relevance'].includes(params.get('sort')) ? params.get('sort') : '';
  state.page = Math.max(1, parseInt(params.get('page'), 10) || 1);
  state.correct = params.get('correct') !== 'false';
  state.interval = INTERVALS.includes(params.get('interval')) && params.get('interval') !== 'month' ? params.get('interval') : '';
  return state;
}

// The filters and query as URL parameters: the page URL and the API request share these names.
function filterParams(state) {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const name of LIST_FILTERS) for (const value of state[name]) params.append(name, value);
  if (state.from) params.set('from', state.from);
  if (state.to) params.set('to', state.to);
  if (state.sort) params.set('sort', state.sort);
  if (state.correct === false) params.set('correct', 'false');
  if (state.interval) params.set('interval', state.interval);
  return params;
}

function pageUrl(state) {
  const params = filterParams(state);
  if (state.page > 1) params.set('page', String(state.page));
  const query = params.toString();
  return location.pathname + (query ? '?' + query : '');
}

function apiUrl(state) {
  const params = filterParams(state);
  params.set('facets', [...FACETS.map(([name]) => name), 'date'].join(','));
  params.set('limit', String(PAGE_SIZE));
  if (state.page > 1) params.set('offset', String((state.page - 1) * PAGE_SIZE));
  return 'search?' + params.toString();
}

let state = stateFromUrl();

function showStateInForm() {
  ui.q.value = state.q;
  ui.from.value = state.from;
  ui.to.value = state.to;
  ui.sort.value = state.sort === 'relevance' ? '' : state.sort;
}

// --- safe highlighted HTML -----------------------------------------------------------------------

// True when html is escaped text whose only markup is <mark> and </mark>.
function onlyHighlightTags(html) {
  return typeof html === 'string' && !/[<>]/.test(html.replace(/<\/?mark>/g, ''));
}

function setHighlighted(element, html, plain) {
  if (onlyHighlightTags(html)) {
    element.innerHTML = html;
  } else {
    element.textContent = plain;
  }
}

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === 'text') node.textContent = value;
    else if (key.startsWith('aria-') || key === 'role' || key === 'lang' || key === 'datetime') node.setAttribute(key, value);
    else node[key] = value;
  }
  for (const child of children) if (child) node.append(child);
  return node;
}

// --- rendering -----------------------------------------------------------------------------------

function renderHit(hit) {
  const link = el('a', { href: '#', className: 'hit-link' });
  link.dataset.id = hit.id;
  setHighlighted(link, hit.title_highlighted, hit.title || hit.path || hit.id);
  if (!link.textContent.trim()) link.textContent = hit.path || hit.id;
  link.addEventListener('click', (event) => { event.preventDefault(); openDocument(hit.id); });

  const meta = el('p', { className: 'meta' });
  if (hit.date) meta.append(el('time', { datetime: hit.date, text: hit.date }));
  if (hit.byline) meta.append(el('span', { className: 'byline', text: hit.byline }));
  if (hit.path) meta.append(el('span', { className: 'path', text: hit.path }));
  if (hit.lang) meta.append(el('span', { className: 'badge', lang: hit.lang, title: languageName(hit.lang), text: hit.lang }));

  const item = el('li', { className: 'hit' }, el('article', {}, el('h2', {}, link), meta));
  if (hit.snippet) {
    const snippet = el('p', { className: 'snippet' });
    if (hit.lang) snippet.setAttribute('lang', hit.lang);
    setHighlighted(snippet, hit.snippet, hit.snippet.replace(/<\/?mark>/g, ''));
    item.firstChild.append(snippet);
  }
  if (Array.isArray(hit.missing) && hit.missing.length) {
    // A relaxed query: this story lacks some of the words (the reply's "relaxed").
    item.firstChild.append(el('p', { className: 'missing', text: `Missing: ${hit.missing.join(', ')}` }));
  }
  if (hit.versions > 0) {
    // Other versions of this wire story that also match, collapsed into this hit by the server.
    const more = el('button', {
      type: 'button', className: 'versions-link',
      text: `${hit.versions} other version${hit.versions === 1 ? '' : 's'}`,
    });
    more.addEventListener('click', () => openVersions(hit.id));
    item.firstChild.append(el('p', { className: 'versions' }, more));
  }
  return item;
}

function isActive(name, value) {
  if (name === 'year') return state.from === `${value}-01-01` && state.to === `${value}-12-31`;
  return state[name].includes(value);
}

function renderFacets(facets) {
  ui.facets.replaceChildren();
  for (const [name, label] of FACETS) {
    const buckets = (facets && facets[name]) || [];
    if (!buckets.length) continue;
    const list = el('ul');
    for (const { value, count } of buckets) {
      const active = isActive(name, String(value));
      const text = name === 'lang' ? `${languageName(value)} (${value})` : String(value);
      const button = el('button', { type: 'button', 'aria-pressed': String(active) },
        el('span', { className: 'value', text }), el('span', { className: 'count', text: String(count) }));
      button.dataset.facet = name;
      button.dataset.value = value;
      button.setAttribute('aria-label', `${active ? 'Remove filter' : 'Filter by'} ${label.toLowerCase()}: ${text}, ${count} results`);
      button.addEventListener('click', () => toggleFilter(name, String(value)));
      list.append(el('li', {}, button));
    }
    const heading = el('h2', { id: `facet-${name}`, text: label });
    const more = ENTITY_TYPES.includes(name) ? entityFinder(name, label) : null;
    ui.facets.append(el('section', { className: 'facet', 'aria-labelledby': heading.id }, heading, list, more));
  }
}

// "More…": a box that suggests every known entity of the type by name or alias (GET /entities),
// not only the ones counted for this search; choosing one filters by it.
const ENTITY_TYPES = ['person', 'org', 'place'];
// One box per type for the page's life: facets re-render with every reply, and a box rebuilt
// under the reader's fingers would lose what they typed and the names fetched for it.
const finders = new Map();
function entityFinder(type, label) {
  if (!finders.has(type)) finders.set(type, buildEntityFinder(type, label));
  return finders.get(type);
}
function buildEntityFinder(type, label) {
  const listId = `more-${type}`;
  const input = el('input', { type: 'search', className: 'more', placeholder: 'More…', autocomplete: 'off',
    'aria-label': `Find ${label.toLowerCase()} by name` });
  input.setAttribute('list', listId);
  const options = el('datalist', { id: listId });
  let timer = 0;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const params = new URLSearchParams({ type, q: input.value.trim(), limit: '20' });
      try {
        const response = await fetch('entities?' + params, { headers: apiHeaders });
        const reply = response.ok ? await response.json() : { entities: [] };
        options.replaceChildren(...(reply.entities || []).map((e) =>
          el('option', { value: e.name, text: `${e.name} (${e.docs})` })));
      } catch { options.replaceChildren(); }
    }, DEBOUNCE_MS);
  });
  input.addEventListener('change', () => {
    const value = input.value.trim();
    input.value = '';  // the choice becomes a chip; the box is ready for the next name
    if (value && !state[type].includes(value)) toggleFilter(type, value);
  });
  return el('div', { className: 'more-box' }, input, options);
}

function renderChips() {
  ui.chips.replaceChildren();
  const chip = (label, remove) => {
    const button = el('button', { type: 'button', 'aria-label': `Remove filter ${label}`, text: `${label} ×` });
    button.addEventListener('click', remove);
    ui.chips.append(el('li', {}, button));
  };
  for (const name of LIST_FILTERS) {
    for (const value of state[name]) {
      const shown = name === 'lang' ? languageName(value) : value;
      chip(`${FILTER_LABELS[name]}: ${shown}`, () => toggleFilter(name, value));
    }
  }
  if (state.from || state.to) {
    chip(`Date: ${state.from || '…'} – ${state.to || '…'}`, () => update({ from: '', to: '' }, true));
  }
}

function renderPager(total) {
  ui.pager.replaceChildren();
  const pages = Math.min(Math.ceil(total / PAGE_SIZE), Math.floor(10000 / PAGE_SIZE));
  if (pages <= 1) return;
  const button = (text, page, label, current = false) => {
    const b = el('button', { type: 'button', text, 'aria-label': label });
    if (current) b.setAttribute('aria-current', 'page');
    b.disabled = page < 1 || page > pages;
    b.addEventListener('click', () => { update({ page }, true); ui.hits.focus(); });
    ui.pager.append(b);
  };
  button('‹ Previous', state.page - 1, 'Previous page');
  const first = Math.max(1, Math.min(state.page - 2, pages - 4));
  for (let page = first; page <= Math.min(pages, first + 4); page++) {
    button(String(page), page, `Page ${page}`, page === state.page);
  }
  button('Next ›', state.page + 1, 'Next page');
}

function describeTotal(reply) {
  const n = (reply.total && reply.total.value) || 0;
  const about = reply.total && reply.total.exact === false ? 'about ' : '';
  const words = `${about}${n.toLocaleString()} result${n === 1 ? '' : 's'}`;
  const took = typeof reply.took_ms === 'number' ? ` (${reply.took_ms.toFixed(1)} ms)` : '';
  const page = n > PAGE_SIZE ? `, page ${state.page}` : '';
  const searched = reply.results_for || state.q;  // the suggestion, when the results are its
  return searched ? `${words} for “${searched}”${page}${took}` : `${words}${page}${took}`;
}

function renderReply(reply) {
  ui.error.hidden = true;
  const hits = Array.isArray(reply.hits) ? reply.hits : [];
  ui.hits.replaceChildren(...hits.map((hit) => renderHit(hit)));
  ui.status.textContent = hits.length || state.page === 1 ? describeTotal(reply) : 'No more results on this page.';
  renderFacets(reply.facets);
  renderTimeline(reply.facets && reply.facets.date);
  renderChips();
  renderPager((reply.total && reply.total.value) || 0);
  // The results are those of the spelling suggestion: say so, and offer what was typed.
  ui.resultsFor.hidden = !reply.results_for;
  if (reply.results_for) {
    ui.resultsForQ.textContent = reply.results_for;
    ui.searchInsteadQ.textContent = state.q;
    ui.searchInstead.href = pageUrl({ ...state, correct: false, page: 1 });
  }
  if (reply.suggestion && reply.suggestion !== state.q && !reply.results_for) {
    ui.suggestionLink.textContent = reply.suggestion;
    ui.suggestionLink.href = pageUrl({ ...state, q: reply.suggestion, page: 1 });
    ui.suggestion.hidden = false;
  } else {
    ui.suggestion.hidden = true;
  }
}

function showError(message) {
  ui.error.textContent = message;
  ui.error.hidden = false;
  ui.status.textContent = 'The search failed.';
  ui.hits.replaceChildren();
  ui.pager.replaceChildren();
  ui.suggestion.hidden = true;
  ui.resultsFor.hidden = true;
  renderTimeline([]);
}

// --- the timeline --------------------------------------------------------------------------------
// Bars of the date facet (counts over every match, not the page), empty buckets filled in so the
// gaps show. Dragging across bars (or clicking one) filters by the dates they cover.

const pad = (n, width) => String(n).padStart(width, '0');
const isoDay = (ms) => new Date(ms).toISOString().slice(0, 10);
function utcDay(year, month, day) {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);  // Date.UTC would read years below 100 as 19xx
  return date.getTime();
}

// First and last day (ms) of a bucket: "2024-03-05", "2024-W10" (ISO week), "2024-03", "2024".
function bucketSpan(value, interval) {
  const year = Number(value.slice(0, 4));
  if (interval === 'year') return [utcDay(year, 1, 1), utcDay(year, 12, 31)];
  if (interval === 'month') {
    const month = Number(value.slice(5, 7));
    return [utcDay(year, month, 1), utcDay(year, month + 1, 0)];
  }
  if (interval === 'week') {
    const jan4 = utcDay(year, 1, 4);  // always in week 1
    const monday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY_MS + (Number(value.slice(6)) - 1) * 7 * DAY_MS;
    return [monday, monday + 6 * DAY_MS];
  }
  const day = utcDay(year, Number(value.slice(5, 7)), Number(value.slice(8, 10)));
  return [day, day];
}

// The bucket holding a day, labelled as the server labels it.
function bucketOf(ms, interval) {
  const date = new Date(ms);
  const year = date.getUTCFullYear();
  if (interval === 'year') return pad(year, 4);
  if (interval === 'month') return `${pad(year, 4)}-${pad(date.getUTCMonth() + 1, 2)}`;
  if (interval === 'week') {
    const thursday = ms + (3 - ((date.getUTCDay() + 6) % 7)) * DAY_MS;
    const weekYear = new Date(thursday).getUTCFullYear();
    return `${pad(weekYear, 4)}-W${pad(Math.floor((thursday - utcDay(weekYear, 1, 1)) / (7 * DAY_MS)) + 1, 2)}`;
  }
  return isoDay(ms);
}

function filledBuckets(buckets, interval) {
  if (!buckets.length) return [];
  const counts = new Map(buckets.map((b) => [b.value, b.count]));
  const end = bucketSpan(buckets[buckets.length - 1].value, interval)[1];
  const bars = [];
  for (let ms = bucketSpan(buckets[0].value, interval)[0]; ms <= end && bars.length <= MAX_BARS;) {
    const value = bucketOf(ms, interval);
    bars.push({ value, count: counts.get(value) || 0 });
    ms = bucketSpan(value, interval)[1] + DAY_MS;
  }
  return bars.length > MAX_BARS ? buckets : bars;
}

let bars = [];    // what the chart shows, oldest first
let drag = null;  // {start, end}: bar indexes while a range is being dragged

function renderTimeline(buckets) {
  const interval = state.interval || 'month';
  // Only labels this page can turn back into dates: a drag must always yield a valid range.
  const label = /^\d{4}(-W\d{2}|-\d{2}(-\d{2})?)?$/;
  const valid = Array.isArray(buckets)
    ? buckets.filter((b) => b && label.test(b.value) && Number.isFinite(b.count) && b.count >= 0) : [];
  bars = filledBuckets(valid, interval);
  drag = null;
  ui.timelinePicked.textContent = '';
  const dated = Boolean(state.from || state.to);
  ui.timeline.hidden = !bars.length && !dated;
  ui.timelineClear.hidden = !dated;
  ui.interval.value = interval;
  const most = Math.max(1, ...bars.map((b) => b.count));
  const width = 600 / Math.max(1, bars.length);
  ui.timelineChart.replaceChildren(...bars.map((bar, i) => {
    const height = bar.count ? Math.max(3, (bar.count / most) * 76) : 1;
    const rect = document.createElementNS(SVG_NS, 'rect');
    const attributes = { x: i * width + width * 0.1, y: 80 - height, width: width * 0.8, height };
    for (const [name, value] of Object.entries(attributes)) rect.setAttribute(name, String(value));
    rect.setAttribute('class', bar.count ? 'bar' : 'bar empty');
    rect.dataset.value = bar.value;
    rect.dataset.count = String(bar.count);
    const title = document.createElementNS(SVG_NS, 'title');
    title.textContent = `${bar.value}: ${bar.count.toLocaleString()}`;
    rect.append(title);
    return rect;
  }));
  const peak = bars.reduce((best, bar) => (bar.count > (best ? best.count : -1) ? bar : best), null);
  ui.timelineChart.setAttribute('aria-label', bars.length
    ? `Matches per ${interval} from ${bars[0].value} to ${bars[bars.length - 1].value}; most in ${peak.value} (${peak.count})`
    : 'No dated matches');
  ui.timelineFirst.textContent = bars.length ? bars[0].value : '';
  ui.timelineLast.textContent = bars.length > 1 ? bars[bars.length - 1].value : '';
}

function barAt(event) {
  const box = ui.timelineChart.getBoundingClientRect();
  const index = Math.floor(((event.clientX - box.left) / Math.max(1, box.width)) * bars.length);
  return Math.min(bars.length - 1, Math.max(0, index));
}

function pickedRange() {
  return drag ? [Math.min(drag.start, drag.end), Math.max(drag.start, drag.end)] : [-1, -1];
}

function showPicked() {
  const [low, high] = pickedRange();
  [...ui.timelineChart.children].forEach((rect, i) => rect.classList.toggle('picked', i >= low && i <= high));
  const count = bars.slice(low, high + 1).reduce((sum, bar) => sum + bar.count, 0);
  ui.timelinePicked.textContent = !drag ? ''
    : `${bars[low].value}${high > low ? ` to ${bars[high].value}` : ''}: ${count.toLocaleString()} matches`;
}

// Filters by the dates the picked bars cover.
function applyPicked() {
  const interval = state.interval || 'month';
  const [low, high] = pickedRange();
  drag = null;
  update({ from: isoDay(bucketSpan(bars[low].value, interval)[0]), to: isoDay(bucketSpan(bars[high].value, interval)[1]) }, true);
}

ui.timelineChart.addEventListener('pointerdown', (event) => {
  if (!bars.length || event.button !== 0) return;
  event.preventDefault();
  drag = { start: barAt(event), end: barAt(event) };
  try { ui.timelineChart.setPointerCapture(event.pointerId); } catch { /* a synthetic pointer */ }
  showPicked();
});
ui.timelineChart.addEventListener('pointermove', (event) => {
  if (!drag) return;
  drag.end = barAt(event);
  showPicked();
});
ui.timelineChart.addEventListener('pointerup', (event) => {
  if (!drag) return;
  drag.end = barAt(event);
  applyPicked();
});
// The keyboard way: arrows pick a bar, Shift+arrows stretch the pick, Enter filters, Escape drops it.
ui.timelineChart.addEventListener('keydown', (event) => {
  if (!bars.length) return;
  const last = bars.length - 1;
  const moves = { ArrowLeft: -1, ArrowRight: 1, Home: -bars.length, End: bars.length };
  if (event.key in moves) {
    event.preventDefault();
    const from = drag ? drag.end : (moves[event.key] > 0 ? -1 : bars.length);
    const end = Math.min(last, Math.max(0, from + moves[event.key]));
    drag = event.shiftKey && drag ? { start: drag.start, end } : { start: end, end };
    showPicked();
  } else if ((event.key === 'Enter' || event.key === ' ') && drag) {
    event.preventDefault();
    applyPicked();
  } else if (event.key === 'Escape' && drag) {
    event.preventDefault();
    drag = null;
    showPicked();
  }
});
ui.timelineChart.addEventListener('pointercancel', () => { drag = null; showPicked(); });
ui.timelineClear.addEventListener('click', () => update({ from: '', to: '' }, true));
ui.interval.addEventListener('change', () => update({ interval: ui.interval.value === 'month' ? '' : ui.interval.value }, true));

// --- searching -----------------------------------------------------------------------------------

// When the server requires keys, its admin can give the page a search-only key (server.page_key),
// which the server writes into the page as <meta name="newsdex-search-key">.
const searchKey = document.querySelector('meta[name="newsdex-search-key"]')?.content || '';
const apiHeaders = searchKey
  ? { Accept: 'application/json', Authorization: `Bearer ${searchKey}` }
  : { Accept: 'application/json' };

let inFlight = null;   // AbortController of the request whose answer we still want
let debounceTimer = 0;

async function errorMessage(response) {
  try {
    const body = await response.json();
    if (body && body.error && body.error.message) return `The server said: ${body.error.message}`;
  } catch { /* not JSON */ }
  return `The server answered ${response.status} ${response.statusText}.`;
}

async function search() {
  clearTimeout(debounceTimer);
  followSearch();
  if (inFlight) inFlight.abort();
  const controller = new AbortController();
  inFlight = controller;
  renderChips();
  ui.main.setAttribute('aria-busy', 'true');
  try {
    const response = await fetch(apiUrl(state), { signal: controller.signal, headers: apiHeaders });
    const reply = response.ok ? await response.json() : null;
    const message = response.ok ? '' : await errorMessage(response);
    if (controller !== inFlight) return;  // a newer search was started meanwhile
    if (reply) renderReply(reply);
    else showError(message);
  } catch (error) {
    if (error.name === 'AbortError') return;  // a newer search replaced this one
    showError('Cannot reach the search server. Check your connection and try again.');
  } finally {
    if (controller === inFlight) {
      inFlight = null;
      ui.main.removeAttribute('aria-busy');
    }
  }
}

// Applies changes to the state, records them in the URL (a new history entry when push) and searches.
function update(changes, push) {
  const pageReset = !('page' in changes);
  state = { ...state, ...changes, ...(pageReset ? { page: 1 } : {}) };
  showStateInForm();
  const url = pageUrl(state);
  if (url !== location.pathname + location.search) history[push ? 'pushState' : 'replaceState'](null, '', url);
  return search();
}

function toggleFilter(name, value) {
  if (name === 'year') {
    const on = isActive('year', value);
    return update(on ? { from: '', to: '' } : { from: `${value}-01-01`, to: `${value}-12-31` }, true);
  }
  const values = state[name].includes(value) ? state[name].filter((v) => v !== value) : [...state[name], value];
  return update({ [name]: values }, true);
}

// --- the document view ---------------------------------------------------------------------------

async function openDocument(id) {
  ui.docTitle.textContent = 'Loading…';
  ui.docMeta.textContent = '';
  ui.docBody.textContent = '';
  ui.related.hidden = true;
  if (!ui.doc.open) ui.doc.showModal();
  try {
    const response = await fetch('documents/' + encodeURIComponent(id), { headers: apiHeaders });
    if (!response.ok) throw new Error(await errorMessage(response));
    const doc = await response.json();
    ui.docTitle.textContent = doc.title || doc.path || id;
    ui.docMeta.textContent = [doc.date, doc.byline, doc.lang && languageName(doc.lang), doc.path].filter(Boolean).join(' · ');
    ui.docBody.textContent = doc.body || doc.text || '';
    loadRelated(id);
  } catch (error) {
    ui.docTitle.textContent = 'This document could not be loaded';
    ui.docBody.textContent = error.message && !error.message.startsWith('Failed') ? error.message : 'Cannot reach the search server.';
  }
}

// The document view's "Related coverage": stories sharing its (rarest) people, organisations and
// places (GET /documents/{id}/related), and stories worded like it (/similar). Either opens here.
let relatedFor = '';

function sharedNames(shared) {
  if (!shared || typeof shared !== 'object') return '';
  return ['person', 'org', 'place'].flatMap((type) => (Array.isArray(shared[type]) ? shared[type] : [])).join(', ');
}

function relatedItem(hit, kind) {
  const open = el('button', { type: 'button', text: hit.title || hit.path || hit.id });
  open.dataset.id = hit.id;
  open.addEventListener('click', () => openDocument(hit.id));
  const shared = kind === 'related' ? sharedNames(hit.shared) : '';
  const why = [hit.date, shared && `shares ${shared}`].filter(Boolean).join(' · ');
  return el('li', {}, open, why ? el('span', { className: 'why', text: why }) : null);
}

async function loadRelated(id) {
  relatedFor = id;
  ui.related.hidden = false;
  const lists = [['related', ui.relatedEntities], ['similar', ui.relatedSimilar]];
  for (const [, list] of lists) list.replaceChildren(el('li', { className: 'why', text: 'Loading…' }));
  await Promise.all(lists.map(async ([kind, list]) => {
    let items;
    try {
      const response = await fetch(`documents/${encodeURIComponent(id)}/${kind}?limit=${RELATED_LIMIT}`, { headers: apiHeaders });
      if (!response.ok) throw new Error(await errorMessage(response));
      const reply = await response.json();
      const hits = Array.isArray(reply.hits) ? reply.hits : [];
      items = hits.length ? hits.map((hit) => relatedItem(hit, kind)) : [el('li', { className: 'why', text: 'None found.' })];
    } catch {
      items = [el('li', { className: 'why', text: 'Could not be loaded.' })];
    }
    if (relatedFor === id) list.replaceChildren(...items);  // not overtaken by another document
  }));
}

// Every version of a story, newest first, each with its words changed since the next older one.
async function openVersions(id) {
  ui.docTitle.textContent = 'Loading…';
  ui.docMeta.textContent = '';
  ui.docBody.textContent = '';
  if (!ui.doc.open) ui.doc.showModal();
  try {
    const response = await fetch('documents/' + encodeURIComponent(id) + '/versions', { headers: apiHeaders });
    if (!response.ok) throw new Error(await errorMessage(response));
    const reply = await response.json();
    const versions = Array.isArray(reply.versions) ? reply.versions : [];
    ui.docTitle.textContent = `${reply.total} versions of this story`;
    ui.docMeta.textContent = 'Newest first. Each shows the words added and removed since the version below it.' +
      (reply.truncated ? ` The newest ${versions.length} are listed.` : '');
    ui.docBody.replaceChildren(el('ol', { className: 'versions-list' }, ...versions.map(renderVersion)));
  } catch (error) {
    ui.docTitle.textContent = 'The versions could not be loaded';
    ui.docBody.textContent = error.message && !error.message.startsWith('Failed') ? error.message : 'Cannot reach the search server.';
  }
}

function renderVersion(version) {
  const link = el('a', { href: '#', className: 'version-link', text: version.title || version.path || version.id });
  link.addEventListener('click', (event) => { event.preventDefault(); openDocument(version.id); });
  const meta = el('p', { className: 'meta' });
  if (version.date) meta.append(el('time', { datetime: version.date, text: version.date }));
  if (version.path) meta.append(el('span', { className: 'path', text: version.path }));
  if (version.current) meta.append(el('span', { className: 'current', text: 'the result shown' }));
  const diff = el('p', { className: 'diff' });
  if (Array.isArray(version.diff)) {
    for (const part of version.diff) {
      const tag = part.op === '+' ? 'ins' : part.op === '-' ? 'del' : 'span';
      diff.append(el(tag, { text: part.text }), ' ');
    }
    if (version.diff_complete === false) diff.prepend(el('em', { text: 'Too many changes to mark word by word. ' }));
  } else {
    diff.append(el('em', { text: 'The oldest version.' }));
  }
  return el('li', { className: 'version' }, el('h3', {}, link), meta, diff);
}

// --- notify me: a saved search's new matches, live -------------------------------------------------
// While the toggle is on, GET /subscribe (Server-Sent Events) with the search's query and filters
// lists each document the indexer adds or changes that matches, newest first. EventSource rather
// than fetch() and a stream reader: the browser parses the stream, so the page only handles events.
// It cannot set headers, so the page key goes as ?api_key= (the server takes that on /subscribe
// only); the key is the one this page already gives anyone who loads it. A lost connection is
// reopened here rather than by the browser, with ?since= the last commit seen (the last event id,
// else the revision the subscription started at): the browser would resume only from an event id,
// which a stream that has had no match yet lacks, and so could miss what came meanwhile.

const LIVE_MAX = 50;           // new matches listed; older ones fall off the end
const RETRY_MS = [1000, 30000]; // the first wait before reopening a lost stream, and the longest
const pageTitle = document.title;
// The open subscription: {source, key, since (last commit seen), warning, wait, timer, resumed}.
let live = null;

// What decides the matches: the query and filters, not the sort, page or timeline interval.
function subscribeKey(state) {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const name of LIST_FILTERS) for (const value of state[name]) params.append(name, value);
  if (state.from) params.set('from', state.from);
  if (state.to) params.set('to', state.to);
  return params.toString();
}

function subscribeUrl(key, since) {
  const params = new URLSearchParams(key);
  if (since) params.set('since', since);
  if (searchKey) params.set('api_key', searchKey);
  return 'subscribe?' + params.toString();
}

// Opens, moves or closes the subscription to match the toggle and the current search.
function followSearch() {
  const key = subscribeKey(state);
  if (ui.notify.checked && live && live.key === key) return;
  stopLive();
  if (!ui.notify.checked) return;
  ui.live.hidden = false;
  startLive({ key, since: '', warning: '', wait: RETRY_MS[0] });
}

// Opens the stream for subscription `from` (a fresh one, or one being resumed).
function startLive(from) {
  const url = subscribeUrl(from.key, from.since);
  const source = new EventSource(url);
  live = { ...from, source, timer: 0 };
  showLiveNotice('Waiting for new matches…');
  const current = () => live && live.source === source;
  source.addEventListener('message', (event) => {
    if (!current()) return;
    if (event.lastEventId) live.since = event.lastEventId;
    let data;
    try { data = JSON.parse(event.data); } catch { return; }
    onLiveEvent(data);
  });
  source.addEventListener('open', () => { if (current()) live.wait = RETRY_MS[0]; });
  source.addEventListener('error', async () => {
    if (!current()) return;
    const refused = source.readyState === EventSource.CLOSED;  // an HTTP error: no retry
    source.close();
    if (!refused) {
      showLiveNotice('Connection lost; reconnecting without missing matches…');
      const wait = live.wait;
      live.timer = setTimeout(() => {
        if (current()) startLive({ ...live, wait: Math.min(wait * 2, RETRY_MS[1]) });
      }, wait);
      return;
    }
    const why = await refusal(url);
    if (current()) showLiveNotice(`New matches cannot be shown. ${why}`);
  });
}

// Why the server refused a subscription: the same request once more, read as JSON.
async function refusal(url) {
  const controller = new AbortController();
  try {
    const response = await fetch(url, { headers: apiHeaders, signal: controller.signal });
    return response.ok ? 'The connection closed.' : await errorMessage(response);
  } catch {
    return 'Cannot reach the search server.';
  } finally {
    controller.abort();  // a stream that did open is not wanted
  }
}

function stopLive() {
  if (live) {
    live.source.close();
    clearTimeout(live.timer);
  }
  live = null;
  ui.liveHits.replaceChildren();
  ui.live.hidden = true;
  showLiveNotice('');
  showLiveCount();
}

function onLiveEvent(data) {
  if (data.event === 'subscribed') {
    // Nothing after this commit has been sent yet: where a reopened stream starts.
    if (!live.since && Number.isSafeInteger(data.revision)) live.since = String(data.revision);
    showLiveNotice('Waiting for new matches…');
  } else if (data.event === 'match' && data.hit && typeof data.hit.id === 'string') {
    live.resumed = false;
    const old = [...ui.liveHits.children].find((item) => item.dataset.id === data.hit.id);
    if (old) old.remove();
    if (data.reason === 'new' || data.reason === 'updated') {
      const item = renderLiveHit(data.hit, data.reason);
      ui.liveHits.prepend(item);
      while (ui.liveHits.children.length > LIVE_MAX) ui.liveHits.lastChild.remove();
      showLiveNotice(`${data.reason === 'new' ? 'New' : 'Updated'}: ${item.querySelector('.live-link').textContent}`);
    } else if (old) {
      showLiveNotice(`Withdrawn: ${old.querySelector('.live-link').textContent}`);
    }
    showLiveCount();
  } else if (data.event === 'gap') {
    live.warning = 'Some matches may have been missed; search again to see them all.';
    showLiveNotice('');
  } else if (data.event === 'dropped') {
    // The server stopped sending (this page fell behind): subscribe again from the last commit
    // seen, which loses nothing the change log still holds (else the server sends a gap). If
    // even that is too much at once, start afresh and say that matches were missed.
    live.source.close();
    if (live.resumed) {
      startLive({ ...live, since: '', warning: 'Some matches were missed; search again to see them all.', resumed: false });
    } else {
      startLive({ ...live, resumed: true });
    }
  }
}

function renderLiveHit(hit, reason) {
  const link = el('a', { href: '#', className: 'live-link' });
  setHighlighted(link, hit.title_highlighted, hit.title || hit.path || hit.id);
  if (!link.textContent.trim()) link.textContent = hit.path || hit.id;
  link.addEventListener('click', (event) => { event.preventDefault(); openDocument(hit.id); });
  const meta = el('p', { className: 'meta' },
    el('span', { className: `reason ${reason}`, text: reason === 'new' ? 'New' : 'Updated' }));
  if (hit.date) meta.append(el('time', { datetime: hit.date, text: hit.date }));
  if (hit.path) meta.append(el('span', { className: 'path', text: hit.path }));
  const item = el('li', { className: 'live-hit' }, el('h3', {}, link), meta);
  item.dataset.id = hit.id;
  item.dataset.reason = reason;
  if (hit.snippet) {
    const snippet = el('p', { className: 'snippet' });
    if (hit.lang) snippet.setAttribute('lang', hit.lang);
    setHighlighted(snippet, hit.snippet, hit.snippet.replace(/<\/?mark>/g, ''));
    item.append(snippet);
  }
  return item;
}

function showLiveNotice(text) {
  ui.liveNotice.textContent = [live && live.warning, text].filter(Boolean).join(' ');
}

function showLiveCount() {
  const n = ui.liveHits.children.length;
  ui.liveCount.textContent = n ? `(${n})` : '';
  document.title = n ? `(${n}) ${pageTitle}` : pageTitle;
}

ui.notify.addEventListener('change', followSearch);

// --- events --------------------------------------------------------------------------------------

ui.q.addEventListener('input', () => {
  clearTimeout(debounceTimer);
  debounceTimer = setTimeout(() => update({ q: ui.q.value.trim(), correct: true }, false), DEBOUNCE_MS);
});
ui.form.addEventListener('submit', (event) => {
  event.preventDefault();
  update({ q: ui.q.value.trim(), correct: true }, true);
});
ui.from.addEventListener('change', () => update({ from: ui.from.value }, true));
ui.to.addEventListener('change', () => update({ to: ui.to.value }, true));
ui.sort.addEventListener('change', () => update({ sort: ui.sort.value }, true));
ui.searchInstead.addEventListener('click', (event) => {
  event.preventDefault();
  update({ correct: false }, true);
});
ui.suggestionLink.addEventListener('click', (event) => {
  event.preventDefault();
  update({ q: ui.suggestionLink.textContent }, true);
  ui.q.focus();
});
window.addEventListener('popstate', () => {
  state = stateFromUrl();
  showStateInForm();
  search();
});

// Keyboard: "/" focuses the box; arrows move between the search box and the results.
document.addEventListener('keydown', (event) => {
  const typing = event.target.closest && event.target.closest('input, select, textarea, dialog');
  if (event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
    event.preventDefault();
    ui.q.focus();
    ui.q.select();
    return;
  }
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  const links = [...ui.hits.querySelectorAll('.hit-link')];
  if (!links.length) return;
  const position = links.indexOf(document.activeElement);
  if (event.target === ui.q && event.key === 'ArrowDown') {
    event.preventDefault();
    links[0].focus();
  } else if (position >= 0) {
    event.preventDefault();
    const next = position + (event.key === 'ArrowDown' ? 1 : -1);
    if (next < 0) ui.q.focus();
    else links[Math.min(next, links.length - 1)].focus();
  }
});

if (window.matchMedia('(max-width: 48rem)').matches) ui.filters.open = false;
ui.notify.checked = false;  // a reload never subscribes by itself
showStateInForm();
search();
