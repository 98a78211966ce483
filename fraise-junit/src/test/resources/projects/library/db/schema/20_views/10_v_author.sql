CREATE VIEW v_author AS
SELECT a.id,
       jsonb_build_object(
           'id', a.id::text,
           'name', a.name,
           'address', jsonb_build_object('city', a.city, 'country', a.country)
       ) AS data
FROM tb_author a;
