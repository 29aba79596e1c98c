// The Print button of qr.html (a file of its own, so the page needs no inline script).
document.getElementById('print')?.addEventListener('click', () => print());
