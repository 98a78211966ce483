-- the drift: name is no longer emitted
CREATE VIEW v_user AS
SELECT u.id, jsonb_build_object('id', u.id::text) AS data
FROM tb_user u;
