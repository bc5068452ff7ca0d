/**
 * Organizations (tenants) and who belongs to them with which role.
 */
@NullMarked
package io.pepper.admin.organization;

import org.jspecify.annotations.NullMarked;
