/* Search with Pagefind (the index generator/pages/search_records.py builds into pagefind/), in the header's
   box on every page and on the search page. Text is text: every value from the index lands as a
   DOM text node, never as HTML; the words a query matched are wrapped in <mark> by splitting the
   text, not by trusting Pagefind's HTML excerpt (in a cited paragraph, the words Pagefind
   found, by their positions). The cited paragraphs are a second index (pagefind/paragraphs/),
   searched after the first, so their results come below the statements'. A big index comes in
   shards (generator/publish/pagefind.py): the first shard's results are shown while every
   shard is searched, then replaced by every shard's, merged by score. Loaded only when the box
   is first used. */
(() => {
  "use strict";

  const HEADER_LIMIT = 8;
  const SAID_FIRST = 3; // a named speaker's statements shown before their own page
  const DEBOUNCE_MS = 90;
  const WINDOW = 220; // characters of long words shown around the first match
  const PARAGRAPH_WORDS = 32; // words of a cited paragraph shown around the first match
  const PARAGRAPH = "Source paragraph"; // the type of a cited paragraph's record
  // Addresses as the index holds them ("/" and the hex folder), whatever the site's path.
  const OPTIONS = { excerptLength: 24, baseUrl: "/" };
  // Words that frame a question ("what did … say about …") rather than what it is about.
  const FRAMING = new Set(
    ("a about according after against all an and any are as at be been before by can could did " +
     "do does doing for from had has have he her his how i if in into is it its me my of on or " +
     "our say saying says said she should so state stated tell telling tells than that the their " +
     "them they think thinks thought this to told was we were what when where which who whom " +
     "why will with would you your").split(" "));

  const config = JSON.parse(document.getElementById("__config")?.textContent || "{}");
  const base = new URL((config.base || ".").replace(/\/?$/, "/"), document.baseURI); // the 404 page sets <base>
  let engine = null;

  const json = async (path) => (await fetch(new URL(path, base))).json();

  /* Pagefind with the index's first shard, the names queries are read against (names.json:
     small, unlike Pagefind's filter lists, which a search by filter loads whole; each name with
     whether it speaks and the Pagefind id of its own record) and the index's other shards,
     loaded once, on first use: Pagefind starts loading its files then, while the reader types. */
  function load() {
    engine ??= (async () => {
      const pagefind = await import(new URL("pagefind/pagefind.js", base).href);
      await pagefind.options(OPTIONS);
      pagefind.init(); // its files load now, while the reader types, not at the first search
      const [listed, shards] = await Promise.all([json("pagefind/names.json"), json("pagefind/shards.json")]);
      const names = listed.map(([name]) => name);
      const speakers = new Set(listed.filter(([, speaks]) => speaks).map(([name]) => name));
      const pages = new Map(listed.filter(([, , id]) => id).map(([name, , id]) => [name, id]));
      return { pagefind, shards, speakers, names, pages, all: null };
    })();
    return engine;
  }

  /* A Pagefind of every shard of the index in `folder` (the first's Pagefind, `first`, and the
     others merged into it: Pagefind merges their results by score and their filters). */
  async function merged(first, folder, shards, options) {
    await Promise.all(shards.map((shard) => first.mergeIndex(new URL(`${folder}${shard}/`, base).href, options)));
    return first;
  }

  /* Every shard of the index, made on first use, after the first shard's results: the
     Pagefind and the first shard's files it loads again come from the browser's cache. */
  function everyShard(loaded) {
    if (!loaded.shards.length) return Promise.resolve(loaded.pagefind);
    loaded.all ??= (async () => {
      const all = loaded.pagefind.createInstance({ basePath: new URL("pagefind/", base).href });
      await all.options(OPTIONS);
      return merged(all, "pagefind/", loaded.shards, OPTIONS);
    })();
    return loaded.all;
  }

  /* The cited paragraphs' index: its own Pagefind (a module of its own address), loaded on its
     first use, after the first results; null where the story has none. */
  let paragraphEngine = null;
  function loadParagraphs() {
    paragraphEngine ??= (async () => {
      const pagefind = await import(new URL("pagefind/paragraphs/pagefind.js", base).href);
      const options = { excerptLength: PARAGRAPH_WORDS, baseUrl: "/" };
      await pagefind.options(options);
      return merged(pagefind, "pagefind/paragraphs/", await json("pagefind/paragraphs/shards.json"), options);
    })().catch(() => null);
    return paragraphEngine;
  }

  /* The cited paragraphs with every word, when the filters chosen leave room for them: none
     but the type, and that one theirs. */
  async function paragraphs(words, chosen) {
    const keys = Object.keys(chosen);
    if (!words.length || keys.some((k) => k !== "type") || (chosen.type && chosen.type !== PARAGRAPH)) return [];
    const pagefind = await loadParagraphs();
    return (await pagefind?.search(words.join(" ")))?.results || [];
  }

  /* A record's address, which the index holds as its page's folder name in hex
     (generator/publish/pagefind.py, address_folder). */
  function address(url) {
    const code = (url || "").split("/").join("");
    if (code === "00" || !/^(?:[0-9a-f]{2})+$/.test(code)) return "";
    return new TextDecoder().decode(Uint8Array.from(code.match(/../g), (h) => parseInt(h, 16)));
  }

  /* What a result shows: what it is found by (Pagefind's meta) and what it only shows (the
     `shown-…` filters: its outlet and date, an uncertain attribution, a paragraph's place). */
  function view(data) {
    const shown = {};
    for (const [key, values] of Object.entries(data.filters || {})) {
      if (key.startsWith("shown-")) shown[key.slice(6)] = values[0];
    }
    const type = data.filters?.type?.[0] || "";
    const meta = data.meta || {};
    const one = {
      href: address(data.url),
      type,
      kind: data.filters?.kind?.[0] || "",
      title: shown.title || meta.title || "",
      words: meta.words || "",
      date: shown.date || "",
      source: shown.source || "",
      status: shown.status || "",
      speakers: type === "Statement" && !shown.title ? (meta.title || "").split(", ") : [],
    };
    if (type === PARAGRAPH) {
      one.title = `In ${shown.source}, ¶${shown.paragraph}`;
      one.source = "";
      one.found = foundWords(data);
    }
    return one;
  }

  /* A cited paragraph's words around the first Pagefind found, with the positions it found
     them at (stems and all), as [text, marked] pieces. */
  function foundWords(data) {
    const all = (data.content || "").split(/\s+/).filter(Boolean);
    // Pagefind ends each block it reads with a full stop: not the source's.
    const last = all.length - 1;
    if (last >= 0 && /[.!?;:"”’')\]]\.$/u.test(all[last])) all[last] = all[last].slice(0, -1);
    const at = new Set(data.locations || []);
    const first = Math.min(...(data.locations?.length ? data.locations : [0]));
    const start = Math.max(0, first - Math.floor(PARAGRAPH_WORDS / 4));
    const end = Math.min(all.length, start + PARAGRAPH_WORDS);
    const pieces = [];
    if (start > 0) pieces.push(["… ", false]);
    for (let i = start; i < end; i++) pieces.push([(i > start ? " " : ""), false], [all[i], at.has(i)]);
    if (end < all.length) pieces.push([" …", false]);
    return pieces;
  }

  function tokens(text) {
    const found = text.toLowerCase().normalize("NFC").match(/[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu) || [];
    return found.map((t) => t.replace(/['’]s$/u, ""));
  }

  function distance(a, b) {
    if (Math.abs(a.length - b.length) > 2) return 3;
    let row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      const next = [i];
      for (let j = 1; j <= b.length; j++) {
        next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      }
      row = next;
    }
    return row[b.length];
  }

  /* A word as a name: itself if some name has it, else the nearest name word (one letter off
     for short words, two for long ones), so a misspelt name still finds the person. */
  function asName(word, nameWords) {
    if (nameWords.has(word)) return word;
    const allowed = word.length >= 7 ? 2 : word.length >= 4 ? 1 : 0;
    let best = null;
    let bestDistance = allowed + 1;
    for (const candidate of nameWords) {
      const d = distance(word, candidate);
      if (d < bestDistance) [best, bestDistance] = [candidate, d];
    }
    return best;
  }

  /* What a query asks: its words without the question's framing, and the speakers it names
     (whose words come first). With `fuzzy`, a word one or two letters from a name's word is
     read as that name: only when the query also names someone exactly, or finds nothing as
     typed, so that an ordinary word near a name keeps its meaning. */
  function understand(query, names, fuzzy) {
    const all = tokens(query);
    const kept = all.filter((t) => !FRAMING.has(t));
    const typed = kept.length ? kept : all;
    const nameWords = new Set(names.flatMap(tokens));
    const words = fuzzy ? typed.map((w) => asName(w, nameWords) || w) : typed;
    const scored = names
      .map((name) => [name, new Set(tokens(name))])
      .map(([name, parts]) => [name, parts, words.filter((w) => parts.has(w)).length]);
    const top = Math.max(0, ...scored.map(([, , n]) => n));
    const speakers = top ? scored.filter(([, , n]) => n === top) : [];
    const used = new Set(speakers.flatMap(([, parts]) => [...parts]));
    const rest = words.filter((w) => !used.has(w));
    const exact = typed.some((w) => nameWords.has(w));
    return { words, speakers: speakers.map(([name]) => name), rest, exact };
  }

  /* The records with every word of the query (a speaker's name is among the words their
     statements are found by), without any filter unless the reader chose one. */
  async function found(pagefind, words, chosen) {
    const options = Object.keys(chosen).length ? { filters: chosen } : {};
    return (await pagefind.search(words.join(" "), options))?.results || [];
  }

  /* The results of `query` in `pagefind` (the first shard or every shard of the index). */
  async function search(loaded, pagefind, query, chosen = {}) {
    const { speakers, names, pages } = loaded;
    let asked = understand(query, names, false);
    if (!asked.words.length && Object.keys(chosen).length) {
      // No words, a filter chosen: every record it narrows to ("all statements by …").
      const all = (await pagefind.search(null, { filters: chosen }))?.results || [];
      return { results: all, words: [], speakers: [], named: [] };
    }
    if (!asked.words.length) return { results: [], words: [], speakers: [], named: [] };
    if (asked.exact) asked = understand(query, names, true);
    let results = await found(pagefind, asked.words, chosen);
    if (!results.length && !asked.exact) {
      asked = understand(query, names, true);
      results = await found(pagefind, asked.words, chosen);
    }
    if (!results.length && asked.words.length > 1) {
      // No record has every word: each word alone, best first.
      const each = await Promise.all(asked.words.map((w) => found(pagefind, [w], chosen)));
      const seen = new Set();
      results = each.flat().sort((a, b) => b.score - a.score).filter((r) => !seen.has(r.id) && seen.add(r.id));
    }
    const named = asked.speakers; // every name the query is, speaker or not
    if (named.length && results.length) {
      // The page of whoever the query names first, wherever the index ranks it among their
      // mentions (their name's words find it too, unless a filter chosen leaves it out).
      const ids = new Set(named.map((name) => pages.get(name)).filter(Boolean));
      const own = results.filter((r) => ids.has(r.id));
      results = [...own, ...results.filter((r) => !ids.has(r.id))];
    }
    return { results, words: asked.words, speakers: named.filter((s) => speakers.has(s)), named };
  }

  /* A named speaker's own words first (the first few), then the page of whoever the query names,
     then the rest. */
  function ordered(shown, speakers, named = speakers) {
    if (!named.length) return shown;
    const theirs = (d) => d.speakers.some((n) => speakers.includes(n));
    const said = shown.filter(theirs);
    const own = shown.filter((d) => !theirs(d) && named.includes(d.title));
    const others = shown.filter((d) => !theirs(d) && !own.includes(d));
    return [...said.slice(0, SAID_FIRST), ...own, ...others, ...said.slice(SAID_FIRST)];
  }

  /* `text` as nodes, with each word starting with a query word marked. */
  function marked(text, words) {
    const out = document.createDocumentFragment();
    const escaped = words.filter(Boolean).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
    if (!escaped.length) {
      out.append(text);
      return out;
    }
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join("|")})[\\p{L}\\p{N}]*`, "giu");
    let at = 0;
    for (const match of text.matchAll(pattern)) {
      out.append(text.slice(at, match.index));
      const mark = document.createElement("mark");
      mark.textContent = match[0];
      out.append(mark);
      at = match.index + match[0].length;
    }
    out.append(text.slice(at));
    return out;
  }

  /* Long words shown around their first match, cut at spaces, with ellipses where cut. */
  function around(text, words) {
    if (text.length <= WINDOW) return text;
    const lower = text.toLowerCase();
    const hits = words.map((w) => lower.indexOf(w)).filter((i) => i >= 0);
    const first = hits.length ? Math.min(...hits) : 0;
    let start = Math.max(0, first - WINDOW / 3);
    let end = Math.min(text.length, start + WINDOW);
    if (start > 0) start = text.indexOf(" ", start) + 1 || start;
    if (end < text.length) end = text.lastIndexOf(" ", end) > start ? text.lastIndexOf(" ", end) : end;
    return (start > 0 ? "… " : "") + text.slice(start, end) + (end < text.length ? " …" : "");
  }

  function resultItem(one, words, full) {
    const item = document.createElement("li");
    item.className = "md-search-result__item xp-result" + (one.type === PARAGRAPH ? " xp-result--paragraph" : "");
    const link = document.createElement("a");
    link.className = "md-search-result__link xp-result__link";
    link.href = base.pathname + one.href; // the record's address from the site root
    const head = document.createElement("div");
    head.className = "xp-result__head";
    const title = document.createElement("span");
    title.className = "xp-result__title";
    title.append(one.type === PARAGRAPH ? one.title : marked(one.title, words));
    const badge = document.createElement("span");
    const kind = one.kind || one.type;
    badge.className = "xp-result__kind" + (one.kind ? ` xp-result__kind--${one.kind === "Direct quote" ? "direct" : "reported"}` : "");
    badge.textContent = kind;
    head.append(title, " ", badge);
    link.append(head);
    if (one.found) {
      const body = document.createElement("p");
      body.className = "xp-result__words";
      for (const [text, hit] of one.found) {
        if (!hit) {
          body.append(text);
          continue;
        }
        const mark = document.createElement("mark");
        mark.textContent = text;
        body.append(mark);
      }
      link.append(body);
    }
    const text = one.found ? "" : full ? one.words : around(one.words, words);
    if (text) {
      const body = document.createElement(one.kind === "Direct quote" ? "q" : "p");
      body.className = "xp-result__words";
      body.append(marked(text, words));
      link.append(body);
    }
    const about = [one.status, one.source, one.date].filter(Boolean).join(" · ");
    if (about) {
      const line = document.createElement("p");
      line.className = "xp-result__about";
      line.textContent = about;
      link.append(line);
    }
    item.append(link);
    return item;
  }

  function count(n) {
    return n === 0 ? "No results" : n === 1 ? "1 result" : `${n} results`;
  }

  /* Shows the results of `query` in `list`, newest query wins: the records first (on a
     sharded index, the first shard's while every shard is searched, then every shard's), then
     the cited paragraphs with the same words below them. With no words, every record the
     filters chosen narrow to. */
  function searcher(list, status, limit, full) {
    let latest = 0;
    // The results in the list; false when a newer query came meanwhile.
    const showing = async (asked, { results, words, speakers, named }) => {
      // A few more than are shown, so that a named speaker's words can be put first.
      const extra = speakers.length ? SAID_FIRST * 2 : 0;
      const loaded = (await Promise.all(results.slice(0, limit + extra).map((r) => r.data()))).map(view);
      if (asked !== latest) return false;
      list.replaceChildren(...ordered(loaded, speakers, named).slice(0, limit).map((d) => resultItem(d, words, full)));
      return true;
    };
    return async (query, chosen = {}) => {
      const asked = ++latest;
      if (!query.trim() && !Object.keys(chosen).length) {
        list.replaceChildren();
        status.textContent = "Type to search";
        delete list.dataset.shown;
        return;
      }
      const loaded = await load();
      let answer = await search(loaded, loaded.pagefind, query, chosen);
      if (loaded.shards.length) {
        // The first shard's results first: Pagefind's time grows with the records a word
        // matches, and the first shard holds a like share of them.
        if (answer.results.length && !(await showing(asked, answer))) return;
        answer = await search(loaded, await everyShard(loaded), query, chosen);
      }
      if (!(await showing(asked, answer))) return;
      const { results, words } = answer;
      const shown = list.children.length;
      if (results.length) status.textContent = count(results.length); // paragraphs counted next
      const more = await paragraphs(words, chosen);
      const room = Math.max(0, limit - shown);
      const cited = (await Promise.all(more.slice(0, room).map((r) => r.data()))).map(view);
      if (asked !== latest) return;
      list.append(...cited.map((d) => resultItem(d, words, full)));
      status.textContent = count(results.length + more.length);
      list.dataset.shown = query; // which query the list answers (tests wait for it)
    };
  }

  function debounced(run) {
    let timer = 0;
    return (...args) => {
      clearTimeout(timer);
      timer = setTimeout(() => run(...args), DEBOUNCE_MS);
    };
  }

  /* The header's box: `/` or `s` focuses it, Escape closes it, arrows move through results. */
  function header() {
    const root = document.querySelector("[data-xp-search]");
    if (!root) return;
    const toggle = document.getElementById("__search");
    const input = root.querySelector("input[name=q]");
    const list = root.querySelector("[data-xp-results]");
    const status = root.querySelector("[data-xp-count]");
    const show = searcher(list, status, HEADER_LIMIT, false);
    const later = debounced(show);
    const open = (on) => {
      if (toggle && toggle.checked !== on) toggle.checked = on;
    };
    input.addEventListener("focus", () => {
      open(true);
      load().catch(() => { status.textContent = "Search is not available here"; });
    });
    input.addEventListener("input", () => later(input.value));
    root.querySelector("button[type=reset]")?.addEventListener("click", () => {
      list.replaceChildren();
      status.textContent = "Type to search";
      input.focus();
    });
    toggle?.addEventListener("change", () => {
      // On a phone the box slides in: it takes focus once it is visible.
      if (toggle.checked) for (const wait of [0, 150, 300]) setTimeout(() => toggle.checked && input.focus(), wait);
    });
    const links = () => [...list.querySelectorAll("a")];
    root.addEventListener("keydown", (event) => {
      const all = links();
      const at = all.indexOf(document.activeElement);
      if (event.key === "Escape") {
        open(false);
        input.blur();
        event.preventDefault();
      } else if (event.key === "ArrowDown" && all.length) {
        all[Math.min(at + 1, all.length - 1)].focus();
        event.preventDefault();
      } else if (event.key === "ArrowUp" && at >= 0) {
        (at === 0 ? input : all[at - 1]).focus();
        event.preventDefault();
      }
    });
    document.addEventListener("keydown", (event) => {
      const target = event.target;
      const typing = target instanceof HTMLElement &&
        (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
      if (typing || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key === "/" || event.key === "s" || event.key === "S") {
        event.preventDefault();
        open(true);
        input.focus();
      }
    });
    document.addEventListener("click", (event) => {
      // A click on the toggle's label also clicks the toggle itself: neither closes the box.
      const target = event.target;
      if (!toggle?.checked || target === toggle || root.contains(target)) return;
      if (!target.closest?.("label[for=__search]")) open(false);
    });
  }

  /* The search page: every result of ?q=, narrowed by the filters chosen. */
  async function page() {
    const root = document.querySelector("[data-xp-search-page]");
    if (!root) return;
    const input = root.querySelector("input[name=q]");
    const list = root.querySelector("[data-xp-results]");
    const status = root.querySelector("[data-xp-count]");
    const box = root.querySelector("[data-xp-filters]");
    // On a phone the filters fold under one button (search.css shows it there only).
    const fold = root.querySelector("[data-xp-filter-toggle]");
    fold?.addEventListener("click", () => {
      const open = fold.getAttribute("aria-expanded") !== "true";
      fold.setAttribute("aria-expanded", String(open));
      box.classList.toggle("xp-search-page__filters--open", open);
    });
    const params = new URLSearchParams(location.search);
    input.value = params.get("q") || "";
    const show = searcher(list, status, 100, true);
    const loaded = await load();
    // The results of the address's query come first; the filter lists (big on a big story)
    // after them, unless the address already narrows by one.
    const narrowed = Object.keys(labelsOf()).some((key) => params.get(key));
    if (input.value && !narrowed) await show(input.value, {});
    const filters = await (await everyShard(loaded)).filters();
    const labels = labelsOf();
    const selects = {};
    for (const [key, label] of Object.entries(labels)) {
      const values = Object.keys(filters[key] || {}).sort((a, b) => a.localeCompare(b));
      let select = box.querySelector(`select[name="${key}"]`);
      if (!values.length) {
        select?.closest("label")?.remove();
        continue;
      }
      if (!select) {
        const wrap = document.createElement("label");
        wrap.className = "xp-search-page__filter";
        wrap.append(label + " ");
        select = document.createElement("select");
        select.name = key;
        select.append(new Option("Any", ""));
        wrap.append(select);
        box.append(wrap);
      }
      for (const value of values) select.append(new Option(value, value, false, value === params.get(key)));
      selects[key] = select;
    }
    const chosen = () => Object.fromEntries(
      Object.entries(selects).filter(([, s]) => s.value).map(([k, s]) => [k, s.value]));
    const run = () => {
      const url = new URL(location.href);
      url.search = new URLSearchParams({ q: input.value, ...chosen() }).toString();
      history.replaceState(null, "", url);
      return show(input.value, chosen());
    };
    const later = debounced(run);
    input.addEventListener("input", later);
    box.addEventListener("change", run);
    root.querySelector("form").addEventListener("submit", (event) => {
      event.preventDefault();
      run();
    });
    if (narrowed) await run(); // words or none: a filter in the address browses by it
  }

  function labelsOf() {
    return { speaker: "Speaker", country: "Country", kind: "Kind", topic: "Topic", type: "Result" };
  }

  header();
  page().catch(() => {
    const status = document.querySelector("[data-xp-search-page] [data-xp-count]");
    if (status) status.textContent = "Search is not available here";
  });
})();
