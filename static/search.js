// The archive's search page, on Pagefind's JavaScript API: one Pagefind instance per shard (a
// year, or part of one), merged here so that a date order is exact across shards, filter lists
// stay short (by count, a box to find a value), and a snippet never repeats the headline.
// The page's markup is in templates/search-widget.html; this only fills it in.
// Everything Pagefind returns is shown as text (textContent), never parsed as markup in the page.

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
  "September", "October", "November", "December"];
const SHOWN_VALUES = 30; // filter values listed at once; the box finds the others
const DEBOUNCE_MS = 250;

// Filter values and the dateline are stored HTML-escaped once (dateline/search.py inert_text):
// undo exactly Python's html.escape to get the text back.
const ENTITIES = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": "\"", "&#x27;": "'" };
const unescape = (s) => String(s).replace(/&(amp|lt|gt|quot|#x27);/g, (m) => ENTITIES[m]);
const escape = (s) => String(s).replace(/[&<>"']/g,
  (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#x27;" })[c]);

function longDate(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso || "");
  return m ? `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}` : "";
}

// An excerpt as text and <mark> only: parsed in an inert document, rebuilt node by node.
function excerptWords(html) {
  const doc = new DOMParser().parseFromString(`<p>${html}</p>`, "text/html");
  const words = [];
  const walk = (node, marked) => {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) {
        for (const w of child.textContent.split(/\s+/)) { if (w) { words.push({ w, marked }); } }
      } else { walk(child, marked || child.nodeName === "MARK"); }
    }
  };
  walk(doc.body, false);
  return words;
}

const bare = (w) => w.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");

// Pagefind indexes the headline before the body, so an excerpt from the start of a story
// begins with (the end of) the headline, shown just above it: leave that out.
function withoutHeadline(words, title) {
  const head = (title || "").split(/\s+/).filter(Boolean).map(bare);
  for (let k = Math.min(head.length, words.length); k > 0; k--) {
    const tail = head.slice(head.length - k);
    if (tail.every((w, i) => w === bare(words[i].w))) { return words.slice(k); }
  }
  return words;
}

function fillExcerpt(el, html, title) {
  el.textContent = "";
  const words = withoutHeadline(excerptWords(html), title);
  words.forEach(({ w, marked }, i) => {
    if (i) { el.append(" "); }
    if (marked) { const m = document.createElement("mark"); m.textContent = w; el.append(m); }
    else { el.append(w); }
  });
  if (words.length) { el.prepend("\u2026 "); el.append(" \u2026"); }
}

async function start(root) {
  const bundles = JSON.parse(root.dataset.bundles);
  const baseUrl = root.dataset.baseUrl;
  const pageSize = Number(root.dataset.pageSize) || 10;
  const form = root.querySelector(".search-form");
  const box = root.querySelector(".search-input");
  const sortSelect = root.querySelector(".search-sort");
  const status = root.querySelector(".search-status");
  const list = root.querySelector(".search-results");
  const more = root.querySelector(".search-more");
  const panel = root.querySelector(".search-filters");
  const clear = root.querySelector(".search-clear");
  const resultTemplate = root.querySelector(".search-result-template");
  const valueTemplate = root.querySelector(".filter-value-template");
  const groups = [...root.querySelectorAll(".search-filter")];
  const names = groups.map((g) => g.dataset.filter);

  // The search is the address: ?q=word&sort=newest&person=Bashar+Assad&place=Geneva
  const chosen = {}; // filter name -> Set of stored (escaped) values
  function readAddress() {
    const params = new URLSearchParams(window.location.search);
    for (const name of names) { chosen[name] = new Set(params.getAll(name).map(escape)); }
    box.value = params.get("q") || "";
    sortSelect.value = ["newest", "oldest"].includes(params.get("sort")) ? params.get("sort") : "";
  }
  readAddress();
  status.textContent = "Loading the search index\u2026";

  // Each shard is its own copy of Pagefind's module (imported from its bundle), run on the page's
  // thread: instances made in one copy share one WebAssembly memory and break each other's
  // indexes, and two copies' web workers failed the same way (Pagefind 1.5, in Chromium).
  // Pages changed since their shard was indexed are in one more, small shard (the edits
  // shard); their old versions are still in their own shards, which the manifest names by
  // Pagefind page id with their filters: dropped here from those shards' results and counts.
  let shards;
  let hidden;
  try {
    const edits = root.dataset.edits
      ? await (await fetch(root.dataset.edits, { cache: "no-cache" })).json() : { bundle: null, hidden: {} };
    hidden = bundles.map((bundle) => edits.hidden[bundle.slice(baseUrl.length)] || {});
    const all = edits.bundle ? [...bundles, baseUrl + edits.bundle] : bundles;
    if (edits.bundle) { hidden.push({}); }
    shards = await Promise.all(all.map((bundle) => import(bundle + "pagefind.js")));
    for (const shard of shards) { await shard.options({ baseUrl, excerptLength: 36, noWorker: true }); }
  } catch (err) {
    status.textContent = "The search index could not be loaded.";
    throw err;
  }
  // One shard at a time, the way Pagefind itself is tested.
  const eachShard = async (work) => { const out = []; for (let i = 0; i < shards.length; i++) { out.push(await work(shards[i], i)); } return out; };
  const ownTotals = await eachShard(async (s, i) => uncount(await s.filters(), Object.values(hidden[i])));
  const totals = mergeCounts(ownTotals);

  let run = 0; // the latest search; an older one that finishes late is dropped
  let stream = null; // the current search's results, in order, loaded as they are shown

  // Each search a reader commits (a filter, an order, a submitted or paused-over query) is a
  // step of the browser's history, so Back returns to the one before; the pauses of one run of
  // typing are one step between them, not one a word. Back and Forward write nothing.
  let typed = false; // the current history entry was made by typing
  function address(step) {
    const out = new URLSearchParams();
    if (box.value.trim()) { out.set("q", box.value.trim()); }
    if (sortSelect.value) { out.set("sort", sortSelect.value); }
    for (const name of names) { for (const v of chosen[name]) { out.append(name, unescape(v)); } }
    const query = out.toString();
    const target = window.location.pathname + (query ? "?" + query : "");
    const same = target === window.location.pathname + window.location.search;
    if (step === "history") { return; }
    if (step === "start" || same || (step === "typing" && typed)) {
      history.replaceState(null, "", target);
    } else { history.pushState(null, "", target); }
    typed = step === "typing" || (typed && same);
  }

  // The chosen values a shard has; null when it has none of a filter's (nothing to find
  // there, and Pagefind fails on a value its index does not hold).
  function filtersFor(shard) {
    const filters = {};
    for (const name of names) {
      if (!chosen[name].size) { continue; }
      const own = ownTotals[shard][name] || {};
      const values = [...chosen[name]].filter((v) => v in own);
      if (!values.length) { return null; }
      filters[name] = { any: values };
    }
    return filters;
  }

  // root's data-done holds the address of the last search shown in full (tests wait for it).
  const finished = () => { root.dataset.done = window.location.search; };

  async function search(step = "commit") {
    const mine = ++run;
    address(step);
    delete root.dataset.done;
    const term = box.value.trim();
    const anyFilter = names.some((name) => chosen[name].size > 0);
    if (!term && !anyFilter) {
      list.textContent = "";
      more.hidden = true;
      status.textContent = "Type a word, a name or a place, or choose a filter.";
      drawFilters(totals);
      finished();
      return;
    }
    // With no word to match, "best match" means nothing: the newest come first.
    const order = sortSelect.value || (term ? "" : "newest");
    const sort = order ? { date: order === "newest" ? "desc" : "asc" } : undefined;
    const found = await eachShard(async (s, i) => {
      const filters = filtersFor(i);
      return filters ? current(await s.search(term || null, { filters, sort }), hidden[i])
        : { results: [], filters: {} };
    });
    if (mine !== run) { return; }
    stream = order ? byDate(found.map((f) => f.results), order === "newest")
      : byScore(found.map((f) => f.results));
    const count = found.reduce((n, f) => n + f.results.length, 0);
    const how = order === "newest" ? ", newest first" : order === "oldest" ? ", oldest first" : "";
    const what = term ? ` for \u201c${term}\u201d` : "";
    status.textContent = count ? `${count} ${count === 1 ? "story" : "stories"}${what}${how}`
      : `No stories${what}${anyFilter ? " with these filters" : ""}.`;
    list.textContent = "";
    drawFilters(mergeCounts(found.map((f) => f.filters)));
    await showMore(mine);
  }

  async function showMore(mine) {
    const batch = await stream.next(pageSize);
    if (mine !== run) { return; }
    for (const data of batch) {
      const item = resultTemplate.content.firstElementChild.cloneNode(true);
      const link = item.querySelector(".search-result-link");
      link.href = data.url;
      link.textContent = data.meta.title || data.url;
      const time = document.createElement("time"); // a <time> in the template would be invalid empty
      time.dateTime = data.meta.date || "";
      time.textContent = longDate(data.meta.date);
      item.querySelector(".search-date").replaceWith(time);
      if (data.meta.dateline) {
        item.querySelector(".dateline").textContent = unescape(data.meta.dateline);
      } else { item.querySelector(".search-dateline").remove(); }
      fillExcerpt(item.querySelector(".search-excerpt"), data.excerpt, data.meta.title);
      list.append(item);
    }
    more.hidden = stream.done();
    finished();
  }

  function drawFilters(counts) {
    let any = false;
    for (const group of groups) {
      const name = group.dataset.filter;
      const values = counts[name] || {};
      const known = Object.keys(totals[name] || {});
      group.hidden = known.length === 0;
      any = any || known.length > 0;
      group.counts = values;
      const n = chosen[name].size;
      group.querySelector(".search-chosen").textContent = n ? `(${n} chosen)` : "";
      if (n) { group.open = true; }
      drawValues(group);
    }
    panel.hidden = !any;
    clear.hidden = !names.some((name) => chosen[name].size);
  }

  function drawValues(group) {
    const name = group.dataset.filter;
    const counts = group.counts || {};
    const find = bare(group.querySelector(".filter-box").value);
    // A chosen value always shows; others while they have stories among the results.
    let values = Object.keys(totals[name] || {})
      .filter((v) => chosen[name].has(v) || counts[v] > 0)
      .filter((v) => !find || bare(unescape(v)).includes(find) || chosen[name].has(v));
    values.sort(name === "year" ? (a, b) => b.localeCompare(a)
      : (a, b) => (counts[b] || 0) - (counts[a] || 0) || unescape(a).localeCompare(unescape(b)));
    const hidden = Math.max(0, values.length - SHOWN_VALUES);
    values = values.slice(0, SHOWN_VALUES);
    const ul = group.querySelector(".filter-values");
    ul.textContent = "";
    for (const v of values) {
      const item = valueTemplate.content.firstElementChild.cloneNode(true);
      const input = item.querySelector("input");
      input.name = name;
      input.value = v;
      input.checked = chosen[name].has(v);
      item.querySelector(".filter-label").textContent = unescape(v);
      item.querySelector(".count").textContent = String(counts[v] || 0);
      ul.append(item);
    }
    group.querySelector(".filter-more").textContent = hidden
      ? `${hidden} more: type in the box to find one` : (values.length ? "" : "None here.");
  }

  let timer;
  const soon = () => { clearTimeout(timer); timer = setTimeout(() => search("typing"), DEBOUNCE_MS); };
  box.addEventListener("input", soon);
  form.addEventListener("submit", (event) => { event.preventDefault(); clearTimeout(timer); search(); });
  sortSelect.addEventListener("change", () => search());
  window.addEventListener("popstate", () => { clearTimeout(timer); readAddress(); typed = false; search("history"); });
  more.addEventListener("click", () => { delete root.dataset.done; showMore(run); });
  clear.querySelector("button").addEventListener("click", () => {
    for (const name of names) { chosen[name].clear(); }
    search();
  });
  for (const group of groups) {
    group.querySelector(".filter-box").addEventListener("input", () => drawValues(group));
    group.querySelector(".filter-values").addEventListener("change", (event) => {
      const input = event.target;
      if (input.checked) { chosen[input.name].add(input.value); } else { chosen[input.name].delete(input.value); }
      search();
    });
  }
  await search("start");
}

// Filter counts of several shards, summed: {place: {Geneva: 3, ...}, ...}
function mergeCounts(all) {
  const out = {};
  for (const counts of all) {
    for (const [name, values] of Object.entries(counts || {})) {
      const into = (out[name] = out[name] || {});
      for (const [v, n] of Object.entries(values)) { into[v] = (into[v] || 0) + n; }
    }
  }
  return out;
}

// A shard's search without the old versions of pages the edits shard holds: each such result
// dropped, and its filters taken off the counts (which count the shard's results).
function current(found, hidden) {
  const old = found.results.filter((r) => r.id in hidden);
  if (!old.length) { return found; }
  return {
    results: found.results.filter((r) => !(r.id in hidden)),
    filters: uncount(found.filters, old.map((r) => hidden[r.id])),
  };
}

// Filter counts less those of some pages ({place: [Geneva, ...], ...} each); a value counted
// by none of the rest is left out, as Pagefind leaves out values a shard does not hold.
function uncount(counts, pages) {
  const out = {};
  for (const [name, values] of Object.entries(counts || {})) { out[name] = { ...values }; }
  for (const page of pages) {
    for (const [name, values] of Object.entries(page)) {
      for (const v of values) {
        if (out[name] && v in out[name] && --out[name][v] <= 0) { delete out[name][v]; }
      }
    }
  }
  return out;
}

// Results of every shard by score, as Pagefind merges indexes itself.
function byScore(lists) {
  const all = lists.flat().sort((a, b) => b.score - a.score);
  let at = 0;
  return {
    next: async (n) => { const part = all.slice(at, at += n); return Promise.all(part.map((r) => r.data())); },
    done: () => at >= all.length,
  };
}

// Each shard's results come sorted by date; merged here by their dates, loading a story's data
// only when it is the next one of its shard (a shard's first only, until shown).
function byDate(lists, newest) {
  const heads = lists.map(() => 0);
  const cache = new Map();
  const data = (r) => { if (!cache.has(r)) { cache.set(r, r.data()); } return cache.get(r); };
  const left = () => lists.some((l, i) => heads[i] < l.length);
  return {
    async next(n) {
      const out = [];
      while (out.length < n && left()) {
        const open = lists.map((l, i) => i).filter((i) => heads[i] < lists[i].length);
        const firsts = await Promise.all(open.map((i) => data(lists[i][heads[i]])));
        let best = 0;
        for (let k = 1; k < open.length; k++) {
          const a = firsts[k].meta.date || "", b = firsts[best].meta.date || "";
          if (newest ? a > b : a < b) { best = k; }
        }
        out.push(firsts[best]);
        heads[open[best]] += 1;
      }
      return out;
    },
    done: () => !left(),
  };
}

const searchRoot = document.getElementById("search");
if (searchRoot) { start(searchRoot); }
