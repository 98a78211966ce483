CREATE TYPE post_status AS ENUM ('DRAFT', 'PUBLISHED', 'ARCHIVED');
ALTER TABLE tb_post ADD COLUMN status post_status NOT NULL DEFAULT 'DRAFT';

CREATE VIEW v_post AS
SELECT p.id,
       jsonb_build_object(
           'id', p.id::text,
           'title', p.title,
           'status', p.status
       ) AS data
FROM tb_post p;
