CREATE VIEW v_author AS
SELECT a.id,
       jsonb_build_object(
           'id', a.id::text,
           'name', a.name,
           'address', a.profile
       ) AS data
FROM tb_author a;
