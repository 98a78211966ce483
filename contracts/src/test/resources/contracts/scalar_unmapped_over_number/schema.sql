ALTER TABLE tb_post ADD COLUMN price numeric(10, 2) NOT NULL DEFAULT 0;

-- price is numeric: a JSON number, which a Decimal scalar mapped to numeric accepts.
CREATE VIEW v_post AS
SELECT p.id,
       jsonb_build_object(
           'id', p.id::text,
           'title', p.title,
           'price', p.price
       ) AS data
FROM tb_post p;
