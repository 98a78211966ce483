-- Post is served by three Query fields, each from its own source: every one is checked.
CREATE VIEW v_post AS
SELECT p.id,
       jsonb_build_object('id', p.id::text, 'title', p.title, 'content', p.content) AS data
FROM tb_post p;

CREATE VIEW v_published_post AS
SELECT p.id,
       jsonb_build_object('id', p.id::text, 'title', p.title, 'content', p.content) AS data
FROM tb_post p
WHERE p.is_published;

-- Materialised projection of v_post for hot paths, its JSON in payload.
CREATE TABLE tv_post (
    id UUID PRIMARY KEY,
    data JSONB NOT NULL
);

CREATE OR REPLACE FUNCTION sync_tv_post() RETURNS VOID AS $$
BEGIN
    DELETE FROM tv_post;
    INSERT INTO tv_post (id, data) SELECT id, data FROM v_post;
END;
$$ LANGUAGE plpgsql;
