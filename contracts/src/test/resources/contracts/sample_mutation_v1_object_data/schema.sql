CREATE VIEW v_user AS
SELECT u.id, jsonb_build_object('id', u.id::text, 'name', u.name, 'email', u.email, 'is_active', u.is_active)
       AS data
FROM tb_user u;

CREATE VIEW v_post AS
SELECT p.id, jsonb_build_object('id', p.id::text, 'title', p.title, 'author', vu.data) AS data
FROM tb_post p
JOIN tb_user u ON u.pk_user = p.fk_user
JOIN v_user vu ON vu.id = u.id;

CREATE TYPE mutation_response AS (
    status text, message text, entity_id text, entity_type text, entity jsonb, updated_fields text[],
    cascade jsonb, metadata jsonb);

-- FraiseQL v1: one jsonb input with snake_case keys. The entity is built by hand, and is_active is read from the
-- input, which has none: null where User.isActive is Boolean!.
CREATE FUNCTION fn_create_user(input jsonb) RETURNS mutation_response LANGUAGE plpgsql AS $$
DECLARE
    v_id uuid;
BEGIN
    INSERT INTO tb_user (identifier, name, email) VALUES (input->>'email', input->>'name', input->>'email')
    RETURNING id INTO v_id;
    RETURN ROW('new', 'created', v_id::text, 'User',
               jsonb_build_object('id', v_id::text, 'name', input->>'name', 'email', input->>'email',
                                  'is_active', (input->>'is_active')::boolean),
               NULL, NULL, NULL)::mutation_response;
END;
$$;

-- The legacy 6-tuple: object_data is the new post's v_post.data (no finding).
CREATE FUNCTION fn_create_post(input jsonb,
    OUT id uuid, OUT updated_fields text[], OUT status text, OUT message text, OUT object_data jsonb,
    OUT extra_metadata jsonb) LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO tb_post (fk_user, title, content)
    SELECT u.pk_user, input->>'title', input->>'content' FROM tb_user u WHERE u.id = (input->>'author_id')::uuid
    RETURNING tb_post.id INTO id;
    status := 'new';
    message := 'created';
    object_data := (SELECT v.data FROM v_post v WHERE v.id = fn_create_post.id);
END;
$$;

-- A failure status: the generated input is refused, nothing to check.
CREATE FUNCTION fn_import_post(input jsonb,
    OUT id uuid, OUT updated_fields text[], OUT status text, OUT message text, OUT object_data jsonb,
    OUT extra_metadata jsonb) LANGUAGE sql AS $$
    SELECT NULL::uuid, NULL::text[], 'failed:validation', 'imports are closed', NULL::jsonb, NULL::jsonb;
$$;

INSERT INTO tb_user (id, identifier, name, email) VALUES
    ('00000000-0000-0000-0000-000000000001', 'ada', 'Ada', 'ada@example.com');
