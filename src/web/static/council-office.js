// The secretary's vote page, faster: an enhancement only (each item's vote form works without it, one
// submit for all the votes ticked). With it, ticking a member's option records that one vote at once
// (the same POST, asking for JSON), without a reload: the row shows the vote as recorded, or the
// decider's refusal in Greek and English is shown and the tick taken back. Nothing here is inline, so the
// page's CSP (script-src 'self') holds.

for (const form of document.querySelectorAll('form[data-council-votes]')) start(form);

function start(form) {
  const status = form.querySelector('[data-vote-status]');
  const token = form.querySelector('input[name="_csrf"]').value;
  const item = form.querySelector('input[name="item"]').value;

  form.addEventListener('change', async (event) => {
    const radio = event.target;
    if (!(radio instanceof HTMLInputElement) || radio.type !== 'radio' || !radio.name.startsWith('vote:')) return;
    const row = radio.closest('tr');
    const body = new URLSearchParams({ _csrf: token, item, [radio.name]: radio.value });
    for (const input of row.querySelectorAll('input')) input.disabled = true;
    try {
      const answer = await fetch(form.action, { method: 'POST', body, headers: { accept: 'application/json' }, credentials: 'same-origin' });
      const result = await answer.json();
      if (answer.ok && result.ok) {
        const cell = document.createElement('td');
        cell.colSpan = row.cells.length - 1;
        cell.dataset.vote = radio.value;
        cell.textContent = result.option;
        while (row.cells.length > 1) row.deleteCell(1);
        row.append(cell);
        status.textContent = `${row.cells[0].textContent}: ${result.option}`;
        return;
      }
      status.textContent = result.el && result.en ? `${result.el} · ${result.en}` : String(answer.status);
    } catch {
      status.textContent = form.dataset.offline || '…';
    }
    radio.checked = false;
    for (const input of row.querySelectorAll('input')) input.disabled = false;
  });
}
