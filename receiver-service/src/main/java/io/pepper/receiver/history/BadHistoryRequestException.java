package io.pepper.receiver.history;

/** A history request that cannot be answered as asked; nothing was read. */
class BadHistoryRequestException extends RuntimeException {

	BadHistoryRequestException(String message) {
		super(message);
	}

}
