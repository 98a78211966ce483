CREATE VIEW v_product AS
SELECT p.id,
       jsonb_build_object('id', p.id::text, 'identifier', p.identifier, 'price', p.price) AS data
FROM tb_product p;
