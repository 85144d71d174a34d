// Atelier's page: pick a photo and a style (or drop a painting of your own), submit a job, follow it over Server-Sent
// Events (an optimisation's previews as it runs), show the result.
// Every call carries the API key in an Authorization header, so images and the event stream are fetched with
// fetch() (EventSource cannot send headers). The key comes from the URL fragment (#key=..., which ./atelier up
// prints and which never reaches a server) or from the form, and is kept in localStorage.
const $ = (id) => document.getElementById(id);
const KEY = 'atelier.apiKey';
// The style tile of "your own painting": not a style id (those start with a letter or digit), so no style takes it.
const OWN = '@own';
let photo = null;
let painting = null;

function apiKey() {
  const fromFragment = new URLSearchParams(location.hash.slice(1)).get('key');
  if (fromFragment) {
    localStorage.setItem(KEY, fromFragment);
    history.replaceState(null, '', location.pathname);
  }
  return localStorage.getItem(KEY);
}

async function api(path, options = {}) {
  const response = await fetch(path, { ...options, headers: { ...(options.headers || {}), Authorization: `Bearer ${apiKey()}` } });
  if (response.status === 401) {
    localStorage.removeItem(KEY);
    showKeyForm('That API key was not accepted. Enter a valid one.');
    throw new Error('unauthorized');
  }
  if (!response.ok && response.status !== 202) {
    throw new Error(await problemText(response));
  }
  return response;
}

async function problemText(response) {
  const type = response.headers.get('Content-Type') || '';
  if (type.includes('json')) {
    const problem = await response.json();
    return `${problem.title || response.statusText}: ${problem.detail || ''}`.trim();
  }
  return `${response.status} ${response.statusText}`;
}

function showError(message) {
  $('error').textContent = message;
  $('error').hidden = !message;
}

function status(message) {
  $('status').textContent = message;
}

function showKeyForm(message) {
  $('key-section').hidden = false;
  $('job-form').hidden = true;
  showError(message || '');
}

async function loadStyles() {
  const { styles } = await (await api('/v1/styles')).json();
  const box = $('styles');
  box.replaceChildren();
  if (styles.length === 0) {
    showError('No trained style is published yet: register a model, or use a painting of your own.');
  }
  styles.forEach((style, index) => {
    const label = document.createElement('label');
    label.dataset.style = style.id;
    const input = Object.assign(document.createElement('input'), { type: 'radio', name: 'style', value: style.id, checked: index === 0 });
    // The style's initials until its preview arrives; a model registered without a preview keeps them.
    const swatch = Object.assign(document.createElement('div'), { className: 'swatch', title: style.title });
    swatch.textContent = style.title.split(/\s+/).map((word) => word[0]).join('').slice(0, 2).toUpperCase();
    const caption = document.createElement('span');
    caption.textContent = `${style.title} (v${style.version})`;
    label.append(input, swatch, caption);
    box.append(label);
    if (style.previewUrl) {
      // data-preview says how the preview fared (pending, shown, failed): the browser test reads it.
      label.dataset.preview = 'pending';
      api(style.previewUrl).then((r) => r.blob()).then((b) => {
        const img = Object.assign(document.createElement('img'), { alt: style.title, src: URL.createObjectURL(b) });
        img.addEventListener('load', () => { label.dataset.preview = 'shown'; swatch.replaceChildren(img); });
        img.addEventListener('error', () => { label.dataset.preview = 'failed'; });
      }).catch(() => { label.dataset.preview = 'failed'; });
    }
  });
  box.append(ownPaintingTile(styles.length === 0));
  modeChanged();
}

function ownPaintingTile(checked) {
  const label = Object.assign(document.createElement('label'), { className: 'own' });
  label.dataset.style = OWN;
  const input = Object.assign(document.createElement('input'), { type: 'radio', name: 'style', value: OWN, checked });
  const swatch = Object.assign(document.createElement('div'), { className: 'swatch', textContent: 'Your own painting' });
  const caption = Object.assign(document.createElement('span'), { textContent: 'Any painting (minutes)' });
  label.append(input, swatch, caption);
  return label;
}

function ownPainting() {
  return document.querySelector('input[name=style]:checked')?.value === OWN;
}

// An optimisation has no strength (its content weight plays that part) and needs a painting.
function modeChanged() {
  $('painting-section').hidden = !ownPainting();
  $('strength-section').hidden = ownPainting();
  $('submit').disabled = !photo || (ownPainting() && !painting);
}

function acceptable(file) {
  if (file && !['image/jpeg', 'image/png'].includes(file.type)) {
    showError(`${file.name} is not a JPEG or PNG.`);
    return false;
  }
  return Boolean(file);
}

function choosePhoto(file) {
  if (!acceptable(file)) return;
  photo = file;
  showError('');
  $('original').src = URL.createObjectURL(file);
  $('drop').firstChild.textContent = `${file.name} (${Math.round(file.size / 1024)} KB) `;
  modeChanged();
}

function choosePainting(file) {
  if (!acceptable(file)) return;
  painting = file;
  showError('');
  $('painting-drop').firstChild.textContent = `${file.name} (${Math.round(file.size / 1024)} KB) `;
  // The tile shows the painting chosen.
  const swatch = document.querySelector(`#styles label[data-style="${OWN}"] .swatch`);
  swatch.replaceChildren(Object.assign(document.createElement('img'), { alt: file.name, src: URL.createObjectURL(file) }));
  modeChanged();
}

