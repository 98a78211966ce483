-- A FraiseQL v2 project authored in schema.json: views bound on the queries, an embedded value object, a
-- Relay type, a second JSON column (jsonb_column), v2 mutations flattened and jsonb with an inject parameter.
-- The tenant Query.users' inject param tenant_id filters on (WHERE tenant_id = $jwt.tenant_id).
ALTER TABLE tb_user ADD COLUMN tenant_id UUID;

CREATE VIEW v_user AS
SELECT u.id,
       u.tenant_id,
       jsonb_build_object(
           'id', u.id::text,
           'name', u.name,
           'email', u.email,
           'bio', u.bio,
           'settings', jsonb_build_object('theme', s.theme, 'notifications_enabled', s.notifications_enabled)
       ) AS data
FROM tb_user u
JOIN tb_user_settings s ON s.fk_user = u.pk_user;

CREATE VIEW v_post AS
SELECT p.id,
       p.pk_post,
       jsonb_build_object(
           'id', p.id::text,
           'title', p.title,
           'view_count', p.view_count,
           'created_at', p.created_at,
           'author', vu.data
       ) AS data
FROM tb_post p
JOIN tb_user u ON u.pk_user = p.fk_user
JOIN v_user vu ON vu.id = u.id;

-- A read model whose JSON column is not called data.
CREATE VIEW v_post_card AS
SELECT p.id,
       jsonb_build_object('id', p.id::text, 'title', p.title) AS payload
FROM tb_post p;

CREATE TYPE mutation_error_class AS ENUM ('validation', 'conflict', 'not_found', 'unauthorized', 'forbidden',
    'internal', 'transaction_failed', 'timeout', 'rate_limited', 'service_unavailable');
CREATE TYPE mutation_response AS (
    succeeded boolean, state_changed boolean, error_class mutation_error_class, status_detail text,
    http_status smallint, message text, entity_id uuid, entity_type text, entity jsonb, updated_fields text[],
    cascade jsonb, error_detail jsonb, metadata jsonb);

-- input_style flatten: one parameter per input field, the inject parameter tenant_id last.
CREATE FUNCTION fn_create_user(p_name text, p_email text, tenant_id uuid)
RETURNS mutation_response LANGUAGE sql AS $$
    SELECT ROW(true, true, NULL, 'created', 201, 'created', gen_random_uuid(), 'User', NULL, NULL, NULL, NULL,
               NULL)::mutation_response;
$$;

-- input_style jsonb: one jsonb payload first, then the inject parameter.
CREATE FUNCTION fn_update_user(input jsonb, tenant_id uuid) RETURNS mutation_response LANGUAGE sql AS $$
    SELECT ROW(true, true, NULL, 'updated', 200, 'updated', NULL, 'User', input, NULL, NULL, NULL,
               NULL)::mutation_response;
$$;
