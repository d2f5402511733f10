// Authorization server metadata (RFC 8414 §2), what MCP clients discover before anything else.
import { endpointUrl, issuer } from "./config";
import { SCOPES } from "./scopes";

const AUTH_METHODS = ["client_secret_basic", "client_secret_post", "none"];

export function authorizationServerMetadata() {
  return {
    issuer: issuer(),
    authorization_endpoint: endpointUrl("authorization"),
    token_endpoint: endpointUrl("token"),
    revocation_endpoint: endpointUrl("revocation"),
    registration_endpoint: endpointUrl("registration"),
    response_types_supported: ["code"],
    response_modes_supported: ["query"],
    grant_types_supported: ["authorization_code", "refresh_token", "client_credentials"],
    // OAuth 2.1 §4.1.1: PKCE for every client, S256 only.
    code_challenge_methods_supported: ["S256"],
    token_endpoint_auth_methods_supported: AUTH_METHODS,
    revocation_endpoint_auth_methods_supported: AUTH_METHODS,
    scopes_supported: [...SCOPES],
    // RFC 9207: every authorization response carries `iss`, so a client can tell mix-up attacks apart.
    authorization_response_iss_parameter_supported: true,
    // Client ID Metadata Documents: a client_id may be an https URL to the client's metadata.
    client_id_metadata_document_supported: true,
  };
}
