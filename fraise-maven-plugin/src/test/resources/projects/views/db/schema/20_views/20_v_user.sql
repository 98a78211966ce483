CREATE VIEW v_user AS
SELECT u.id, jsonb_build_object('id', u.id::text, 'name', u.name, 'email', u.email) AS data
FROM tb_user u;

CREATE VIEW v_user_count AS
SELECT 1 AS id, jsonb_build_object('users', count(*)) AS data
FROM tb_user;
