CREATE VIEW v_user AS
SELECT u.id,
       jsonb_build_object(
           'id', u.id::text,
           'name', u.name,
           'email', u.email
       ) AS data
FROM tb_user u;

-- The public projection: no email.
CREATE VIEW v_user_public AS
SELECT u.id, jsonb_build_object('id', u.id::text, 'name', u.name) AS data
FROM tb_user u;

CREATE FUNCTION fn_create_user(p_input jsonb) RETURNS SETOF v_user LANGUAGE sql AS $$
    SELECT * FROM v_user LIMIT 1;
$$;

-- Drift: importUsers returns rows of v_user_public, which lacks User.email; and one row, not SETOF.
CREATE FUNCTION fn_import_users(p_input jsonb) RETURNS v_user_public LANGUAGE sql AS $$
    SELECT * FROM v_user_public LIMIT 1;
$$;
