package io.github.cfqueues.client.admin;

import java.util.List;

/**
 * One page of an account's queues.
 *
 * @param queues the queues on this page
 * @param page the page's number, from 1
 * @param perPage how many queues a page holds at most
 * @param totalCount how many queues the account has, or {@code -1} when Cloudflare did not say
 * @param totalPages how many pages there are, or {@code -1} when Cloudflare did not say
 */
public record QueuePage(List<QueueInfo> queues, int page, int perPage, int totalCount, int totalPages) {

	public QueuePage {
		queues = List.copyOf(queues);
	}

	/**
	 * Whether a page follows this one.
	 * @return {@code true} if Cloudflare reported more pages, or, when it reported none, this page is full
	 */
	public boolean hasNext() {
		if (this.totalPages >= 0) {
			return this.page < this.totalPages;
		}
		return !this.queues.isEmpty() && this.queues.size() >= this.perPage;
	}

}
