// Draws the synthesis' charts from the figures embedded in the page (no request of its own).
(function () {
  const data = JSON.parse(document.getElementById('report-data').textContent);
  if (typeof Chart === 'undefined') return; // the tables still carry every figure
  Chart.defaults.animation = false; // drawn at once, so that printing shows them
  const sectors = data.breakdowns.bySector;
  const bar = (id, labels, datasets) => new Chart(document.getElementById(id), {
    type: 'bar', data: { labels, datasets }, options: { responsive: true, plugins: { legend: { display: datasets.length > 1 } } }
  });
  bar('chart-sector-rate', sectors.map(s => s.key), [{ label: 'Taux de réponse (%)', data: sectors.map(s => s.figures.responseRate) }]);
  bar('chart-sector-delay', sectors.map(s => s.key), [
    { label: 'Délai moyen (jours)', data: sectors.map(s => s.figures.calendarDays.average) },
    { label: 'Délai moyen (jours ouvrables)', data: sectors.map(s => s.figures.workingDays.average) }
  ]);
  bar('chart-monthly', data.monthly.map(m => m.month), [
    { label: 'Reçues', data: data.monthly.map(m => m.received) },
    { label: 'Répondues', data: data.monthly.map(m => m.answered) }
  ]);
  bar('chart-delays', data.delayDistribution.map(b => b.to === null ? b.from + '+' : b.from + '–' + b.to),
    [{ label: 'Demandes répondues', data: data.delayDistribution.map(b => b.count) }]);
})();
