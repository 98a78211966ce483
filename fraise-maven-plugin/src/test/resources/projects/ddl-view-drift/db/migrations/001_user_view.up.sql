-- the view as it was: re-running it over the schema files would hide their drift
CREATE OR REPLACE VIEW v_user AS
SELECT u.id, jsonb_build_object('id', u.id::text, 'name', u.name) AS data
FROM tb_user u;
