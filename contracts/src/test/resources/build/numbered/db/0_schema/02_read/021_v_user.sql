CREATE VIEW app.v_user AS SELECT pk_user, jsonb_build_object('name', name) AS data FROM app.tb_user;
