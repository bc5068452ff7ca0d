// The endpoint page's charts, drawn with uPlot (served by the app; the CSP allows no inline
// script and nothing from elsewhere). Data comes from /endpoints/{id}/charts, which reads
// receiver-service's series; every chart element keeps what it plotted in data attributes.
/* global uPlot */
const section = document.getElementById('charts');

const COLORS = ['#0d6efd', '#d63384', '#198754', '#fd7e14', '#6f42c1', '#20c997', '#dc3545', '#6c757d'];
const SHADES = { down: 'rgba(220, 53, 69, .18)', degraded: 'rgba(255, 193, 7, .28)', maintenance: 'rgba(13, 110, 253, .12)' };
const BANDS = [
	{ from: 0.94, to: 1.0, color: 'rgba(25, 135, 84, .10)', label: 'excellent' },
	{ from: 0.85, to: 0.94, color: 'rgba(25, 135, 84, .05)', label: 'good' },
	{ from: 0.70, to: 0.85, color: 'rgba(255, 193, 7, .10)', label: 'fair' },
	{ from: 0.50, to: 0.70, color: 'rgba(253, 126, 20, .10)', label: 'poor' },
	{ from: 0.0, to: 0.50, color: 'rgba(220, 53, 69, .08)', label: 'unacceptable' },
];

