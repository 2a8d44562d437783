// A request's public page, live: an enhancement only (the page is complete without it). The timeline's
// section names the request's small JSON (data-live-request) and what the page was drawn from (data-state:
// stage, status, last change, number of timeline entries). Every 20 seconds, while the tab is visible, the
// script asks again and reloads the page when any of them changed, so the reporter sees the office's move.

const INTERVAL_MS = 20000;
const KEYS = ['stage', 'status', 'updatedAt', 'timeline'];

const section = document.querySelector('[data-live-request]');
if (section) start(section);

function start(section) {
  let drawn;
  try {
    drawn = JSON.parse(section.dataset.state || '{}');
  } catch {
    return;
  }
  setTimeout(poll, INTERVAL_MS);

  async function poll() {
    if (document.visibilityState !== 'hidden') {
      try {
        const answer = await fetch(section.dataset.liveRequest, { headers: { accept: 'application/json' }, credentials: 'same-origin' });
        if (answer.ok) {
          const now = await answer.json();
          if (KEYS.some((k) => now[k] !== drawn[k])) {
            window.location.reload();
            return;
          }
        }
      } catch {
        // offline for a moment: try again at the next turn
      }
    }
    setTimeout(poll, INTERVAL_MS);
  }
}
