// Live states for a citizen's own lists — «Οι αιτήσεις μου / My applications», «Τα αιτήματά μου / My
// requests»: an enhancement only (the page is complete without it). While something in the table is not
// final, the table names its JSON (data-poll) and the key of the list in it (data-list); every 5 seconds the
// script asks it, puts each changed state (data-state on the row `data-id`) in the server's own words
// (data-words), adds an issued document's link and code when the JSON carries one (data-prefix,
// data-download, data-code), and tells screen readers politely. It stops once every row is final
// (data-final).

const INTERVAL_MS = 5000;

const table = document.querySelector('table[data-poll]');
if (table) start(table);

function start(table) {
  const words = JSON.parse(table.dataset.words || '{}');
  const final = JSON.parse(table.dataset.final || '[]');
  const field = table.dataset.field;
  const announcer = document.querySelector('[data-announcer]');
  let timer = setTimeout(poll, INTERVAL_MS);

  async function poll() {
    timer = null;
    try {
      const answer = await fetch(table.dataset.poll, { headers: { accept: 'application/json' }, credentials: 'same-origin' });
      if (!answer.ok) return schedule();
      const list = (await answer.json())[table.dataset.list] || [];
      let pending = false;
      for (const item of list) {
        if (!final.includes(item[field])) pending = true;
        update(item);
      }
      if (pending) schedule();
    } catch {
      schedule();
    }
  }

  function schedule() {
    if (timer === null) timer = setTimeout(poll, INTERVAL_MS);
  }

  function update(item) {
    const row = table.querySelector(`tr[data-id="${CSS.escape(item.id)}"]`);
    const state = item[field];
    if (!row || row.dataset.state === state) return;
    row.dataset.state = state;
    const text = words[state] || state;
    const cell = row.querySelector('[data-state-text]');
    // What else the server wrote in the cell (an application's fee line) stays; only the words change.
    if (cell && cell.firstChild && cell.firstChild.nodeType === Node.TEXT_NODE) cell.firstChild.textContent = text;
    else if (cell) cell.prepend(text);
    if (item.document && table.dataset.prefix) showDocument(row, item);
    const name = row.querySelector('th');
    if (announcer) announcer.textContent = `${name ? name.textContent : ''}: ${text}`;
  }

  function showDocument(row, item) {
    const cell = row.querySelector('[data-document]');
    if (!cell) return;
    const link = document.createElement('a');
    link.href = `${table.dataset.prefix}${encodeURIComponent(item.id)}/document.pdf`;
    link.setAttribute('download', '');
    link.textContent = table.dataset.download;
    const code = document.createElement('code');
    code.textContent = item.document.verificationCode;
    cell.replaceChildren(link, document.createElement('br'), `${table.dataset.code}: `, code);
  }
}
