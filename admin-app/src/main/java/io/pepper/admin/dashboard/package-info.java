/**
 * The dashboards: the overview, the endpoint page's chart data, and the incident pages,
 * read through {@code monitoring}'s client and joined with what admin-app keeps itself
 * (endpoint names, maintenance windows).
 */
@NullMarked
package io.pepper.admin.dashboard;

import org.jspecify.annotations.NullMarked;
