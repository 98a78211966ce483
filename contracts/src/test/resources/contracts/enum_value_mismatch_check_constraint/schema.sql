-- A CHECK-constrained text column as the enum: its allowed values include SCHEDULED, which PostStatus lacks.
ALTER TABLE tb_post ADD COLUMN status text NOT NULL DEFAULT 'DRAFT'
    CHECK (status IN ('DRAFT', 'PUBLISHED', 'ARCHIVED', 'SCHEDULED'));

CREATE VIEW v_post AS
SELECT p.id,
       jsonb_build_object(
           'id', p.id::text,
           'title', p.title,
           'status', p.status
       ) AS data
FROM tb_post p;
