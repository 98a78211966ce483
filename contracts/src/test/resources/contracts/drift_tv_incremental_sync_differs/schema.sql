CREATE VIEW v_user AS
SELECT u.id,
       jsonb_build_object(
           'id', u.id::text,
           'name', u.name,
           'email', u.email
       ) AS data
FROM tb_user u;

CREATE TABLE tv_user (
    id UUID PRIMARY KEY,
    data JSONB NOT NULL
);

-- Drift: the incremental sync upper-cases the name.
CREATE FUNCTION fn_sync_tv_user(p_id uuid) RETURNS void LANGUAGE sql AS $$
    INSERT INTO tv_user (id, data)
    SELECT v.id, v.data || jsonb_build_object('name', upper(v.data->>'name')) FROM v_user v WHERE v.id = p_id
    ON CONFLICT (id) DO UPDATE SET data = EXCLUDED.data;
$$;

INSERT INTO tb_user (id, identifier, name, email) VALUES
    ('a0000000-0000-4000-8000-000000000001', 'alice', 'Alice', 'alice@example.com'),
    ('a0000000-0000-4000-8000-000000000002', 'bob', 'Bob', 'bob@example.com');