const seconds = (iso) => Date.parse(iso) / 1000;
const ms = (value) => (value === null || value === undefined ? '–' : value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(value < 10 ? 1 : 0)} ms`);

if (section && typeof uPlot !== 'undefined') {
	const url = section.dataset.chartsUrl;
	const error = document.getElementById('chart-error');
	const resolution = document.getElementById('chart-resolution');
	const plots = new Map();

	// Steps without checks break the line instead of being drawn across.
	const withGaps = (times, columns, step) => {
		const x = [];
		const ys = columns.map(() => []);
		times.forEach((time, i) => {
			if (i > 0 && time - times[i - 1] > step) {
				x.push(times[i - 1] + step);
				ys.forEach((y) => y.push(null));
			}
			x.push(time);
			ys.forEach((y, c) => y.push(columns[c][i]));
		});
		return [x, ...ys];
	};

	const shade = (spans) => (u) => {
		const { ctx, bbox } = u;
		ctx.save();
		spans.forEach((span) => {
			const from = u.valToPos(Math.max(seconds(span.from), u.scales.x.min), 'x', true);
			const end = span.to ? seconds(span.to) : u.scales.x.max;
			const to = u.valToPos(Math.min(end, u.scales.x.max), 'x', true);
			if (to > from) {
				ctx.fillStyle = SHADES[span.kind] || SHADES.maintenance;
				ctx.fillRect(from, bbox.top, Math.max(to - from, 2), bbox.height);
			}
		});
		ctx.restore();
	};

	const apdexBands = (u) => {
		const { ctx, bbox } = u;
		ctx.save();
		BANDS.forEach((band) => {
			const top = u.valToPos(band.to, 'y', true);
			const bottom = u.valToPos(band.from, 'y', true);
			ctx.fillStyle = band.color;
			ctx.fillRect(bbox.left, top, bbox.width, bottom - top);
			ctx.fillStyle = 'rgba(33, 37, 41, .45)';
			ctx.font = `${Math.round(10 * devicePixelRatio)}px sans-serif`;
			ctx.fillText(band.label, bbox.left + 4 * devicePixelRatio, top + 11 * devicePixelRatio);
		});
		ctx.restore();
	};

	const draw = (id, options, data, attributes) => {
		const element = document.getElementById(id);
		if (!element) {
			return;
		}
		const previous = plots.get(id);
		if (previous) {
			previous.destroy();
		}
		const width = Math.max(element.clientWidth, 280);
		const plot = new uPlot({ width, height: 240, ...options }, data, element);
		plots.set(id, plot);
		Object.entries(attributes).forEach(([name, value]) => {
			element.dataset[name] = typeof value === 'string' ? value : JSON.stringify(value);
		});
		element.dataset.drawn = 'true';
	};

	const timeAxis = { scales: { x: { time: true } } };
	const msAxis = [{}, { values: (u, ticks) => ticks.map(ms), size: 60 }];

	const render = (charts) => {
		const spans = [...charts.incidents, ...charts.maintenance];
		const step = charts.stepSeconds;
		const all = charts.all;
		const times = all.map((p) => seconds(p.time));
		const common = {
			from: charts.from, to: charts.to, stepSeconds: String(step), pointCount: String(all.length),
			resolution: charts.resolution || '', times,
		};
		const x = { min: seconds(charts.from), max: seconds(charts.to) };
		const scales = { x: { time: true, range: () => [x.min, x.max] } };

		const p50 = all.map((p) => p.p50Ms);
		const p95 = all.map((p) => p.p95Ms);
		const p99 = all.map((p) => p.p99Ms);
		draw('chart-latency', {
			...timeAxis, scales, axes: msAxis,
			series: [{}, { label: 'p50', stroke: COLORS[2], width: 1.5, value: (u, v) => ms(v) },
				{ label: 'p95', stroke: COLORS[0], width: 2, value: (u, v) => ms(v) },
				{ label: 'p99', stroke: COLORS[6], width: 1.5, value: (u, v) => ms(v) }],
			hooks: { drawClear: [shade(spans)] },
		}, withGaps(times, [p50, p95, p99], step), { ...common, p50Ms: p50, p95Ms: p95, p99Ms: p99 });

		// Stacked: each band is drawn from the sum of the phases below it.
		const phase = (p) => {
			const dns = p.dnsMeanMs || 0;
			const connect = p.connectMeanMs || 0;
			const tls = p.tlsMeanMs || 0;
			const wait = Math.max((p.firstByteMeanMs || 0) - dns - connect - tls, 0);
			const transfer = Math.max((p.meanMs || 0) - (p.firstByteMeanMs || 0), 0);
			return [dns, connect, tls, wait, transfer];
		};
		const phases = all.map(phase);
		const names = ['DNS', 'connect', 'TLS', 'first byte', 'transfer'];
		const own = names.map((_, i) => phases.map((p) => p[i]));
		const stacked = names.map((_, i) => phases.map((p) => p.slice(0, i + 1).reduce((a, b) => a + b, 0)));
		const order = [4, 3, 2, 1, 0];
		draw('chart-phases', {
			...timeAxis, scales, axes: msAxis,
			series: [{}, ...order.map((i) => ({
				label: names[i], stroke: COLORS[i], fill: `${COLORS[i]}55`, width: 1,
				// The legend shows the phase itself: this band's top minus the band below.
				value: (u, v, s, idx) => {
					if (v === null || idx === null || idx === undefined) {
						return '–';
					}
					const below = s < order.length ? u.data[s + 1][idx] : 0;
					return ms(v - (below || 0));
				},
			}))],
			hooks: { drawClear: [shade(spans)] },
		}, withGaps(times, order.map((i) => stacked[i]), step),
		{ ...common, dnsMs: own[0], connectMs: own[1], tlsMs: own[2], firstByteMs: own[3], transferMs: own[4] });

		// One line per location; clicking a location in the legend hides or shows it.
		const locations = charts.locations;
		const union = [...new Set(locations.flatMap((l) => l.points.map((p) => seconds(p.time))))].sort((a, b) => a - b);
		const columns = locations.map((l) => {
			const byTime = new Map(l.points.map((p) => [seconds(p.time), p.p95Ms]));
			return union.map((t) => (byTime.has(t) ? byTime.get(t) : null));
		});
		draw('chart-locations', {
			...timeAxis, scales, axes: msAxis,
			series: [{}, ...locations.map((l, i) => ({ label: l.location, stroke: COLORS[i % COLORS.length], width: 1.5, value: (u, v) => ms(v) }))],
			hooks: { drawClear: [shade(spans)] },
		}, withGaps(union, columns, step), {
			...common, locations: locations.map((l) => l.location),
			locationP95Ms: Object.fromEntries(locations.map((l) => [l.location, l.points.map((p) => p.p95Ms)])),
		});

		const apdex = all.map((p) => p.apdex);
		const t = charts.apdexThresholdMs;
		document.getElementById('apdex-t').textContent = t ? `[T = ${(t / 1000).toString()} s]` : '';
		draw('chart-apdex', {
			...timeAxis,
			scales: { ...scales, y: { range: [0, 1] } },
			axes: [{}, { values: (u, ticks) => ticks.map((v) => v.toFixed(2)), size: 50 }],
			series: [{}, { label: t ? `Apdex [${t / 1000} s]` : 'Apdex', stroke: COLORS[0], width: 2, value: (u, v) => (v === null ? '–' : v.toFixed(2)) }],
			hooks: { drawClear: [apdexBands, shade(spans)] },
		}, withGaps(times, [apdex], step), { ...common, apdex, apdexTMs: t === null ? '' : String(t) });

		if (resolution) {
			const minutes = step / 60;
			const every = minutes < 60 ? `${minutes} min` : minutes < 1440 ? `${minutes / 60} h` : `${minutes / 1440} d`;
			resolution.textContent = `one point per ${every}, from ${(charts.resolution || '').toLowerCase() || 'the store'}`;
		}
		section.dataset.range = charts.range;
		section.dataset.stepSeconds = String(step);
	};

	const load = async (query) => {
		try {
			const response = await fetch(`${url}?${new URLSearchParams(query)}`, { headers: { Accept: 'application/json' } });
			const body = await response.json();
			if (!response.ok) {
				throw new Error(body.detail || `answered ${response.status}`);
			}
			const notice = body.historyNotice || body.incidentNotice;
			error.hidden = !notice;
			error.textContent = notice || '';
			const started = performance.now();
			render(body);
			performance.measure('pepper-charts-drawn', { start: started, end: performance.now() });
			section.dataset.drawMs = String(Math.round((performance.now() - started) * 10) / 10);
		} catch (problem) {
			error.hidden = false;
			error.textContent = `Charts unavailable: ${problem.message}`;
		}
	};

	const buttons = document.querySelectorAll('#range-picker button[data-range]');
	buttons.forEach((button) => button.addEventListener('click', () => {
		buttons.forEach((other) => other.classList.toggle('active', other === button));
		load({ range: button.dataset.range });
	}));
	const custom = document.getElementById('range-custom');
	if (custom) {
		custom.addEventListener('submit', (event) => {
			event.preventDefault();
			const from = document.getElementById('range-from').value;
			const to = document.getElementById('range-to').value;
			if (!from || !to) {
				error.hidden = false;
				error.textContent = 'Choose both ends of the custom range.';
				return;
			}
			buttons.forEach((other) => other.classList.remove('active'));
			load({ range: 'custom', from: new Date(from).toISOString(), to: new Date(to).toISOString() });
		});
	}
	let resizing;
	window.addEventListener('resize', () => {
		clearTimeout(resizing);
		resizing = setTimeout(() => plots.forEach((plot, id) => {
			const element = document.getElementById(id);
			plot.setSize({ width: Math.max(element.clientWidth, 280), height: 240 });
		}), 150);
	});
	load({ range: '24h' });
}
