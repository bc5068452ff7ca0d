/**
 * The pages where people run their organization: create one, invite people, change roles
 * and remove members. Kept apart from {@code organization}, which the UI's notion of the
 * current member builds on, so that the two do not depend on each other.
 */
@NullMarked
package io.pepper.admin.team;

import org.jspecify.annotations.NullMarked;
