// The endpoint list: sort by any column, filter by status, and refresh the live figures
// every 30 s from /endpoints/live without reloading the page (the CSP allows no inline script).
const table = document.getElementById('endpoints');
const REFRESH_MS = 30000;

if (table) {
	const body = table.tBodies[0];
	const filter = document.getElementById('status-filter');
	const noMatch = document.getElementById('no-status-match');
	const state = document.getElementById('refresh-state');
	let sortKey = 'name';
	let ascending = true;

	const sortValue = (row, key) => {
		const cell = row.querySelector(`[data-col="${key}"]`);
		return cell ? cell.dataset.sortValue ?? '' : '';
	};

	const sort = () => {
		const header = table.querySelector(`th[data-sort="${sortKey}"]`);
		const numeric = header && header.dataset.sortType === 'number';
		const rows = Array.from(body.rows);
		rows.sort((a, b) => {
			const x = sortValue(a, sortKey);
			const y = sortValue(b, sortKey);
			// Rows without a figure go last whichever way the column is sorted.
			if (x === '' || y === '') {
				return (x === '') - (y === '');
			}
			const order = numeric ? Number(x) - Number(y) : x.localeCompare(y);
			return ascending ? order : -order;
		});
		rows.forEach((row) => body.appendChild(row));
		table.querySelectorAll('th[data-sort]').forEach((th) => {
			th.setAttribute('aria-sort', th.dataset.sort === sortKey ? (ascending ? 'ascending' : 'descending') : 'none');
		});
	};

	const applyFilter = () => {
		const wanted = filter ? filter.value : '';
		let shown = 0;
		Array.from(body.rows).forEach((row) => {
			const visible = wanted === '' || row.dataset.status === wanted;
			row.hidden = !visible;
			shown += visible ? 1 : 0;
		});
		if (noMatch) {
			noMatch.hidden = shown > 0;
		}
	};

	table.querySelectorAll('th[data-sort] button').forEach((button) => {
		button.addEventListener('click', () => {
			const key = button.closest('th').dataset.sort;
			ascending = key === sortKey ? !ascending : true;
			sortKey = key;
			sort();
		});
	});
	if (filter) {
		filter.addEventListener('change', applyFilter);
	}

	const setCell = (row, key, text, attributes) => {
		const cell = row.querySelector(`[data-col="${key}"]`);
		if (!cell) {
			return;
		}
		if (text !== null) {
			cell.textContent = text;
		}
		Object.entries(attributes).forEach(([name, value]) => {
			if (value === null || value === undefined) {
				cell.removeAttribute(name);
			} else {
				cell.setAttribute(name, value);
			}
		});
	};

	const update = (row, h) => {
		row.dataset.status = h.status;
		const status = row.querySelector('[data-col="status"]');
		status.dataset.status = h.status;
		status.dataset.sortValue = String(['DOWN', 'DEGRADED', 'NO_DATA', 'UP', 'PAUSED'].indexOf(h.status));
		const badge = status.querySelector('.pepper-status');
		badge.className = `badge pepper-status pepper-status-${h.status.toLowerCase()}`;
		badge.textContent = h.statusLabel;
		status.querySelector('.pepper-age').textContent = h.age;
		let failing = status.querySelector('.pepper-failing');
		if (h.failingLocations.length > 0) {
			if (!failing) {
				failing = document.createElement('div');
				failing.className = 'small text-danger pepper-failing';
				status.appendChild(failing);
			}
			failing.textContent = `failing: ${h.failingLocations.join(', ')}`;
		} else if (failing) {
			failing.remove();
		}
		setCell(row, 'uptime24h', h.uptime24hText, { 'data-uptime-24h': h.uptime24h, 'data-sort-value': h.uptime24h });
		setCell(row, 'uptime7d', h.uptime7dText, { 'data-uptime-7d': h.uptime7d, 'data-sort-value': h.uptime7d });
		setCell(row, 'uptime30d', h.uptime30dText, { 'data-uptime-30d': h.uptime30d, 'data-sort-value': h.uptime30d });
		setCell(row, 'apdex', h.apdexText, { 'data-apdex': h.apdex24h, 'data-apdex-t-ms': h.apdexThresholdMs,
			'data-sort-value': h.apdex24h, 'data-rating': h.apdexRating });
		setCell(row, 'p95', h.p95Text, { 'data-p95-ms': h.p95Ms24h, 'data-sort-value': h.p95Ms24h });
		setCell(row, 'bar', null, { 'data-sort-value': h.uptime24h });
		const bar = row.querySelector('.pepper-bar');
		bar.replaceChildren(...h.hours.map((hour) => {
			const cell = document.createElement('span');
			cell.className = `cell cell-${hour.level}`;
			cell.title = hour.title;
			cell.dataset.hour = hour.start;
			if (hour.uptime !== null) {
				cell.dataset.uptime = hour.uptime;
			}
			return cell;
		}));
		bar.setAttribute('aria-label', `Uptime per hour, last 24 hours: ${h.uptime24hText}`);
	};

	const notice = (id, text) => {
		let element = document.getElementById(id);
		if (text) {
			if (!element) {
				element = document.createElement('div');
				element.id = id;
				element.className = 'alert alert-warning';
				element.setAttribute('role', 'status');
				table.closest('.table-responsive').before(element);
			}
			element.textContent = text;
		} else if (element) {
			element.remove();
		}
	};

	const refresh = async () => {
		try {
			const response = await fetch(table.dataset.liveUrl, { headers: { Accept: 'application/json' } });
			if (!response.ok) {
				throw new Error(`answered ${response.status}`);
			}
			const live = await response.json();
			const byId = new Map(live.rows.map((h) => [h.endpointId, h]));
			Array.from(body.rows).forEach((row) => {
				const h = byId.get(row.dataset.endpointId);
				if (h) {
					update(row, h);
				}
			});
			notice('history-unavailable', live.historyNotice);
			notice('incidents-unavailable', live.incidentNotice);
			table.dataset.refreshedAt = live.at;
			if (state) {
				state.textContent = `Updated ${new Date(live.at).toLocaleTimeString()}`;
			}
			sort();
			applyFilter();
		} catch (error) {
			if (state) {
				state.textContent = `Could not refresh (${error.message}); trying again.`;
			}
		}
	};

	setInterval(refresh, REFRESH_MS);
	document.addEventListener('visibilitychange', () => {
		if (!document.hidden) {
			refresh();
		}
	});
}
