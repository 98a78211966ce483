ALTER TABLE tb_post ADD COLUMN rating numeric(3, 1) NOT NULL DEFAULT 0;

-- rating is numeric(3,1): a Float, not an Int; view_count (integer) is fine behind Float.
CREATE VIEW v_post AS
SELECT p.id,
       jsonb_build_object(
           'id', p.id::text,
           'title', p.title,
           'rating', p.rating,
           'view_count', p.view_count
       ) AS data
FROM tb_post p;
