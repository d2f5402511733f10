-- The bearer check the MCP endpoint runs on every request (lib/data/oauth-access.ts loadAccessToken), as ONE
-- statement instead of an interactive transaction of five round trips. It does in SQL exactly what the app
-- did: with only the presented hash visible (app.lookup, RLS), find the token; switch to the token's tenant
-- and user; read the live state of its grant and the caller's rows under that tenant's RLS. It runs as the
-- caller (not SECURITY DEFINER), so every policy applies as before; each statement inside sees the settings
-- made by the one before it. set_config(…, true) ends with the transaction, which for a lone statement is
-- the statement itself; the settings are put back anyway, should it ever be called inside a transaction.
-- The token's row is returned even when expired or revoked: the app decides, as it did.
CREATE FUNCTION app_access_token(token_hash text)
RETURNS TABLE (
  "tenantId" text, "userId" text, "consumerId" text, "authorizationId" text, "scopes" text[], "resource" text,
  "expiresAt" timestamp(3), "revokedAt" timestamp(3),
  "tenantSlug" text, "tenantName" text, "settings" jsonb,
  "consumerName" text, "consumerTenantId" text, "dynamicPermissions" boolean, "disabled" boolean,
  "groupPermissions" jsonb, "selfRegisteredGroupPermissions" jsonb,
  "authorizationPermissions" jsonb, "authorizationFound" boolean, "authorizationRevokedAt" timestamp(3), "lastUsedAt" timestamp(3),
  "userName" text, "userEmail" text, "userActive" boolean, "memberActive" boolean, "rolePermissions" jsonb
)
LANGUAGE plpgsql VOLATILE AS $$
#variable_conflict use_column
DECLARE
  saved text[] := ARRAY[current_setting('app.tenant_id', true), current_setting('app.user_id', true), current_setting('app.lookup', true)];
  tok "AccessToken";
BEGIN
  PERFORM set_config('app.tenant_id', '', true), set_config('app.user_id', '', true), set_config('app.lookup', token_hash, true);
  SELECT * INTO tok FROM "AccessToken" a WHERE a."tokenHash" = token_hash;
  IF FOUND THEN
    PERFORM set_config('app.tenant_id', tok."tenantId", true), set_config('app.user_id', coalesce(tok."userId", ''), true),
            set_config('app.lookup', '', true);
    RETURN QUERY
      SELECT tok."tenantId", tok."userId", tok."consumerId", tok."authorizationId", tok."scopes", tok."resource",
             tok."expiresAt", tok."revokedAt",
             t."slug", t."name", t."settings",
             c."name", c."tenantId", c."dynamicPermissions", c."disabled",
             g."permissions", sg."permissions",
             au."permissions", au."id" IS NOT NULL, au."revokedAt", au."lastUsedAt",
             u."name", u."email", u."active", m."active", r."permissions"
        FROM "Tenant" t
        JOIN "OAuthConsumer" c ON c."id" = tok."consumerId"
        LEFT JOIN "PermissionGroup" g ON g."id" = c."permissionGroupId" AND g."tenantId" = t."id"
        LEFT JOIN "PermissionGroup" sg
               ON c."tenantId" IS NULL AND sg."tenantId" = t."id" AND sg."id" = t."settings"->>'selfRegisteredGroupId'
        LEFT JOIN "Authorization" au ON au."id" = tok."authorizationId" AND au."tenantId" = t."id"
        LEFT JOIN "User" u ON u."id" = tok."userId"
        LEFT JOIN "Membership" m ON m."tenantId" = t."id" AND m."userId" = tok."userId"
        LEFT JOIN "Role" r ON r."id" = m."roleId" AND r."tenantId" = t."id" AND m."active"
       WHERE t."id" = tok."tenantId";
  END IF;
  PERFORM set_config('app.tenant_id', coalesce(saved[1], ''), true), set_config('app.user_id', coalesce(saved[2], ''), true),
          set_config('app.lookup', coalesce(saved[3], ''), true);
END
$$;

-- A client by its client_id before any tenant is known (the token, revocation and authorization endpoints:
-- lib/data/oauth-clients.ts findClient), as one statement: the row is visible to whoever presents its
-- client_id (app.lookup, RLS), exactly as in the transaction this replaces.
CREATE FUNCTION app_oauth_client(client_id text) RETURNS SETOF "OAuthConsumer"
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  saved text := current_setting('app.lookup', true);
BEGIN
  PERFORM set_config('app.lookup', client_id, true);
  RETURN QUERY SELECT * FROM "OAuthConsumer" c WHERE c."clientId" = client_id;
  PERFORM set_config('app.lookup', coalesce(saved, ''), true);
END
$$;
