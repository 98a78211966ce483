-- Drift: status is stored as a smallint code; the GraphQL enum reads a string.
ALTER TABLE tb_post ADD COLUMN status smallint NOT NULL DEFAULT 0;

CREATE VIEW v_post AS
SELECT p.id,
       jsonb_build_object(
           'id', p.id::text,
           'title', p.title,
           'status', p.status
       ) AS data
FROM tb_post p;
