package io.pepper.receiver.queue;

/** The results stream could not take a batch; nothing was queued. */
public class QueueUnavailableException extends RuntimeException {

	public QueueUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
