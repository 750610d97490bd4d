// Node-side contract checks shared by the reference server and the conformance suite.
export { ContractValidator, CompiledOperation, baseMediaType } from './contract-validator.ts';
export type { ContractIssue, RequestParts, CheckedRequest, MatchedOperation } from './contract-validator.ts';
export { readOpenApiDocument, CONTRACT_PATH } from './openapi-document.ts';
export type { OpenApiDocument } from './openapi-document.ts';
