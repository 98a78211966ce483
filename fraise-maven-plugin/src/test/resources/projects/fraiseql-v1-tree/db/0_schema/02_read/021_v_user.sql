CREATE VIEW app.v_user AS
SELECT u.id,
       jsonb_build_object('id', u.id::text, 'name', u.name) AS data
FROM app.tb_user u;
