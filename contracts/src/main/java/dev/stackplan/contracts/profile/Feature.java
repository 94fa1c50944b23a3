package dev.stackplan.contracts.profile;

/**
 * Capabilities the product needs; they move the weights of the batteries, async and ML
 * factors.
 */
public enum Feature {

	AUTH, BILLING, ADMIN_PANEL, CMS, ASYNC_FANOUT, STREAMING, ML_INFERENCE

}
