CREATE VIEW v_item AS
SELECT i.id,
       jsonb_build_object('id', i.id::text, 'identifier', i.identifier, 'name', i.name) AS data
FROM tb_item i;
