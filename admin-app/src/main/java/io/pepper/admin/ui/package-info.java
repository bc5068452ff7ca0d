/**
 * What every page of the web UI shares: who is signed in, the current organization, the
 * layout's model and error pages.
 */
@NullMarked
package io.pepper.admin.ui;

import org.jspecify.annotations.NullMarked;
