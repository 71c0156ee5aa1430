// First-run set-up, login and the profile picker, all through the HTTP API (/api/auth/...).
'use strict';

(function () {
    const api = window.Marquee.api;

    // Makes the session the one the pages act in (the __session cookie), through a CSRF-protected form.
    function activate(session) {
        const form = document.getElementById('activate');
        form.elements.session.value = session;
        form.submit();
    }

    function showError(form, text) {
        const error = form.querySelector('.error');
        error.textContent = text;
        error.hidden = false;
    }

    async function logIn(email, password) {
        return api('/api/auth/login', { method: 'POST', json: { email: email, password: password } });
    }

    const setup = document.getElementById('setup-form');
    if (setup) {
        setup.addEventListener('submit', async function (event) {
            event.preventDefault();
            const email = setup.elements.email.value;
            const password = setup.elements.password.value;
            const created = await api('/api/auth/setup', { method: 'POST', json: { email: email, password: password } });
            if (created.status !== 201) {
                showError(setup, window.Marquee.errorText(created, 'The account could not be created'));
                return;
            }
            const login = await logIn(email, password);
            if (!login.ok) {
                showError(setup, window.Marquee.errorText(login, 'Created, but the login failed'));
                return;
            }
            activate(login.body.session);
        });
    }

    const loginForm = document.getElementById('login-form');
    if (loginForm) {
        loginForm.addEventListener('submit', async function (event) {
            event.preventDefault();
            const login = await logIn(loginForm.elements.email.value, loginForm.elements.password.value);
            if (!login.ok) {
                showError(loginForm, window.Marquee.errorText(login, 'Login failed'));
                return;
            }
            activate(login.body.session);
        });
    }

    // A profile's access token lives 15 minutes; its refresh cookie (path /api/auth/) renews it before use.
    async function pick(session) {
        const refreshed = await api('/api/auth/refresh/' + encodeURIComponent(session),
            { method: 'POST', headers: { 'X-Session-Id': session } });
        if (refreshed.ok) {
            activate(session);
        } else {
            window.location.reload();
        }
    }

    async function signOut(session) {
        await api('/api/auth/logout/' + encodeURIComponent(session),
            { method: 'POST', headers: { 'X-Session-Id': session } });
        window.location.reload();
    }

    const list = document.getElementById('profiles');
    if (list) {
        (async function () {
            const held = await api('/api/auth/sessions');
            const sessions = held.ok ? held.body : [];
            const resume = list.dataset.resume;
            if (resume && sessions.some(s => s.id === resume)) {
                document.getElementById('resuming').hidden = false;
                await pick(resume);
                return;
            }
            document.getElementById('no-profiles').hidden = sessions.length > 0;
            sessions.forEach(function (held) {
                const item = document.createElement('li');
                const button = document.createElement('button');
                button.className = 'profile';
                button.dataset.session = held.id;
                button.textContent = held.user.displayName || held.user.email;
                button.addEventListener('click', () => pick(held.id));
                const out = document.createElement('button');
                out.className = 'sign-out';
                out.textContent = 'Sign out';
                out.setAttribute('aria-label', 'Sign out ' + button.textContent);
                out.addEventListener('click', () => signOut(held.id));
                item.append(button, out);
                list.append(item);
            });
            const first = list.querySelector('button.profile');
            if (first) {
                first.focus();
            }
        })();
    }
})();
