// Whether this browser can play each source: asked of the browser itself (canPlayType), not guessed.
'use strict';

(function () {
    const probe = document.createElement('video');
    document.querySelectorAll('.playable[data-mime]').forEach(function (cell) {
        const answer = probe.canPlayType(cell.dataset.mime);
        cell.textContent = answer === '' ? 'no' : (answer === 'probably' ? 'yes' : 'probably');
        cell.classList.add(answer === '' ? 'bad' : 'ok');
    });
})();