// The picture of a running optimisation as it stood at its last report. Reports can outrun the downloads: only the
// newest one asked for is shown.
let previewAsked = 0;
async function showPreview(view) {
  const asked = ++previewAsked;
  try {
    const blob = await (await api(view.progress.previewUrl)).blob();
    if (asked !== previewAsked) return;
    $('result').src = URL.createObjectURL(blob);
    $('result').dataset.previewStep = view.progress.step;
  } catch (err) {
    // A missed preview is not an error: the next report brings another.
  }
}

function jobForm() {
  const form = new FormData();
  form.append('image', photo);
  form.append('styleScale', $('style-scale').value);
  form.append('preserveColors', String($('preserve-colors').checked));
  if (ownPainting()) {
    form.append('mode', 'optimise');
    form.append('styleImage', painting);
    form.append('steps', $('steps').value);
  } else {
    form.append('style', document.querySelector('input[name=style]:checked').value);
    form.append('strength', $('strength').value);
  }
  return form;
}

// Server-Sent Events over fetch: parses "event:", "id:" and "data:" lines, one event per blank line.
async function follow(jobId, onEvent) {
  const response = await api(`/v1/jobs/${jobId}/events`, { headers: { Accept: 'text/event-stream' } });
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let event = {};
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let newline;
    while ((newline = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, newline).replace(/\r$/, '');
      buffer = buffer.slice(newline + 1);
      if (line === '') {
        if (event.data) onEvent(event.name, JSON.parse(event.data));
        event = {};
      } else if (line.startsWith('event:')) {
        event.name = line.slice(6).trim();
      } else if (line.startsWith('data:')) {
        event.data = (event.data ? event.data + '\n' : '') + line.slice(5).trim();
      }
    }
  }
}

async function submit(e) {
  e.preventDefault();
  showError('');
  const style = document.querySelector('input[name=style]:checked');
  if (!photo || !style || (ownPainting() && !painting)) {
    showError(ownPainting() ? 'Choose a photo and your painting first.' : 'Choose a photo and a style first.');
    return;
  }
  $('submit').disabled = true;
  $('compare').hidden = false;
  $('result').removeAttribute('src');
  delete $('result').dataset.previewStep;
  previewAsked++;
  try {
    const job = await (await api('/v1/jobs', { method: 'POST', body: jobForm() })).json();
    status(`Job ${job.id}: queued`);
    let final = null;
    await follow(job.id, (name, view) => {
      if (view.progress) {
        status(`Job ${view.id}: ${name}, step ${view.progress.step} of ${view.progress.steps}`);
        if (name === 'running' && view.progress.previewUrl) showPreview(view);
      } else {
        status(`Job ${view.id}: ${name}` + (view.modelVersion ? ` (${view.styleId} v${view.modelVersion}, ${view.executionProvider})` : ''));
      }
      final = view;
    });
    previewAsked++; // the result replaces any preview still on its way
    if (!final || final.status !== 'SUCCEEDED') {
      const reason = final && final.error ? `: ${final.error.message}` : '';
      throw new Error(`The job ended ${final ? final.status : 'without a final state'}${reason}`);
    }
    const blob = await (await api(final.resultUrl)).blob();
    const url = URL.createObjectURL(blob);
    $('result').src = url;
    $('download').href = url;
    $('download').download = `atelier-${final.styleId}-${final.id}.${blob.type === 'image/jpeg' ? 'jpg' : 'png'}`;
    status(final.mode === 'optimise'
      ? `Done: your painting, ${final.optimisation.steps} steps on ${final.executionProvider}.`
      : `Done: ${final.styleId} v${final.modelVersion} on ${final.executionProvider}.`);
  } catch (err) {
    if (err.message !== 'unauthorized') showError(err.message);
    status('');
  } finally {
    modeChanged();
  }
}

function start() {
  $('strength').addEventListener('input', () => { $('strength-value').value = Number($('strength').value).toFixed(2); });
  $('style-scale').addEventListener('input', () => { $('style-scale-value').value = Number($('style-scale').value).toFixed(2); });
  $('photo').addEventListener('change', () => choosePhoto($('photo').files[0]));
  const drop = $('drop');
  drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => { e.preventDefault(); drop.classList.remove('over'); choosePhoto(e.dataTransfer.files[0]); });
  $('painting').addEventListener('change', () => choosePainting($('painting').files[0]));
  const paintingDrop = $('painting-drop');
  paintingDrop.addEventListener('dragover', (e) => { e.preventDefault(); paintingDrop.classList.add('over'); });
  paintingDrop.addEventListener('dragleave', () => paintingDrop.classList.remove('over'));
  paintingDrop.addEventListener('drop', (e) => { e.preventDefault(); paintingDrop.classList.remove('over'); choosePainting(e.dataTransfer.files[0]); });
  $('styles').addEventListener('change', modeChanged);
  $('job-form').addEventListener('submit', submit);
  $('forget-key').addEventListener('click', () => { localStorage.removeItem(KEY); showKeyForm(); });
  $('key-form').addEventListener('submit', (e) => {
    e.preventDefault();
    localStorage.setItem(KEY, $('key').value.trim());
    open();
  });
  if (apiKey()) open(); else showKeyForm();
}

function open() {
  $('key-section').hidden = true;
  $('job-form').hidden = false;
  loadStyles().catch((err) => { if (err.message !== 'unauthorized') showError(`Could not load the styles: ${err.message}`); });
}

start();
