/**
 * Real servers for tests. Each server is found from an environment variable with a local
 * default ({@code Local*}), or started by Testcontainers where Docker runs
 * ({@code Container*}); a test written against the interface runs with either. Every test
 * isolates itself: its own PostgreSQL database, Redis key prefix or InfluxDB database,
 * removed when it closes.
 */
@NullMarked
package io.pepper.testsupport;

import org.jspecify.annotations.NullMarked;
