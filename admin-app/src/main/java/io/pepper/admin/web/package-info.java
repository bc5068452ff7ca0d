/**
 * Web concerns shared by the features: errors as RFC 9457 problem details.
 */
@NullMarked
package io.pepper.admin.web;

import org.jspecify.annotations.NullMarked;
