/**
 * The page's script (runs in the browser; allowed by its hash). Plain ES2017 without modules or libraries:
 * it posts to the JSON API, lists matches with DOM text nodes (never innerHTML, so no article text can become
 * markup), and shows a side-by-side report in a sandboxed srcdoc frame: the report runs its own script there,
 * in an opaque origin that cannot reach this page or the API.
 */
export const PAGE_SCRIPT = `(function () {
  'use strict';
  var $ = function (id) { return document.getElementById(id); };
  var tokenField = $('token');
  if (document.body.getAttribute('data-auth') === 'token') {
    $('auth').hidden = false;
    tokenField.value = sessionStorage.getItem('parascope-token') || '';
    tokenField.addEventListener('change', function () { sessionStorage.setItem('parascope-token', tokenField.value.trim()); });
  }

  function post(path, body) {
    var headers = { 'content-type': 'application/json' };
    var token = tokenField.value.trim();
    if (token) headers.authorization = 'Bearer ' + token;
    return fetch(path, { method: 'POST', headers: headers, body: JSON.stringify(body) }).then(function (res) {
      if (res.ok) return res;
      return res.json().catch(function () { return null; }).then(function (e) {
        throw new Error(e && e.error ? e.error.message + ' (HTTP ' + res.status + ')' : 'HTTP ' + res.status);
      });
    });
  }

  function say(id, text, error) {
    var el = $(id);
    el.textContent = text;
    el.className = error ? 'status error' : 'status';
  }

  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  var pct = function (x) { return (Math.round(x * 1000) / 10) + '%'; };

  // Tabs
  var tabs = Array.prototype.slice.call(document.querySelectorAll('[role=tab]'));
  tabs.forEach(function (tab) {
    tab.addEventListener('click', function () {
      tabs.forEach(function (t) {
        var on = t === tab;
        t.setAttribute('aria-selected', String(on));
        $(t.getAttribute('aria-controls')).hidden = !on;
      });
      closeViewer();
    });
  });

  // Drop a text file (or dragged text) onto any text box.
  Array.prototype.slice.call(document.querySelectorAll('textarea')).forEach(function (area) {
    area.addEventListener('dragover', function (e) { e.preventDefault(); area.classList.add('over'); });
    area.addEventListener('dragleave', function () { area.classList.remove('over'); });
    area.addEventListener('drop', function (e) {
      e.preventDefault();
      area.classList.remove('over');
      var data = e.dataTransfer;
      var file = data && data.files && data.files[0];
      if (!file) { if (data) area.value = data.getData('text/plain'); return; }
      file.text().then(function (text) {
        area.value = text;
        var title = area.getAttribute('data-title');
        if (title && !$(title).value) $(title).value = file.name;
      });
    });
  });

  // The side-by-side viewer
  var download;
  function closeViewer() {
    $('viewer').hidden = true;
    $('frame').removeAttribute('srcdoc');
    if (download) URL.revokeObjectURL(download);
    download = undefined;
  }
  $('close-viewer').addEventListener('click', closeViewer);
  function show(title, html) {
    $('viewer-title').textContent = title;
    $('frame').setAttribute('title', title);
    $('frame').srcdoc = html;
    if (download) URL.revokeObjectURL(download);
    download = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
    $('download').href = download;
    $('viewer').hidden = false;
    $('viewer').scrollIntoView({ block: 'start' });
  }

  // Check against the archive
  var checked;
  $('check-run').addEventListener('click', function () {
    var text = $('check-text').value;
    var title = $('check-title').value.trim();
    if (!text.trim()) { say('check-status', 'Paste or drop an article first.', true); return; }
    var body = { text: text, top: Number($('check-top').value) || 10 };
    if (title) body.title = title;
    $('check-run').disabled = true;
    closeViewer();
    $('results').hidden = true;
    say('check-status', 'Checking…');
    var started = Date.now();
    post('/v1/check', body).then(function (res) { return res.json(); }).then(function (result) {
      checked = { text: text, title: title };
      renderMatches(result);
      say('check-status', 'Checked in ' + ((Date.now() - started) / 1000).toFixed(1) + ' s.');
    }).catch(function (err) {
      say('check-status', err.message, true);
    }).then(function () { $('check-run').disabled = false; });
  });

  function renderMatches(result) {
    var summary = $('summary');
    summary.textContent = '';
    summary.appendChild(el('span', 'v v-' + result.verdict, result.verdict));
    summary.appendChild(document.createTextNode(' ' + pct(result.coverage) + ' of the article is in passages of ' + result.matches.length +
      ' archived document' + (result.matches.length === 1 ? '' : 's') + ' · archive of ' + result.archive.documents + ' documents'));
    var list = $('matches');
    list.textContent = '';
    result.matches.forEach(function (m, i) {
      var li = el('li');
      li.setAttribute('data-id', m.document.id);
      li.appendChild(el('span', 'rank', '#' + (i + 1)));
      li.appendChild(el('span', 'v v-' + m.verdict, m.verdict));
      li.appendChild(el('span', 'doc-title', m.document.title || m.document.path));
      var open = el('button', '', 'Side by side');
      open.type = 'button';
      open.addEventListener('click', function () { openMatch(m, open); });
      li.appendChild(open);
      li.appendChild(el('span', 'meta', m.document.path + ' · id ' + m.document.id + ' · ' + pct(m.coverage.candidate) + ' of the article · ' +
        pct(m.coverage.source) + ' of the archived text · ' + m.passages.length + ' passage' + (m.passages.length === 1 ? '' : 's')));
      list.appendChild(li);
    });
    $('none').hidden = result.matches.length > 0;
    $('results').hidden = false;
  }

  function openMatch(m, button) {
    var body = { text: checked.text, document: m.document.id };
    if (checked.title) body.title = checked.title;
    button.disabled = true;
    say('check-status', 'Aligning with ' + (m.document.title || m.document.path) + '…');
    post('/v1/check/report', body).then(function (res) { return res.text(); }).then(function (html) {
      show((m.document.title || m.document.path) + ' (archived) vs ' + (checked.title || 'your article'), html);
      say('check-status', '');
    }).catch(function (err) { say('check-status', err.message, true); }).then(function () { button.disabled = false; });
  }

  // Compare two texts
  $('compare-run').addEventListener('click', function () {
    var source = $('source-text').value;
    var candidate = $('candidate-text').value;
    if (!source.trim() || !candidate.trim()) { say('compare-status', 'Paste or drop both texts first.', true); return; }
    var body = { source: source, candidate: candidate };
    var st = $('source-title').value.trim();
    var ct = $('candidate-title').value.trim();
    if (st) body.sourceTitle = st;
    if (ct) body.candidateTitle = ct;
    $('compare-run').disabled = true;
    closeViewer();
    say('compare-status', 'Comparing…');
    post('/v1/compare/report', body).then(function (res) { return res.text(); }).then(function (html) {
      show((st || 'source') + ' vs ' + (ct || 'candidate'), html);
      say('compare-status', '');
    }).catch(function (err) { say('compare-status', err.message, true); }).then(function () { $('compare-run').disabled = false; });
  });
  window.__parascopeServeReady = true;
})();`;
