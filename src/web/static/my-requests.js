// Live stages for «Τα αιτήματά μου / My requests»: an enhancement only (the page is complete without it).
// While a request is open the table names its JSON (data-poll); every 5 seconds the script asks it, puts each
// changed stage in the server's own words (data-stages), and tells screen readers politely. It stops when
// nothing is open any more.

const INTERVAL_MS = 5000;
const OPEN = ['open', 'acknowledged', 'in_progress'];

const table = document.querySelector('table[data-poll]');
if (table) start(table);

function start(table) {
  const words = JSON.parse(table.dataset.stages || '{}');
  const announcer = document.querySelector('[data-announcer]');
  let timer = setTimeout(poll, INTERVAL_MS);

  async function poll() {
    timer = null;
    try {
      const answer = await fetch(table.dataset.poll, { headers: { accept: 'application/json' }, credentials: 'same-origin' });
      if (!answer.ok) return schedule();
      const { requests } = await answer.json();
      let open = false;
      for (const r of requests) {
        if (OPEN.includes(r.stage)) open = true;
        update(r);
      }
      if (open) schedule();
    } catch {
      schedule();
    }
  }

  function schedule() {
    if (timer === null) timer = setTimeout(poll, INTERVAL_MS);
  }

  function update(r) {
    const row = table.querySelector(`tr[data-request="${CSS.escape(r.id)}"]`);
    if (!row || row.dataset.stage === r.stage) return;
    row.dataset.stage = r.stage;
    const text = words[r.stage] || r.stage;
    const cell = row.querySelector('[data-stage-text]');
    if (cell) cell.textContent = text;
    const name = row.querySelector('th');
    if (announcer) announcer.textContent = `${name ? name.textContent : ''}: ${text}`;
  }
}
