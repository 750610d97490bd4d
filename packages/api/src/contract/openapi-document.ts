import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

/** The parts of an OpenAPI 3.1 document that validation reads. */
export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, PathItem>;
  security?: SecurityRequirement[];
  components?: {
    schemas?: Record<string, JsonSchema>;
    parameters?: Record<string, Parameter>;
    responses?: Record<string, Response>;
    headers?: Record<string, Header>;
  };
}

export type JsonSchema = Record<string, unknown> | boolean;
export type HttpMethod = 'get' | 'put' | 'post' | 'delete' | 'options' | 'head' | 'patch' | 'trace';
export const HTTP_METHODS: readonly HttpMethod[] = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

export type PathItem = Partial<Record<HttpMethod, Operation>> & { parameters?: (Parameter | Ref)[] };

export interface Ref {
  $ref: string;
}

export interface Parameter {
  name: string;
  in: 'query' | 'path' | 'header' | 'cookie';
  required?: boolean;
  schema?: JsonSchema;
}

export interface Header {
  required?: boolean;
  schema?: JsonSchema;
}

export interface MediaType {
  schema?: JsonSchema;
}

export interface Response {
  description?: string;
  headers?: Record<string, Header | Ref>;
  content?: Record<string, MediaType>;
}

/** Scheme name → scopes; any one requirement of a list admits a request. */
export type SecurityRequirement = Record<string, string[]>;

export interface Operation {
  operationId?: string;
  security?: SecurityRequirement[];
  parameters?: (Parameter | Ref)[];
  requestBody?: { required?: boolean; content: Record<string, MediaType> } | Ref;
  responses: Record<string, Response | Ref>;
}

/** The Partnerkit contract shipped with this package. */
export const CONTRACT_PATH = new URL('../../openapi/partnerkit.yaml', import.meta.url);

/** Reads an OpenAPI document from YAML or JSON (Node only). */
export function readOpenApiDocument(path: URL | string = CONTRACT_PATH): OpenApiDocument {
  return parse(readFileSync(path, 'utf8')) as OpenApiDocument;
}
