CREATE VIEW v_user AS
SELECT u.id,
       jsonb_build_object(
           'id', u.id::text,
           'name', u.name,
           'email', u.email
       ) AS data
FROM tb_user u;

-- The "simple" result: the new rows of the entity's view (FraiseQL's CQRS guide, fn_create_test_item).
CREATE FUNCTION fn_create_user(p_input jsonb) RETURNS SETOF v_user LANGUAGE plpgsql AS $$
DECLARE
    v_id uuid;
BEGIN
    INSERT INTO tb_user (identifier, name, email) VALUES (p_input->>'email', p_input->>'name', p_input->>'email')
    RETURNING id INTO v_id;
    RETURN QUERY SELECT * FROM v_user WHERE id = v_id;
END;
$$;

CREATE FUNCTION fn_import_users(p_input jsonb) RETURNS SETOF v_user LANGUAGE sql AS $$
    SELECT * FROM v_user;
$$;
