CREATE VIEW v_user AS
SELECT u.id, jsonb_build_object('id', u.id::text, 'name', u.name, 'email', u.email) AS data
FROM tb_user u;

-- A function, not a view: FraiseQL cannot read it as a query's source.
CREATE FUNCTION fn_search_users(q text) RETURNS SETOF jsonb LANGUAGE sql AS $$
    SELECT data FROM v_user WHERE data->>'name' ILIKE '%' || q || '%'
$$;

-- fn_post is a function too, named by the only binding of Post.
CREATE FUNCTION fn_post() RETURNS jsonb LANGUAGE sql AS $$ SELECT '{}'::jsonb $$;
