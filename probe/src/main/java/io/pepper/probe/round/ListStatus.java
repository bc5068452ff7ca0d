package io.pepper.probe.round;

/** Where a round's endpoint list came from. */
public enum ListStatus {

	/** A new list from admin-app. */
	FRESH,
	/** admin-app answered 304: the last list still holds. */
	NOT_MODIFIED,
	/** admin-app could not be asked; the last list known is used. */
	STALE,
	/** admin-app could not be asked and no list is known: nothing to check. */
	UNAVAILABLE

}
