/**
 * Alert policies: when failures become an incident and who hears about it, attached to an
 * endpoint, a tag or the whole organization.
 */
@NullMarked
package io.pepper.admin.policy;

import org.jspecify.annotations.NullMarked;
