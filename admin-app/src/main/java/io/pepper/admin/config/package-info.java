/**
 * Configuration as code: an organization's endpoints, channels, policies and maintenance
 * windows as one YAML document keyed by names, exported and imported (with a dry run).
 */
@NullMarked
package io.pepper.admin.config;

import org.jspecify.annotations.NullMarked;
