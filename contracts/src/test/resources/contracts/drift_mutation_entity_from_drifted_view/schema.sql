-- Drift: v_user emits no email key.
CREATE VIEW v_user AS
SELECT u.id,
       jsonb_build_object('id', u.id::text, 'name', u.name) AS data
FROM tb_user u;

-- Drift: the title is NULLIF(title, ''), which can be NULL; the author is v_user's data.
CREATE VIEW v_post AS
SELECT p.id,
       jsonb_build_object('id', p.id::text, 'title', NULLIF(p.title, ''), 'author', vu.data) AS data
FROM tb_post p
JOIN tb_user u ON u.pk_user = p.fk_user
JOIN v_user vu ON vu.id = u.id;

CREATE TYPE mutation_response AS (
    status text, message text, entity_id text, entity_type text, entity jsonb, updated_fields text[],
    cascade jsonb, metadata jsonb);

-- The entity is v_post's data for the new row: its drifts are v_post's and v_user's, reported once, there.
CREATE FUNCTION fn_create_post(input jsonb) RETURNS mutation_response LANGUAGE plpgsql AS $$
DECLARE
    v_id     uuid := gen_random_uuid();
    v_entity jsonb;
BEGIN
    INSERT INTO tb_post (id, title, content, fk_user)
    SELECT v_id, input->>'title', NULL, u.pk_user FROM tb_user u LIMIT 1;
    SELECT data INTO v_entity FROM v_post WHERE id = v_id;
    RETURN ROW('new', 'created', v_id::text, 'Post', v_entity, NULL, NULL, NULL)::mutation_response;
END;
$$;

-- The entity is v_user's data, checked as UserCard, which no view serves: its drift is named after v_user.
CREATE FUNCTION fn_create_user_card(input jsonb) RETURNS mutation_response LANGUAGE plpgsql AS $$
DECLARE
    v_entity jsonb;
BEGIN
    SELECT data INTO v_entity FROM v_user LIMIT 1;
    RETURN ROW('new', 'created', NULL, 'UserCard', v_entity, NULL, NULL, NULL)::mutation_response;
END;
$$;
