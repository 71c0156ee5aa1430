// Runtime configuration forms (set-up and admin): PUT /api/config, then restart the service so a new
// credential is checked live. Secret fields are write-only: the page never shows a stored value.
'use strict';

(function () {
    const api = window.Marquee.api;

    async function save(form) {
        const result = form.querySelector('.result');
        const entries = [];
        Array.prototype.forEach.call(form.querySelectorAll('input[name^="marquee."]'), function (input) {
            if (input.value !== '') {
                entries.push({ key: input.name, value: input.value });
            }
        });
        // a typed secret leaves the page at once, whatever the server answers
        form.querySelectorAll('input[type="password"]').forEach(input => { input.value = ''; });
        result.hidden = false;
        result.className = 'result';
        if (entries.length === 0) {
            result.textContent = 'Nothing to save.';
            return;
        }
        result.textContent = 'Checking…';
        const saved = await api('/api/config', { method: 'PUT', json: { entries: entries } });
        if (saved.status === 404) {
            result.textContent = 'This server cannot change its configuration at run time yet: set it in the '
                + 'environment (for example MARQUEE_TMDB_ACCESS_TOKEN) and restart.';
            result.classList.add('bad');
            return;
        }
        if (!saved.ok || (saved.body && saved.body.success === false)) {
            const invalid = saved.body && saved.body.invalidKeys ? ' (' + saved.body.invalidKeys.join(', ') + ')' : '';
            result.textContent = window.Marquee.errorText(saved, 'Refused') + invalid;
            result.classList.add('bad');
            return;
        }
        const service = form.dataset.service;
        const restarted = await api('/api/config/' + encodeURIComponent(service) + '/restart', { method: 'POST' });
        const status = restarted.body && restarted.body.status;
        const state = status && (status.status || status);
        if (restarted.ok && (state === 'running' || state === undefined)) {
            result.textContent = 'Saved: ' + service + ' works.';
            result.classList.add('ok');
        } else {
            result.textContent = 'Saved, but ' + service + ' says: '
                + (status && status.message ? status.message : window.Marquee.errorText(restarted, String(state)));
            result.classList.add('bad');
        }
    }

    document.querySelectorAll('form[data-service]').forEach(function (form) {
        form.addEventListener('submit', function (event) {
            event.preventDefault();
            save(form);
        });
    });
})();
