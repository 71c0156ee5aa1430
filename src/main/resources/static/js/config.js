// Runtime configuration (set-up and admin pages) through the API: GET /api/config lists the settings,
// PUT /api/config stores changes, POST /api/config/:service/restart makes a service re-read them (for TMDB,
// with a live check of the token). Secrets are write-only: a stored one is never shown, only "set".
'use strict';

(function () {
    const api = window.Marquee.api;

    function say(result, text, ok) {
        result.hidden = false;
        result.textContent = text;
        result.className = 'result ' + (ok === undefined ? '' : (ok ? 'ok' : 'bad'));
    }

    async function save(form) {
        const result = form.querySelector('.result');
        const entries = [];
        form.querySelectorAll('[name^="marquee."]').forEach(function (input) {
            if (input.disabled) {
                return;
            }
            const changed = input.type === 'password' ? input.value !== '' : input.value !== input.dataset.stored;
            if (changed) {
                entries.push({ key: input.name, value: input.value });
            }
        });
        // a typed secret leaves the page at once, whatever the server answers
        form.querySelectorAll('input[type="password"]').forEach(input => { input.value = ''; });
        if (entries.length === 0) {
            say(result, 'Nothing to save.');
            return;
        }
        say(result, 'Checking…');
        const saved = await api('/api/config', { method: 'PUT', json: { entries: entries } });
        if (saved.status === 404) {
            say(result, 'This server cannot change its configuration at run time: set it in the environment '
                + 'and restart.', false);
            return;
        }
        if (!saved.ok || !saved.body || saved.body.success === false) {
            const reasons = saved.body && saved.body.errors
                ? Object.keys(saved.body.errors).map(key => key + ': ' + saved.body.errors[key]).join('; ')
                : window.Marquee.errorText(saved, 'Refused');
            say(result, 'Not saved. ' + reasons, false);
            return;
        }
        entries.forEach(function (entry) {
            const input = form.querySelector('[name="' + entry.key + '"]');
            if (input && input.type !== 'password') {
                input.dataset.stored = entry.value;
            }
        });
        const waiting = saved.body.needsProcessRestart || [];
        const messages = [];
        let allOk = true;
        for (const service of saved.body.restarting || []) {
            const restarted = await api('/api/config/' + encodeURIComponent(service) + '/restart', { method: 'POST' });
            const status = restarted.body && restarted.body.status;
            if (restarted.ok && status && status.status === 'running') {
                messages.push(service + ' works');
            } else {
                allOk = false;
                messages.push(service + ': ' + (status ? status.status + (status.message ? ' (' + status.message + ')' : '')
                    : window.Marquee.errorText(restarted, 'restart failed')));
            }
        }
        if (waiting.length > 0) {
            messages.push('applies at the next start: ' + waiting.join(', '));
        }
        say(result, 'Saved. ' + messages.join('; ') + '.', allOk);
    }

    function field(entry) {
        const label = document.createElement('label');
        label.append(entry.key + (entry.required ? ' (required)' : ''));
        const input = document.createElement('input');
        input.name = entry.key;
        input.autocomplete = 'off';
        if (entry.isSecret) {
            input.type = 'password';
            input.placeholder = entry.hasValue ? 'set (type to replace)' : 'not set';
        } else {
            input.value = entry.value || '';
            input.dataset.stored = input.value;
        }
        input.disabled = entry.locked;
        label.append(input);
        const hint = document.createElement('small');
        hint.className = 'hint';
        hint.textContent = entry.description + (entry.locked ? ' Fixed by the environment.' : '');
        label.append(hint);
        return label;
    }

    async function render(container) {
        const listed = await api('/api/config');
        if (!listed.ok) {
            container.textContent = window.Marquee.errorText(listed, 'The configuration cannot be read');
            return;
        }
        const groups = {};
        listed.body.forEach(entry => (groups[entry.serviceGroup] = groups[entry.serviceGroup] || []).push(entry));
        Object.keys(groups).sort().forEach(function (group) {
            const form = document.createElement('form');
            form.className = 'stack config-group';
            form.dataset.service = group;
            const title = document.createElement('h2');
            title.textContent = group;
            form.append(title);
            groups[group].forEach(entry => form.append(field(entry)));
            const button = document.createElement('button');
            button.type = 'submit';
            button.textContent = 'Save ' + group;
            const result = document.createElement('p');
            result.className = 'result';
            result.setAttribute('role', 'status');
            result.hidden = true;
            form.append(button, result);
            form.addEventListener('submit', event => { event.preventDefault(); save(form); });
            container.append(form);
        });
    }

    document.querySelectorAll('form[data-service]').forEach(function (form) {
        form.addEventListener('submit', function (event) {
            event.preventDefault();
            save(form);
        });
    });
    const container = document.getElementById('config');
    if (container) {
        render(container);
    }
})();
