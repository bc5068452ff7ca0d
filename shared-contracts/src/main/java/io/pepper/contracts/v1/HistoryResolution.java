package io.pepper.contracts.v1;

/**
 * The data a history answer was computed from: one row per check, or hourly or daily
 * rollups. receiver-service picks the coarsest one that keeps every figure exact.
 */
public enum HistoryResolution {

	RAW, HOURLY, DAILY

}
