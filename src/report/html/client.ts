/**
 * The report's only script, inlined into the page and allowed by the CSP through its sha256 hash. Plain ES2019,
 * no framework, no data of its own: it reads everything from the markup (data-p passage numbers, data-q pair
 * ids, data-s sentence indices, the map's rects), so it never touches article text except to scroll and mark.
 * Keep it free of the sequence "</script" (the page test checks).
 */
export const CLIENT_SCRIPT = String.raw`(function () {
  'use strict';
  var doc = document;
  var src = doc.getElementById('src');
  var cand = doc.getElementById('cand');
  var mapEl = doc.getElementById('map');
  var readout = doc.getElementById('map-readout');
  var passages = Number(doc.body.getAttribute('data-passages')) || 0;
  var pairs = Number(doc.body.getAttribute('data-pairs')) || 0;
  var reduce = !!(window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches);
  var current = 0;
  var currentPair = -1;
  var marked = { sel: [], cur: [], flash: [], hov: [], pick: [] };

  function list(nodes) { return Array.prototype.slice.call(nodes); }
  function other(col) { return col === src ? cand : src; }
  function pairEls(col, id) { return list(col.querySelectorAll('[data-q~="' + id + '"]')); }
  function passageEls(col, n) { return list(col.querySelectorAll('[data-p~="' + n + '"]')); }
  function firstOf(col, n) { return col.querySelector('[data-n~="' + n + '"]'); }

  function setMark(name, els) {
    marked[name].forEach(function (el) { el.classList.remove(name); });
    marked[name] = els;
    els.forEach(function (el) { el.classList.add(name); });
  }
  function flash(els) {
    setMark('flash', []);
    if (els.length) void els[0].offsetWidth;
    setMark('flash', els);
  }
  // Scroll one column (not the window) so the element sits a third of the way down, unless it is already well in
  // view; columns scroll separately so that both can show their halves of a match at once. Paragraphs off screen
  // are laid out only when shown (content-visibility), which can move the target while scrolling: once the scroll
  // ends, check again and correct, at most twice.
  function reveal(col, el, attempt) {
    if (!el) return;
    attempt = attempt || 0;
    col.__target = el;
    var box = col.getBoundingClientRect();
    var at = el.getBoundingClientRect();
    if (at.top >= box.top + 24 && at.bottom <= box.bottom - 24) return;
    var top = at.top - box.top + col.scrollTop - col.clientHeight / 3;
    var smooth = !reduce && attempt === 0;
    col.scrollTo({ top: Math.max(0, top), behavior: smooth ? 'smooth' : 'auto' });
    if (attempt >= 2) return;
    var done = false;
    var again = function () {
      if (done) return;
      done = true;
      col.removeEventListener('scrollend', again);
      if (col.__target === el) window.requestAnimationFrame(function () { reveal(col, el, attempt + 1); });
    };
    if (smooth && 'onscrollend' in window) col.addEventListener('scrollend', again);
    window.setTimeout(again, smooth ? 1200 : 60);
  }
  function passageOf(el) {
    var p = el && el.getAttribute('data-p');
    return p ? Number(p.split(' ')[0]) : 0;
  }
  function setCurrent(n) {
    current = n;
    setMark('cur', n ? passageEls(src, n).concat(passageEls(cand, n)) : []);
  }

  // Show passage n on both sides; focus goes to its start on the candidate side (the text being checked).
  function gotoPassage(n, from) {
    if (!n) return;
    setCurrent(n);
    var a = firstOf(src, n);
    var b = firstOf(cand, n);
    if (from !== src) reveal(src, a);
    if (from !== cand) reveal(cand, b);
    flash(from === cand ? passageEls(src, n) : from === src ? passageEls(cand, n) : [a, b].filter(Boolean));
    var focus = from === src ? a : b;
    if (focus) focus.focus({ preventScroll: true });
  }

  // Link the sentence pairs under a clicked element to their counterparts on the other side.
  function gotoPairs(ids, from, passage) {
    var to = other(from);
    var there = [];
    var here = [];
    ids.forEach(function (id) { there = there.concat(pairEls(to, id)); here = here.concat(pairEls(from, id)); });
    currentPair = Number(ids[0]);
    setCurrent(passage);
    setMark('sel', here.concat(there));
    reveal(to, there[0]);
    flash(there);
  }

  function gotoPair(id) {
    var a = pairEls(src, id);
    var b = pairEls(cand, id);
    if (!b.length) return;
    currentPair = id;
    setCurrent(passageOf(b[0]));
    setMark('sel', a.concat(b));
    reveal(src, a[0]);
    reveal(cand, b[0]);
    flash(a.concat(b));
    b[0].focus && b[0].hasAttribute('tabindex') && b[0].focus({ preventScroll: true });
  }

  function onColumnClick(e) {
    var col = e.currentTarget;
    var sel = window.getSelection && window.getSelection();
    if (sel && String(sel).length > 0) return; // selecting text to copy, not navigating
    var el = e.target && e.target.closest ? e.target.closest('mark') : null;
    if (!el || !col.contains(el)) return;
    var q = el.getAttribute('data-q');
    if (q) gotoPairs(q.split(' '), col, passageOf(el));
    else gotoPassage(passageOf(el), col);
  }
  var hovered = null;
  function onColumnOver(e) {
    var el = e.target && e.target.closest ? e.target.closest('mark[data-q]') : null;
    var q = el ? el.getAttribute('data-q') : null;
    if (q === hovered) return;
    hovered = q;
    var els = [];
    if (q) q.split(' ').forEach(function (id) { els = els.concat(pairEls(src, id), pairEls(cand, id)); });
    setMark('hov', els);
  }
  [src, cand].forEach(function (col) {
    col.addEventListener('click', onColumnClick);
    col.addEventListener('mouseover', onColumnOver);
    col.addEventListener('mouseleave', function () { hovered = null; setMark('hov', []); });
  });

  doc.addEventListener('keydown', function (e) {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
    var t = e.target;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
    if (e.key === 'n' && passages) gotoPassage(current >= passages ? 1 : current + 1, null);
    else if (e.key === 'p' && passages) gotoPassage(current <= 1 ? passages : current - 1, null);
    else if (e.key === ']' && pairs) gotoPair(currentPair + 1 >= pairs ? 0 : currentPair + 1);
    else if (e.key === '[' && pairs) gotoPair(currentPair <= 0 ? pairs - 1 : currentPair - 1);
    else if (e.key === 'Escape') { setMark('sel', []); setMark('pick', []); setCurrent(0); }
    else return;
    e.preventDefault();
  });

  list(doc.querySelectorAll('[data-goto]')).forEach(function (b) {
    b.addEventListener('click', function () { gotoPassage(Number(b.getAttribute('data-goto')), null); });
  });

  // Alignment map: the nearest dot to the pointer (cells can be smaller than a pixel on long texts).
  if (mapEl) {
    var ns = Number(mapEl.getAttribute('data-ns'));
    var nc = Number(mapEl.getAttribute('data-nc'));
    var pick = doc.getElementById('map-pick');
    var inset = (1 - Number(pick.getAttribute('width'))) / 2;
    var cells = (mapEl.getAttribute('data-cells') || '').split(' ').filter(Boolean).map(function (t) {
      var f = t.split(',');
      return { s: Number(f[0]), c: Number(f[1]), v: (Number(f[2]) / 100).toFixed(2), p: Number(f[3]) };
    });
    var idle = readout ? readout.textContent : '';
    var nearest = function (e) {
      var box = mapEl.getBoundingClientRect();
      var x = ((e.clientX - box.left) / box.width) * ns - 0.5;
      var y = ((e.clientY - box.top) / box.height) * nc - 0.5;
      var reach = Math.max(1.5, (6 / box.width) * ns);
      var best = null;
      var bestD = reach * reach;
      cells.forEach(function (cell) {
        var d = (cell.s - x) * (cell.s - x) + (cell.c - y) * (cell.c - y);
        if (d <= bestD) { best = cell; bestD = d; }
      });
      return best;
    };
    var describe = function (cell) {
      return 'Source sentence ' + (cell.s + 1) + ' \u2194 candidate sentence ' + (cell.c + 1) + ': similarity ' + cell.v +
        (cell.p ? ' (passage ' + cell.p + ')' : '');
    };
    mapEl.addEventListener('mousemove', function (e) {
      var cell = nearest(e);
      if (readout) readout.textContent = cell ? describe(cell) : idle;
    });
    mapEl.addEventListener('mouseleave', function () { if (readout) readout.textContent = idle; });
    mapEl.addEventListener('click', function (e) {
      var cell = nearest(e);
      if (!cell) return;
      pick.setAttribute('x', String(cell.s + inset));
      pick.setAttribute('y', String(cell.c + inset));
      pick.setAttribute('visibility', 'visible');
      var a = list(src.querySelectorAll('[data-s="' + cell.s + '"]'));
      var b = list(cand.querySelectorAll('[data-s="' + cell.c + '"]'));
      setMark('pick', a.concat(b));
      reveal(src, a[0]);
      reveal(cand, b[0]);
      flash(a.concat(b));
      if (readout) readout.textContent = describe(cell);
      idle = readout ? readout.textContent : idle;
    });
  }

  window.__parascopeReady = true;
  doc.documentElement.setAttribute('data-ready', '1');
})();`;
