// The reports' charts, drawn by Chart.js from the figures the page carries (#report-data); the tables beside them
// hold the same figures. Right to left in Arabic. And the import's "in progress" line.
(function () {
  const form = document.getElementById('import-form');
  if (form) form.addEventListener('submit', () => form.querySelector('.import-progress').hidden = false);

  const source = document.getElementById('report-data');
  if (!source || typeof Chart === 'undefined') return;
  const data = JSON.parse(source.textContent);
  const style = getComputedStyle(document.documentElement);
  Chart.defaults.animation = false; // drawn at once, so that printing shows them
  Chart.defaults.font.family = style.fontFamily;
  Chart.defaults.color = style.getPropertyValue('--ink').trim() || '#1b1f24';
  const colours = ['#0b4f6c', '#c26d00', '#1d6b36'];
  for (const chart of data.charts) {
    const canvas = document.getElementById(chart.id);
    if (!canvas) continue;
    new Chart(canvas, {
      type: 'bar',
      data: {
        labels: chart.labels,
        datasets: chart.datasets.map((d, i) => ({ label: d.label, data: d.data, backgroundColor: colours[i % colours.length] }))
      },
      options: {
        locale: 'fr-MA', // Western digits in both languages
        responsive: true,
        scales: {
          x: { reverse: data.rtl },
          y: { beginAtZero: true, position: data.rtl ? 'right' : 'left' }
        },
        plugins: {
          legend: { display: chart.datasets.length > 1, rtl: data.rtl, textDirection: data.rtl ? 'rtl' : 'ltr' },
          tooltip: { rtl: data.rtl, textDirection: data.rtl ? 'rtl' : 'ltr' }
        }
      }
    });
  }
})();
