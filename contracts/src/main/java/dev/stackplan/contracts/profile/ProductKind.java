package dev.stackplan.contracts.profile;

/** What the startup is building; the article's "best fit" row speaks in these terms. */
public enum ProductKind {

	SAAS, MARKETPLACE, CMS, INTERNAL_TOOL, PUBLIC_API, MICROSERVICE, ML_INFERENCE

}
