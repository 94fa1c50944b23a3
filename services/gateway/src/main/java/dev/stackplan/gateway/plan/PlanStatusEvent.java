package dev.stackplan.gateway.plan;

import java.util.UUID;

import dev.stackplan.contracts.event.PlanStatus;

/**
 * The data of one Server-Sent Event of a plan's stream.
 *
 * @param planId the plan
 * @param status its status now
 * @param href where to read the whole plan
 */
record PlanStatusEvent(UUID planId, PlanStatus status, String href) {

}
