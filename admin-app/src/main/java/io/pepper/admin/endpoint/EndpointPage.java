package io.pepper.admin.endpoint;

import java.util.List;

/**
 * One page of the endpoint list.
 *
 * @param rows the endpoints on this page
 * @param page the page number, from 0
 * @param size the page size
 * @param total how many endpoints match in all
 */
public record EndpointPage(List<EndpointRow> rows, int page, int size, long total) {

	public int totalPages() {
		return (int) Math.max(1, (this.total + this.size - 1) / this.size);
	}

	public boolean hasPrevious() {
		return this.page > 0;
	}

	public boolean hasNext() {
		return this.page + 1 < totalPages();
	}

	public long firstNumber() {
		return (this.total == 0) ? 0 : (long) this.page * this.size + 1;
	}

	public long lastNumber() {
		return (long) this.page * this.size + this.rows.size();
	}

}
