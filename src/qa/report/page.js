// sitelift report: renders the records embedded as JSON a page at a time, filters them as you type, and shows
// one record's fields, provenance and body on click. Record text is only ever set as text; bodies go through an
// allowlist again before they are shown, and images become links so nothing is fetched.
(function () {
  'use strict';
  var C = { id: 0, url: 1, title: 2, published: 3, author: 4, editor: 5, source: 6, category: 7, html: 8,
            provenance: 9, attachments: 10, images: 11, warnings: 12, encoding: 13, path: 14 };
  var PAGE = 100;
  // The interface's words (the report's language): templates whose {name}s are filled in here.
  var T = JSON.parse(document.getElementById('words').textContent);
  function fmt(text, values) {
    return text.replace(/\{(\w+)\}/g, function (m, k) { return k in values ? String(values[k]) : m; });
  }
  function label(field) { return T.fields[field] || field; }
  var rows = JSON.parse(document.getElementById('rows').textContent);
  var hay = rows.map(function (r) {
    return [r[C.title], r[C.url], r[C.published], r[C.source], r[C.author], r[C.editor], r[C.category],
            r[C.path], r[C.id]].filter(Boolean).join('\n').toLowerCase();
  });
  var table = document.getElementById('records-table');
  var tbody = table.tBodies[0];
  var input = document.getElementById('filter');
  var shown = document.getElementById('shown');
  var pageLabel = document.getElementById('page');
  var prev = document.getElementById('prev');
  var next = document.getElementById('next');
  var matching = rows.map(function (_, i) { return i; });
  var page = 0;

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }

  function safeHref(h) {
    return /^(https?:|mailto:|\/|#)/i.test(String(h || '').trim());
  }

  function link(url, text) {
    if (!safeHref(url)) return el('span', text || url);
    var a = el('a', text || url);
    a.href = url;
    a.target = '_blank';
    a.rel = 'noopener noreferrer';
    return a;
  }

  var ALLOWED = { P: 1, BR: 1, H2: 1, H3: 1, H4: 1, H5: 1, H6: 1, UL: 1, OL: 1, LI: 1, BLOCKQUOTE: 1, PRE: 1,
                  TABLE: 1, THEAD: 1, TBODY: 1, TR: 1, TD: 1, TH: 1, STRONG: 1, EM: 1, U: 1, SUB: 1, SUP: 1, A: 1 };

  // The body, parsed in an inert template, checked against the allowlist, images turned into links.
  function renderBody(html) {
    var t = document.createElement('template');
    t.innerHTML = html || '';
    (function clean(node) {
      Array.prototype.slice.call(node.childNodes).forEach(function (n) {
        if (n.nodeType === 3) return;
        if (n.nodeType !== 1) { n.remove(); return; }
        if (n.tagName === 'IMG') {
          var src = n.getAttribute('src') || '';
          var ph = el('span', T.image + ' ' + (n.getAttribute('alt') || '') + ' ', 'img-placeholder');
          ph.appendChild(link(src, src));
          n.replaceWith(ph);
          return;
        }
        if (!ALLOWED[n.tagName]) {
          if (/^(SCRIPT|STYLE|IFRAME|OBJECT|EMBED|TEMPLATE|SVG|MATH)$/.test(n.tagName)) { n.remove(); return; }
          clean(n);
          n.replaceWith.apply(n, Array.prototype.slice.call(n.childNodes));
          return;
        }
        Array.prototype.slice.call(n.attributes).forEach(function (a) {
          if (!(n.tagName === 'A' && a.name === 'href' && safeHref(a.value))) n.removeAttribute(a.name);
        });
        if (n.tagName === 'A') { n.target = '_blank'; n.rel = 'noopener noreferrer'; }
        clean(n);
      });
    })(t.content);
    var div = el('div', null, 'body');
    div.appendChild(document.importNode(t.content, true));
    return div;
  }

  function details(r) {
    var box = document.createElement('div');
    box.className = 'detail';
    var dl = document.createElement('dl');
    function field(name, value) {
      dl.appendChild(el('dt', name));
      var dd = el('dd');
      if (value instanceof Node) dd.appendChild(value); else dd.textContent = value === null || value === undefined || value === '' ? '—' : value;
      dl.appendChild(dd);
    }
    field(label('url'), r[C.url] ? link(r[C.url]) : null);
    field(label('source_path'), r[C.path]);
    field(label('id'), r[C.id]);
    ['title', 'published', 'author', 'editor', 'source', 'category'].forEach(function (k) { field(label(k), r[C[k]]); });
    var enc = r[C.encoding] || {};
    field(label('encoding'), fmt(T.encoding, { declared: enc.declared || T.nothing, used: enc.used,
                                              by: T.decodedBy[enc.by] || enc.by, replacements: enc.replacements }));
    var att = el('div');
    (r[C.attachments] || []).forEach(function (a) {
      var line = el('div');
      line.appendChild(link(a.url, a.name || a.url));
      att.appendChild(line);
    });
    field(label('attachments'), (r[C.attachments] || []).length ? att : null);
    var imgs = el('div');
    (r[C.images] || []).forEach(function (i) {
      var line = el('div', (i.alt || T.noAlt) + ' ');
      line.appendChild(link(i.url));
      imgs.appendChild(line);
    });
    field(label('images'), (r[C.images] || []).length ? imgs : null);
    field(label('warnings'), (r[C.warnings] || []).join('; '));
    box.appendChild(dl);
    box.appendChild(el('h3', label('provenance')));
    var prov = document.createElement('table');
    Object.keys(r[C.provenance] || {}).forEach(function (k) {
      var tr = document.createElement('tr');
      tr.appendChild(el('td', label(k)));
      tr.appendChild(el('td', r[C.provenance][k]));
      prov.appendChild(tr);
    });
    box.appendChild(prov);
    box.appendChild(el('h3', T.body));
    box.appendChild(renderBody(r[C.html]));
    return box;
  }

  function toggle(tr, i) {
    var after = tr.nextSibling;
    if (after && after.classList && after.classList.contains('detail')) {
      after.remove();
      tr.classList.remove('open');
      return;
    }
    var d = document.createElement('tr');
    d.className = 'detail';
    var td = document.createElement('td');
    td.colSpan = 7;
    td.appendChild(details(rows[i]));
    d.appendChild(td);
    tr.parentNode.insertBefore(d, tr.nextSibling);
    tr.classList.add('open');
  }

  function render() {
    var pages = Math.max(1, Math.ceil(matching.length / PAGE));
    page = Math.min(page, pages - 1);
    var start = page * PAGE;
    var frag = document.createDocumentFragment();
    matching.slice(start, start + PAGE).forEach(function (i) {
      var r = rows[i];
      var tr = document.createElement('tr');
      tr.className = 'row';
      tr.tabIndex = 0;
      tr.appendChild(el('td', r[C.title] || r[C.url] || r[C.path] || r[C.id], 'title'));
      [C.published, C.source, C.author, C.editor, C.category].forEach(function (c) { tr.appendChild(el('td', r[c])); });
      tr.appendChild(el('td', (r[C.warnings] || []).length || '', 'num'));
      tr.addEventListener('click', function () { toggle(tr, i); });
      tr.addEventListener('keydown', function (e) { if (e.key === 'Enter') toggle(tr, i); });
      frag.appendChild(tr);
    });
    tbody.replaceChildren(frag);
    var visible = Math.min(PAGE, Math.max(0, matching.length - start));
    table.setAttribute('data-visible', String(visible));
    table.setAttribute('data-matching', String(matching.length));
    shown.textContent = fmt(T.shown, { matching: matching.length, total: rows.length }) +
      (matching.length > PAGE ? fmt(T.showing, { from: start + 1, to: start + visible }) : '');
    pageLabel.textContent = fmt(T.page, { page: page + 1, pages: pages });
    prev.disabled = page === 0;
    next.disabled = page >= pages - 1;
  }

  function applyFilter() {
    var terms = input.value.toLowerCase().split(/\s+/).filter(Boolean);
    matching = [];
    for (var i = 0; i < rows.length; i++) {
      var h = hay[i], ok = true;
      for (var t = 0; t < terms.length && ok; t++) ok = h.indexOf(terms[t]) !== -1;
      if (ok) matching.push(i);
    }
    page = 0;
    render();
  }

  var timer = null;
  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(applyFilter, rows.length > 5000 ? 150 : 0);
  });
  prev.addEventListener('click', function () { page--; render(); });
  next.addEventListener('click', function () { page++; render(); });
  // ?filter=… opens the report filtered (a link QA can share).
  var q = new URLSearchParams(location.search).get('filter');
  if (q) { input.value = q; applyFilter(); } else { render(); }
})();
