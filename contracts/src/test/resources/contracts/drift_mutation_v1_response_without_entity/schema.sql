CREATE VIEW v_user AS
SELECT u.id, jsonb_build_object('id', u.id::text, 'name', u.name) AS data
FROM tb_user u;

CREATE TYPE user_response AS (status text, message text, payload jsonb);

CREATE FUNCTION fn_create_user(input jsonb) RETURNS user_response LANGUAGE sql AS $$
    SELECT ROW('new', 'created', input)::user_response;
$$;

CREATE FUNCTION fn_rename_user(input jsonb) RETURNS user_response LANGUAGE sql AS $$
    SELECT ROW('updated', 'renamed', input)::user_response;
$$;
