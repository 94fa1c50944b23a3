// The allowed values and bounds of a plan request, read from the API's own OpenAPI
// document, so the form offers exactly what the API accepts.

import { api } from './api.js';

let contract;

async function document() {
  if (!contract) {
    contract = fetch('/v3/api-docs', { headers: { Accept: 'application/json' } }).then((response) => {
      if (!response.ok) {
        throw new Error(`The API description answered ${response.status}`);
      }
      return response.json();
    });
  }
  return contract;
}

/** Field descriptions of the plan request, keyed by the API's field names (product.kind). */
export async function planRequestFields() {
  const openApi = await document();
  const request = openApi.components.schemas.PlanRequest;
  const product = request.properties.product;
  const team = request.properties.team;
  const field = (schema, required) => ({
    type: Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type,
    required,
    enum: schema.enum || schema.items?.enum,
    min: schema.minimum,
    max: schema.maximum,
    minLength: schema.minLength,
    maxLength: schema.maxLength,
    default: schema.default,
    description: schema.description,
  });
  return {
    'product.name': field(product.properties.name, product.required.includes('name')),
    'product.kind': field(product.properties.kind, product.required.includes('kind')),
    'product.features': field(product.properties.features, false),
    'product.expectedRps': field(product.properties.expectedRps, product.required.includes('expectedRps')),
    'product.existingFramework': field(product.properties.existingFramework, false),
    'team.engineers': field(team.properties.engineers, team.required.includes('engineers')),
    'team.seniorEngineers': field(team.properties.seniorEngineers, false),
    timelineWeeks: field(request.properties.timelineWeeks, request.required.includes('timelineWeeks')),
    budgetUsd: field(request.properties.budgetUsd, false),
  };
}

export async function planStatuses() {
  const openApi = await document();
  return openApi.components.schemas.Plan.properties.status.enum;
}

let knowledge;
let knowledgeKey;

/** The article lines, assumptions and references every source points at (needs a key). */
export async function knowledgeBase(key) {
  if (!knowledge || knowledgeKey !== key) {
    knowledgeKey = key;
    knowledge = api('/api/v1/knowledge').then((answer) => answer.body);
    knowledge.catch(() => {
      knowledge = undefined;
    });
  }
  return knowledge;
}
