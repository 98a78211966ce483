CREATE VIEW v_post AS
SELECT p.id,
       jsonb_build_object('id', p.id::text, 'title', p.title, 'content', p.content) AS data
FROM tb_post p;

-- The second source drifts: its content comes through a LEFT JOIN and can be null.
CREATE VIEW v_published_post AS
SELECT p.id,
       jsonb_build_object('id', p.id::text, 'title', p.title, 'content', c.content) AS data
FROM tb_post p
LEFT JOIN tb_post c ON c.pk_post = p.pk_post AND c.is_published
WHERE p.is_published;

-- The third drops a key.
CREATE TABLE tv_post (
    id UUID PRIMARY KEY,
    data JSONB NOT NULL
);

CREATE VIEW v_post_fast AS
SELECT p.id, jsonb_build_object('id', p.id::text, 'title', p.title) AS data
FROM tb_post p;

CREATE OR REPLACE FUNCTION sync_tv_post() RETURNS VOID AS $$
BEGIN
    DELETE FROM tv_post;
    INSERT INTO tv_post (id, data) SELECT id, data FROM v_post_fast;
END;
$$ LANGUAGE plpgsql;
