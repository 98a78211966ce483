-- Drift: the PG enum's labels are lower case, the GraphQL enum's upper case.
CREATE TYPE post_status AS ENUM ('draft', 'published', 'archived');
ALTER TABLE tb_post ADD COLUMN status post_status NOT NULL DEFAULT 'draft';

CREATE VIEW v_post AS
SELECT p.id,
       jsonb_build_object(
           'id', p.id::text,
           'title', p.title,
           'status', p.status
       ) AS data
FROM tb_post p;
