/**
 * The InfluxDB metric store: WriteApi for writes, InfluxQL for everything else, so one
 * adapter serves InfluxDB 1.x, 2.x and 3.x.
 */
@NullMarked
package io.pepper.receiver.store.influx;

import org.jspecify.annotations.NullMarked;
