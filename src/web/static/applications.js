// Live statuses for «Οι αιτήσεις μου / My applications»: an enhancement only (the page is complete without
// it). While an application is open the table names its JSON (data-poll); every 5 seconds the script asks
// it and puts each changed status in words (the server's own, from data-statuses), adds the document's
// link and code once issued, and tells screen readers politely. It stops when nothing is open any more.

const INTERVAL_MS = 5000;
const CLOSED = ['rejected', 'issued', 'withdrawn'];

const table = document.querySelector('table[data-poll]');
if (table) start(table);

function start(table) {
  const words = JSON.parse(table.dataset.statuses || '{}');
  const announcer = document.querySelector('[data-announcer]');
  let timer = setTimeout(poll, INTERVAL_MS);

  async function poll() {
    timer = null;
    try {
      const answer = await fetch(table.dataset.poll, { headers: { accept: 'application/json' }, credentials: 'same-origin' });
      if (!answer.ok) return schedule();
      const { applications } = await answer.json();
      let open = false;
      for (const a of applications) {
        if (!CLOSED.includes(a.status)) open = true;
        update(a);
      }
      if (open) schedule();
    } catch {
      schedule();
    }
  }

  function schedule() {
    if (timer === null) timer = setTimeout(poll, INTERVAL_MS);
  }

  function update(a) {
    const row = table.querySelector(`tr[data-application="${CSS.escape(a.id)}"]`);
    if (!row || row.dataset.status === a.status) return;
    row.dataset.status = a.status;
    const status = row.querySelector('[data-status-text]');
    const text = words[a.status] || a.status;
    // The fee's line (a link to the debts) stays as the server wrote it; only the words change.
    if (status) status.firstChild.textContent = text;
    if (a.document) {
      const cell = row.querySelector('[data-document]');
      const link = document.createElement('a');
      link.href = `${table.dataset.prefix}${encodeURIComponent(a.id)}/document.pdf`;
      link.setAttribute('download', '');
      link.textContent = table.dataset.download;
      const code = document.createElement('code');
      code.textContent = a.document.verificationCode;
      cell.replaceChildren(link, document.createElement('br'), `${table.dataset.code}: `, code);
    }
    const name = row.querySelector('th');
    if (announcer) announcer.textContent = `${name ? name.textContent : ''}: ${text}`;
  }
}
