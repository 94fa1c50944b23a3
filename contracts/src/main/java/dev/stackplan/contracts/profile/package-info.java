/** The vocabulary of a plan request, shared by every service. */
@NullMarked
package dev.stackplan.contracts.profile;

import org.jspecify.annotations.NullMarked;
