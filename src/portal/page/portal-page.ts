// The patient portal's page: what a mailed sign-in link opens (PORTAL_LINK_URL defaults to
// PUBLIC_BASE_URL/portal). One HTML document and one script, served by the service itself under the
// same security headers as everything else (scripts only from this origin, so the script is a file
// of its own). The page reads the link's token from the fragment, exchanges it at
// POST /api/v1/portal/session, keeps the session in sessionStorage (it ends with the tab) and then
// works with the /api/v1/portal routes only. Plain DOM, no framework: a patient opens it once or twice.

export const PORTAL_PAGE_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<link rel="icon" href="data:,">
<title>Your photo consent</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; margin: 0; color: #1b1f24; background: #f6f7f9; }
  main { max-width: 46rem; margin: 0 auto; padding: 1.5rem; }
  h1 { font-size: 1.5rem; } h2 { font-size: 1.2rem; margin-top: 2rem; }
  section, form { background: #fff; border: 1px solid #d8dde3; border-radius: 8px; padding: 1rem 1.25rem; margin: 1rem 0; }
  label { display: block; margin: .75rem 0 .25rem; }
  input[type=email], input[type=date] { font: inherit; padding: .4rem; width: 100%; max-width: 20rem; }
  button { font: inherit; padding: .45rem .9rem; margin: .5rem .5rem 0 0; border-radius: 6px; border: 1px solid #47627d; background: #fff; cursor: pointer; }
  button.primary { background: #2c5282; color: #fff; }
  button.danger { border-color: #9b2c2c; color: #9b2c2c; }
  .photo { display: flex; gap: 1rem; align-items: flex-start; border-top: 1px solid #eceff2; padding-top: .75rem; margin-top: .75rem; }
  .photo img { width: 120px; height: auto; border-radius: 4px; background: #eceff2; }
  .status { font-size: .9rem; padding: .1rem .45rem; border-radius: 4px; background: #eceff2; }
  #notice { min-height: 1.5rem; font-weight: 600; }
  #notice.error { color: #9b2c2c; }
  ul { padding-left: 1.25rem; }
</style>
</head>
<body>
<main>
  <h1>Your photo consent</h1>
  <p id="notice" role="status" aria-live="polite"></p>
  <div id="content"></div>
</main>
<script src="/portal/portal.js"></script>
</body>
</html>
`;

export const PORTAL_PAGE_SCRIPT = `'use strict';
(function () {
  var API = '/api/v1/portal';
  var SESSION_KEY = 'photo-consent-portal-session';
  var CHANNELS = [
    ['website', 'The clinic’s website'],
    ['social', 'Social media (all networks)'],
    ['email', 'Email newsletters'],
    ['print', 'Printed material'],
    ['in_office', 'Displays in the clinic'],
    ['review_sites', 'Review sites'],
    ['education', 'Teaching and conferences']
  ];
  var content = document.getElementById('content');
  var notice = document.getElementById('notice');
  var objectUrls = [];

  function el(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      if (name === 'text') node.textContent = attributes[name];
      else if (name.indexOf('on') === 0) node.addEventListener(name.slice(2), attributes[name]);
      else node.setAttribute(name, attributes[name]);
    });
    (children || []).forEach(function (child) { if (child) node.appendChild(child); });
    return node;
  }
  function say(text, isError) {
    notice.textContent = text || '';
    notice.className = isError ? 'error' : '';
  }
  function day(iso) { return new Date(iso).toLocaleDateString(undefined, { year: 'numeric', month: 'long', day: 'numeric' }); }
  function moment(iso) { return new Date(iso).toLocaleString(undefined, { dateStyle: 'long', timeStyle: 'short' }); }
  function session() { return sessionStorage.getItem(SESSION_KEY); }
  function forget() {
    sessionStorage.removeItem(SESSION_KEY);
    objectUrls.forEach(function (url) { URL.revokeObjectURL(url); });
    objectUrls = [];
  }

  async function call(method, path, body, headers) {
    var init = { method: method, headers: Object.assign({}, headers || {}) };
    if (session()) init.headers.authorization = 'Bearer ' + session();
    if (body !== undefined) {
      init.headers['content-type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    var response = await fetch(API + path, init);
    if (response.status === 401 && session()) {
      forget();
      showAccessForm('Your session has ended. Ask for a new sign-in link below.', true);
      throw new Error('session ended');
    }
    return response;
  }
  async function problem(response) {
    try { return (await response.json()).detail || 'Something went wrong.'; } catch (error) { return 'Something went wrong.'; }
  }
  async function objectUrl(path) {
    var response = await call('GET', path);
    if (!response.ok) return null;
    var url = URL.createObjectURL(await response.blob());
    objectUrls.push(url);
    return url;
  }

  function showAccessForm(message, isError) {
    content.replaceChildren();
    say(message, isError);
    var email = el('input', { type: 'email', id: 'email', name: 'email', required: 'required', autocomplete: 'email' });
    var birth = el('input', { type: 'date', id: 'dateOfBirth', name: 'dateOfBirth', required: 'required' });
    var form = el('form', { id: 'access' }, [
      el('p', { text: 'To see your photo consent, where your photos are used, or to withdraw your consent, ask for a sign-in link. We send it to the email address the clinic has on file.' }),
      el('label', { for: 'email', text: 'Email address' }), email,
      el('label', { for: 'dateOfBirth', text: 'Date of birth (the patient’s)' }), birth,
      el('div', {}, [el('button', { type: 'submit', class: 'primary', text: 'Send me a sign-in link' })])
    ]);
    form.addEventListener('submit', async function (event) {
      event.preventDefault();
      var response = await fetch(API + '/access', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: email.value, dateOfBirth: birth.value })
      });
      if (response.status === 202) say((await response.json()).message);
      else say(await problem(response), true);
    });
    content.appendChild(form);
  }

  async function showOverview(message) {
    var response = await call('GET', '/me');
    if (!response.ok) { say(await problem(response), true); return; }
    var me = await response.json();
    content.replaceChildren();
    say(message || '');
    content.appendChild(el('p', { text: 'Your reference at the clinic: ' + me.code }));
    content.appendChild(releasesSection(me));
    content.appendChild(await photosSection(me));
    content.appendChild(withdrawSection());
    content.appendChild(requestsSection(me));
    content.appendChild(el('button', { type: 'button', id: 'sign-out', text: 'Sign out', onclick: signOut }));
  }

  function releasesSection(me) {
    var section = el('section', { id: 'releases' }, [el('h2', { text: 'What you agreed to' })]);
    if (me.releases.length === 0) section.appendChild(el('p', { text: 'The clinic has no signed photo release of yours.' }));
    me.releases.forEach(function (release) {
      var words = el('ul', {}, release.inWords.map(function (line) { return el('li', { text: line }); }));
      section.appendChild(el('div', { class: 'release' }, [
        el('p', {}, [
          el('strong', { text: 'Signed ' + day(release.signedAt) + ' ' }),
          el('span', { class: 'status', text: release.status })
        ]),
        words,
        el('button', { type: 'button', class: 'download', text: 'Download your copy of the signed form', onclick: function () { download(release); } })
      ]));
    });
    return section;
  }

  async function download(release) {
    var url = await objectUrl('/releases/' + release.id + '/document');
    if (!url) { say('The signed form could not be downloaded.', true); return; }
    var link = el('a', { href: url, download: 'photo-release-' + release.signedAt.slice(0, 10) });
    document.body.appendChild(link);
    link.click();
    link.remove();
  }

  async function photosSection(me) {
    var section = el('section', { id: 'photos' }, [el('h2', { text: 'Your photos and where they are used' })]);
    if (me.photos.length === 0) section.appendChild(el('p', { text: 'The clinic holds no photos of yours.' }));
    for (var index = 0; index < me.photos.length; index++) {
      var photo = me.photos[index];
      var image = el('img', { alt: (photo.kind || 'photo') + ' photo' });
      var src = await objectUrl('/photos/' + photo.id + '/thumbnail');
      if (src) image.src = src;
      var uses = photo.publications.length === 0
        ? el('p', { text: 'Not published anywhere.' })
        : el('ul', {}, photo.publications.map(function (publication) {
            return el('li', { text: publication.channel + ': ' + publication.location + ' (' + publication.status.replace('_', ' ') + ')' });
          }));
      var withdraw = el('button', { type: 'button', class: 'danger withdraw-photo', text: 'Withdraw this photo from every use' });
      withdraw.addEventListener('click', revokeWith({ kind: 'photos', photoIds: [photo.id] }, 'Withdraw this photo from every use?'));
      section.appendChild(el('div', { class: 'photo', 'data-photo-id': photo.id }, [image, el('div', {}, [el('p', { text: photo.kind + (photo.view ? ', ' + photo.view : '') }), uses, withdraw])]));
    }
    return section;
  }

  function withdrawSection() {
    var boxes = CHANNELS.map(function (channel) {
      return el('label', {}, [el('input', { type: 'checkbox', name: 'channel', value: channel[0] }), document.createTextNode(' ' + channel[1])]);
    });
    var section = el('section', { id: 'withdraw' }, [
      el('h2', { text: 'Withdraw your consent' }),
      el('p', { text: 'Your request takes effect as soon as you send it. Photos on the clinic’s own pages come down at once; the clinic has 30 days to take down the rest, and you can follow that here.' })
    ].concat(boxes));
    section.appendChild(el('button', { type: 'button', id: 'withdraw-channels', text: 'Withdraw the channels ticked', onclick: function () {
      var channels = Array.prototype.filter.call(section.querySelectorAll('input[name=channel]'), function (box) { return box.checked; })
        .map(function (box) { return box.value; });
      if (channels.length === 0) { say('Tick at least one channel.', true); return; }
      revokeWith({ kind: 'channels', channels: channels }, 'Withdraw your consent for the channels ticked?')();
    } }));
    section.appendChild(el('button', { type: 'button', class: 'danger', id: 'withdraw-everything', text: 'Withdraw all my consent', onclick: revokeWith({ kind: 'everything' }, 'Withdraw all your consent to the use of your photos?') }));
    return section;
  }

  function requestsSection(me) {
    var section = el('section', { id: 'requests' }, [el('h2', { text: 'Your requests' })]);
    if (me.revocations.length === 0) section.appendChild(el('p', { text: 'You have not withdrawn consent.' }));
    me.revocations.forEach(function (receipt) {
      var removal = me.removalCases.find(function (each) { return each.id === receipt.removalCaseId; });
      section.appendChild(el('div', { class: 'receipt' }, [
        el('p', { text: receipt.inWords + ' Received ' + moment(receipt.receivedAt) + '.' }),
        removal ? el('p', { text: removal.status === 'completed'
          ? 'Everything is done (' + removal.progress + ').'
          : 'To be done by ' + day(removal.dueAt) + ': ' + removal.progress + '.' }) : null
      ]));
    });
    return section;
  }

  function revokeWith(scope, question) {
    return async function () {
      if (!window.confirm(question)) return;
      var response = await call('POST', '/revocations', { scope: scope }, { 'idempotency-key': crypto.randomUUID() });
      if (response.status !== 201) { say(await problem(response), true); return; }
      var receipt = await response.json();
      await showOverview('We received your request on ' + moment(receipt.receivedAt) + '. ' + receipt.inWords);
    };
  }

  async function signOut() {
    await call('POST', '/logout', {});
    forget();
    showAccessForm('You are signed out.');
  }

  async function start() {
    var fragment = new URLSearchParams(location.hash.slice(1));
    var link = fragment.get('token');
    if (link) {
      // The token leaves the address bar and the history at once: it is spent either way.
      history.replaceState(null, '', location.pathname);
      forget();
      var response = await fetch(API + '/session', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token: link })
      });
      if (response.status !== 201) {
        showAccessForm('This sign-in link has been used or has expired. Ask for a new one below.', true);
        return;
      }
      sessionStorage.setItem(SESSION_KEY, (await response.json()).token);
    }
    if (session()) await showOverview();
    else showAccessForm();
  }

  function run() {
    start().catch(function (error) {
      if (error && error.message === 'session ended') return;
      say('Something went wrong. Please reload the page.', true);
    });
  }
  // A link opened in the tab that already shows the page changes only the fragment.
  window.addEventListener('hashchange', function () { if (location.hash.indexOf('token=') !== -1) run(); });
  run();
})();
`;
