// Marquee's shared page script: API calls in the page's session, CSRF for htmx, arrow-key navigation.
'use strict';

window.Marquee = (function () {
    function meta(name) {
        const element = document.querySelector('meta[name="' + name + '"]');
        return element ? element.content : null;
    }

    // Calls the HTTP API as any client does: the session named by X-Session-Id, its token in its cookie.
    async function api(path, options) {
        const init = Object.assign({ credentials: 'same-origin' }, options || {});
        const headers = Object.assign({ 'Accept': 'application/json' }, init.headers || {});
        const session = meta('marquee-session');
        if (session && !headers['X-Session-Id']) {
            headers['X-Session-Id'] = session;
        }
        if (init.json !== undefined) {
            headers['Content-Type'] = 'application/json';
            init.body = JSON.stringify(init.json);
            delete init.json;
        }
        init.headers = headers;
        let response = await fetch(path, init);
        // access tokens live 15 minutes, a film longer: renew this session's token once and ask again
        if (response.status === 401 && headers['X-Session-Id'] && !path.startsWith('/api/auth/')) {
            const renewed = await fetch('/api/auth/refresh/' + encodeURIComponent(headers['X-Session-Id']),
                { method: 'POST', credentials: 'same-origin', headers: { 'X-Session-Id': headers['X-Session-Id'] } });
            if (renewed.ok) {
                response = await fetch(path, init);
            }
        }
        let body = null;
        const type = response.headers.get('Content-Type') || '';
        if (type.includes('json')) {
            body = await response.json();
        }
        return { status: response.status, ok: response.ok, body: body };
    }

    function errorText(result, fallback) {
        if (result.body && result.body.error) {
            return result.body.message ? result.body.error + ': ' + result.body.message : result.body.error;
        }
        return fallback;
    }

    // htmx requests that change state carry the CSRF token; all carry the page's session.
    document.addEventListener('htmx:configRequest', function (event) {
        const header = meta('csrf-header');
        const token = meta('csrf-token');
        if (header && token) {
            event.detail.headers[header] = token;
        }
        const session = meta('marquee-session');
        if (session) {
            event.detail.headers['X-Session-Id'] = session;
        }
    });

    // TV remotes and keyboards: arrows move between posters, along a row and between rows.
    document.addEventListener('keydown', function (event) {
        const current = document.activeElement;
        if (!current || !current.classList || !current.classList.contains('poster')) {
            if (event.key === 'ArrowDown' && document.activeElement === document.body) {
                const first = document.querySelector('.poster');
                if (first) {
                    first.focus();
                    event.preventDefault();
                }
            }
            return;
        }
        const item = current.closest('li');
        const row = current.closest('.row');
        let target = null;
        if (event.key === 'ArrowRight' && item.nextElementSibling) {
            target = item.nextElementSibling.querySelector('.poster');
        } else if (event.key === 'ArrowLeft' && item.previousElementSibling) {
            target = item.previousElementSibling.querySelector('.poster');
        } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            let other = event.key === 'ArrowDown' ? row.nextElementSibling : row.previousElementSibling;
            while (other && !other.classList.contains('row')) {
                other = event.key === 'ArrowDown' ? other.nextElementSibling : other.previousElementSibling;
            }
            if (other) {
                const index = Array.prototype.indexOf.call(item.parentElement.children, item);
                const posters = other.querySelectorAll('.poster');
                target = posters[Math.min(index, posters.length - 1)];
            }
        }
        if (target) {
            event.preventDefault();
            target.focus();
            target.scrollIntoView({ block: 'nearest', inline: 'nearest' });
        }
    });

    return { api: api, meta: meta, errorText: errorText };
})();
