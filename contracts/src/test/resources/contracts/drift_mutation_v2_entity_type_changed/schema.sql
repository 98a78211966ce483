CREATE VIEW v_post AS
SELECT p.id,
       jsonb_build_object('id', p.id::text, 'title', p.title, 'view_count', p.view_count) AS data
FROM tb_post p;

CREATE TYPE mutation_error_class AS ENUM ('validation', 'conflict', 'not_found', 'unauthorized', 'forbidden',
    'internal', 'transaction_failed', 'timeout', 'rate_limited', 'service_unavailable');
CREATE TYPE mutation_response AS (
    succeeded boolean, state_changed boolean, error_class mutation_error_class, status_detail text,
    http_status smallint, message text, entity_id uuid, entity_type text, entity jsonb, updated_fields text[],
    cascade jsonb, error_detail jsonb, metadata jsonb);

-- FraiseQL v2, flattened: the entity is read from v_post into a variable, but the view's view_count is built by
-- hand here, as text (drift): PostResult.entity is Post, whose viewCount is Int!.
CREATE FUNCTION fn_rename_post(p_id uuid, p_title text) RETURNS mutation_response LANGUAGE plpgsql AS $$
DECLARE
    v_entity jsonb;
BEGIN
    UPDATE tb_post SET title = p_title WHERE id = p_id;
    IF NOT FOUND THEN
        RETURN ROW(false, false, 'not_found', 'not found', 404, 'no such post', NULL, 'Post', NULL, NULL, NULL,
                   NULL, NULL)::mutation_response;
    END IF;
    v_entity := (SELECT jsonb_build_object('id', p.id::text, 'title', p.title, 'view_count', p.view_count::text)
                 FROM tb_post p WHERE p.id = p_id);
    RETURN ROW(true, true, NULL, 'updated', 200, 'renamed', p_id, 'Post', v_entity, NULL, NULL, NULL,
               NULL)::mutation_response;
END;
$$;
